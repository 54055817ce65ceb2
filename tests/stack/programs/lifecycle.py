"""A stack with one edge whose lifecycle the config drives: HA, software image, local UI
password, an RMA."""

import pulumi

import pulumi_velocloud as velocloud

config = pulumi.Config()

acme = velocloud.Enterprise("acme", name="Lifecycle Corp", edge_image_management=True)
branch = velocloud.Profile("branch", enterprise_id=acme.id, name="Branch")
edge = velocloud.Edge(
    "nyc-01",
    enterprise_id=acme.id,
    profile_id=branch.id,
    name="nyc-01",
    model_number="edge6X0",
    serial_number=config.get("serial") or "VC-LIFE-1",
    ha_enabled=config.get_bool("ha") or False,
    local_ui_password=config.get_secret("uiPassword"),
)
if config.get("image"):
    velocloud.EdgeSoftwareImage(
        "nyc-01-image", enterprise_id=acme.id, edge_id=edge.id, software_image=config.require("image")
    )
if config.get("serial"):
    rma = velocloud.EdgeReactivation(
        "nyc-01-rma", enterprise_id=acme.id, edge_id=edge.id, serial_number=config.require("serial")
    )
    pulumi.export("rma_key", rma.activation_key)

pulumi.export("enterprise_id", acme.id)
pulumi.export("edge_id", edge.id)
pulumi.export("activation_key", edge.activation_key)
