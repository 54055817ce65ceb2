"""Lookups whose arguments are outputs of resources of the same stack (the `_output` variants)."""

import pulumi

import pulumi_velocloud as velocloud

acme = velocloud.Enterprise("acme", name="Lookup Corp")
branch = velocloud.Profile("branch", enterprise_id=acme.id, name="Branch")
edge = velocloud.Edge("e1", enterprise_id=acme.id, profile_id=branch.id, name="e1", model_number="edge6X0")

enterprise = velocloud.get_enterprise_output(name=acme.name)
profile = velocloud.get_profile_output(enterprise_id=acme.id, name=branch.name)
found_edge = velocloud.get_edge_output(enterprise_id=acme.id, name=edge.name)
edges = velocloud.list_edges_output(enterprise_id=edge.enterprise_id, filters={"modelNumber[is]": "edge6X0"})

pulumi.export("declared", {"enterprise": acme.id, "profile": branch.id, "edge": edge.id})
pulumi.export(
    "looked_up",
    {"enterprise": enterprise.logical_id, "profile": profile.logical_id, "edge": found_edge.logical_id},
)
pulumi.export("enterprise_vco_id", enterprise.vco_id)
pulumi.export("edge_names", edges.apply(lambda found: [e.name for e in found]))
