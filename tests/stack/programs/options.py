"""Resource options on our dynamic resources: protect, ignore_changes, retain_on_delete, aliases."""

import pulumi

import pulumi_velocloud as velocloud

config = pulumi.Config()
resource_name = config.get("resourceName") or "acme"
acme = velocloud.Enterprise(
    resource_name,
    name="Options Corp",
    description=config.get("description") or "first",
    opts=pulumi.ResourceOptions(
        protect=config.get_bool("protect") or False,
        ignore_changes=["description"],
        retain_on_delete=config.get_bool("retain") or False,
        aliases=[pulumi.Alias(name="acme")] if resource_name != "acme" else None,
    ),
)
profile = velocloud.Profile(
    "branch", enterprise_id=acme.id, name="Branch", opts=pulumi.ResourceOptions(depends_on=[acme])
)
