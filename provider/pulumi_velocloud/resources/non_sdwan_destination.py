"""`NonSdwanDestination`: an IPsec destination outside the SD-WAN (a data centre, a cloud VPN
gateway, a security service) reached from edges: a v1 enterprise service of type
`nvsViaEdgeService` (`enterprise/*EnterpriseService*`).

Create is `insertEnterpriseService`, read `getEnterpriseServices` filtered by type (the item
with our numeric id: a rename by hand is followed), update `updateEnterpriseService` with the
name and the whole `data` (our keys laid over the document the Orchestrator holds, so keys we
do not model are kept), delete `deleteEnterpriseService`. The natural key is the name within
the enterprise's destinations.

The document follows the vendor spec's `nvs_from_edge_service_provider_data` and a sample that
ran against a real Orchestrator (docs/evidence.md section 9): `provider`/`type`,
`tunnelMode`, `providerCategory`, `primaryServer`/`backupServer` with `nvsPublicIp`,
`IKEPROP` and `IPSECPROP`, `peerSubnets.subnets[]`, `bgp.enabled`. Drift is detected on every
input field (`diff` compares the inputs with what `read` found).

Not implemented: destinations via gateways (their service type is not in the spec), the
per-edge tunnel settings and pre-shared keys (those live in each edge's device settings,
`edgeDirect`), automated cloud deployment, policy-based source subnets, tunnel status (v2
monitoring).
"""

from __future__ import annotations

import copy
import ipaddress
from collections.abc import Mapping
from typing import Any, Literal

import pulumi
from pulumi.dynamic import CreateResult
from pydantic import BaseModel, ConfigDict, Field, IPvAnyAddress, ValidationError, field_validator

from ..client import VcoClient
from ..client.errors import VcoError
from ..context import Connection, connect
from ..ids import LogicalId, VcoId, logical_id, vco_id
from ..mechanisms.declare import VcoResource
from ..mechanisms.enterprise_object import EnterpriseObjectProvider, object_outputs
from ..mechanisms.enterprise_service import name_taken, service_by_id, service_named
from ..mechanisms.errors import VcoResourceError, vco_errors
from ..mechanisms.spec import EXAMPLE_ENTERPRISE_ID, EnterpriseId, ResourceArgs, ResourceSpec, register
from ..models.enterprise_service import EnterpriseServiceV1

SERVICE_TYPE = "nvsViaEdgeService"
Provider = Literal["genericIKEv2Router", "genericIKEv1Router", "microsoftAzureVirtualWan", "Zscaler"]
Encryption = Literal[
    "Any", "AES_128_CBC", "AES_192_CBC", "AES_256_CBC", "AES_128_GCM", "AES_192_GCM", "AES_256_GCM", "NONE"
]
IKE_V1_PROVIDERS = frozenset({"genericIKEv1Router"})


class IkeArgs(BaseModel):
    """Phase 1 (IKE) proposal of the tunnels."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    encryption: Encryption = Field("Any", description="IKE encryption algorithm.")
    authentication: Literal["Any", "MD5", "SHA_1", "SHA_256"] = Field(
        "SHA_256", description="IKE integrity algorithm."
    )
    dh_group: Literal[2, 5, 14, 15, 16, 19, 20, 21] = Field(14, description="Diffie-Hellman group.")
    pfs: int = Field(0, ge=0, le=21, description="Perfect forward secrecy group (0: off).")
    lifetime_seconds: int = Field(86400, ge=60, description="IKE SA lifetime.")
    dpd_timeout_seconds: int = Field(20, ge=0, description="Dead peer detection timeout.")


class IpsecArgs(BaseModel):
    """Phase 2 (IPsec) proposal of the tunnels."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    encryption: Encryption = Field("AES_256_CBC", description="IPsec encryption algorithm.")
    authentication: Literal["Any", "MD5", "SHA_1", "SHA_256"] = Field(
        "SHA_256", description="IPsec integrity algorithm."
    )
    lifetime_seconds: int = Field(28800, ge=60, description="IPsec SA lifetime.")


class NonSdwanDestinationArgs(ResourceArgs):
    """The inputs of a `NonSdwanDestination`."""

    enterprise_id: EnterpriseId
    name: str = Field(
        min_length=1, max_length=255, description="Destination name, unique among the enterprise's."
    )
    provider: Provider = Field("genericIKEv2Router", description="The kind of peer (IKEv2, IKEv1, ...).")
    enabled: bool = Field(True, description="Whether edges bring the tunnels up.")
    tunnel_mode: Literal["ACTIVE_ACTIVE", "ACTIVE_HOT_STANDBY", "ACTIVE_STANDBY"] = Field(
        "ACTIVE_ACTIVE", description="How the primary and backup tunnels share traffic."
    )
    category: Literal["DATACENTER", "CSS"] = Field(
        "DATACENTER", description="DATACENTER, or CSS (a cloud security service)."
    )
    primary_ip: IPvAnyAddress = Field(description="Public IP address of the primary peer.")
    backup_ip: IPvAnyAddress | None = Field(None, description="Public IP address of the backup peer.")
    ike: IkeArgs = Field(IkeArgs(), description="IKE (phase 1) proposal.")
    ipsec: IpsecArgs = Field(IpsecArgs(), description="IPsec (phase 2) proposal.")
    peer_subnets: list[str] = Field(
        [], description="Networks behind the peer, as CIDRs (e.g. 10.50.0.0/16); order does not matter."
    )
    bgp_enabled: bool = Field(False, description="Whether routes are exchanged over BGP in the tunnels.")

    @field_validator("peer_subnets")
    @classmethod
    def _cidrs(cls, value: list[str]) -> list[str]:
        for cidr in value:
            try:
                ipaddress.ip_network(cidr, strict=False)
            except ValueError:
                raise ValueError(f"{cidr!r} is not a network in CIDR form, e.g. 10.50.0.0/16") from None
        return value


class NonSdwanDestinationOutputs(BaseModel):
    logical_id: str = Field(description="The service logicalId (also the Pulumi id).")
    vco_id: int = Field(description="The numeric id of the enterprise service in the v1 API.")
    enterprise_id: str
    enterprise_vco_id: int
    name: str
    provider: str | None = None
    enabled: bool | None = None
    tunnel_mode: str | None = None
    category: str | None = None
    primary_ip: str | None = None
    backup_ip: str | None = None
    ike: dict[str, Any]
    ipsec: dict[str, Any]
    peer_subnets: list[str]
    bgp_enabled: bool | None = None


SPEC = register(
    ResourceSpec(
        name="NonSdwanDestination",
        summary="An IPsec destination outside the SD-WAN reached from edges (data centre, cloud VPN).",
        args=NonSdwanDestinationArgs,
        outputs=NonSdwanDestinationOutputs,
        natural_key=("enterprise_id", "name"),
        replace_on_change=frozenset({"enterprise_id"}),
        fixture={
            "enterprise_id": EXAMPLE_ENTERPRISE_ID,
            "name": "DC1",
            "primary_ip": "203.0.113.10",
            "backup_ip": "203.0.113.11",
            "peer_subnets": ["10.50.0.0/16"],
        },
        example=(
            "dc1 = velocloud.NonSdwanDestination(\n"
            '    "dc1",\n'
            "    enterprise_id=acme.id,\n"
            '    name="DC1",\n'
            '    primary_ip="203.0.113.10",\n'
            '    backup_ip="203.0.113.11",\n'
            '    peer_subnets=["10.50.0.0/16"],\n'
            '    ike=velocloud.IkeArgs(encryption="AES_256_CBC", dh_group=14),\n'
            ")"
        ),
        notes=(
            "Edges use it through their device settings (edgeDirect), with their own pre-shared keys.",
            "A rename happens in place; keys of the document that this resource does not model are kept.",
        ),
    )
)


class NonSdwanDestinationProvider(EnterpriseObjectProvider):
    spec = SPEC

    def normalise(self, field: str, value: Any) -> Any:
        nested: dict[str, type[BaseModel]] = {"ike": IkeArgs, "ipsec": IpsecArgs}
        try:
            if field in nested:  # defaults filled in; values the Orchestrator holds that we
                return nested[field].model_validate(value or {}).model_dump()  # cannot model differ
            if field == "peer_subnets":
                return sorted(str(ipaddress.ip_network(c, strict=False)) for c in value or [])
        except (ValidationError, ValueError, TypeError):
            return value
        if field in ("primary_ip", "backup_ip") and value is not None:
            return str(value)
        return super().normalise(field, value)

    def create(self, props: dict[str, Any]) -> CreateResult:
        args: NonSdwanDestinationArgs = self.args(props)
        label = self.label_for(props)
        vco = connect()
        client = vco.client
        with vco_errors(label):
            enterprise = vco.ids.enterprise(args.enterprise_id)
            existing = _named(client, enterprise, args.name)
            if existing is not None and not args.adopt:
                raise _taken(label, existing)
            if existing is None:
                body = {"type": SERVICE_TYPE, "name": args.name, "data": render(args)}
                try:
                    service_id = client.v1.insert_enterprise_service(enterprise, body)
                except VcoError as exc:
                    taken = None if exc.ambiguous else _named(client, enterprise, args.name)
                    if taken is None:
                        raise
                    raise _taken(label, taken) from None
                outs = _outputs(args.enterprise_id, enterprise, _get(client, enterprise, service_id))
            else:
                olds = _outputs(args.enterprise_id, enterprise, existing)
                outs = self.apply(vco, olds, props) or olds
        return CreateResult(outs["logical_id"], outs)

    def apply(self, vco: Connection, olds: dict[str, Any], news: dict[str, Any]) -> dict[str, Any] | None:
        args: NonSdwanDestinationArgs = self.args(news)
        changed = [f for f in self.changed_fields(olds, news) if f != "enterprise_id"]
        if not changed:
            return None
        enterprise, service = vco_id(olds["enterprise_vco_id"]), vco_id(olds["vco_id"])
        current = _get(vco.client, enterprise, service)
        update: dict[str, Any] = {"data": _laid_over(current.data or {}, render(args))}
        if "name" in changed:
            update["name"] = args.name
        vco.client.v1.update_enterprise_service(enterprise, service, update)
        return _outputs(logical_id(olds["enterprise_id"]), enterprise, _get(vco.client, enterprise, service))

    def fetch(self, vco: Connection, enterprise: VcoId, numeric: VcoId) -> EnterpriseServiceV1:
        return _get(vco.client, enterprise, numeric)

    def read_outputs(
        self, vco: Connection, state: Mapping[str, Any], enterprise: VcoId, current: EnterpriseServiceV1
    ) -> dict[str, Any]:
        return _outputs(logical_id(state["enterprise_id"]), enterprise, current)

    def remove(self, client: VcoClient, enterprise: VcoId, numeric: VcoId) -> None:
        client.v1.delete_enterprise_service(enterprise, numeric)


class NonSdwanDestination(VcoResource[NonSdwanDestinationArgs], provider=NonSdwanDestinationProvider):
    """A non-SD-WAN destination via edges. Its Pulumi id is the service `logicalId`."""

    logical_id: pulumi.Output[str]
    vco_id: pulumi.Output[int]
    name: pulumi.Output[str]
    primary_ip: pulumi.Output[str]
    backup_ip: pulumi.Output[str | None]
    ike: pulumi.Output[dict[str, Any]]
    ipsec: pulumi.Output[dict[str, Any]]
    peer_subnets: pulumi.Output[list[str]]


# -- the document ------------------------------------------------------------------------------


def render(args: NonSdwanDestinationArgs) -> dict[str, Any]:
    """The service's `data` for these inputs (the spec's `nvs_from_edge_service_provider_data`)."""

    def server(ip: Any) -> dict[str, Any]:
        return {
            "nvsPublicIp": str(ip),
            "localLinkIp": "",
            "peerLinkIp": "",
            "IKEPROP": {
                "encryptionAlgorithm": args.ike.encryption,
                "authenticationAlgorithm": args.ike.authentication,
                "authenticationMethod": "PSK",
                "DHGroup": args.ike.dh_group,
                "PFS": args.ike.pfs,
                "lifeTimeSeconds": args.ike.lifetime_seconds,
                "dpdTimeoutSeconds": args.ike.dpd_timeout_seconds,
                "protocolVersion": 1 if args.provider in IKE_V1_PROVIDERS else 2,
            },
            "IPSECPROP": {
                "encryptionAlgorithm": args.ipsec.encryption,
                "authenticationAlgorithm": args.ipsec.authentication,
                "lifeTimeSeconds": args.ipsec.lifetime_seconds,
                "ipsecTunnelType": "ROUTE",
                "protocol": "ESP_AUTH",
            },
        }

    subnets = []
    for cidr in args.peer_subnets:
        net = ipaddress.ip_network(cidr, strict=False)
        subnets.append(
            {
                "cidrIp": str(net.network_address),
                "cidrPrefix": str(net.prefixlen),
                "netMask": str(net.netmask),
            }
        )
    backup: dict[str, Any] = (
        {**server(args.backup_ip), "enabled": True, "sameTunnelSettingsAsPrimary": True}
        if args.backup_ip is not None
        else {"enabled": False}
    )
    return {
        "type": args.provider,
        "provider": args.provider,
        "enabled": args.enabled,
        "tunnelMode": args.tunnel_mode,
        "providerCategory": args.category,
        "tunnelingProtocol": "IPSEC",
        "automateDeployment": False,
        "sharedIkeAuth": False,
        "bgp": {"enabled": args.bgp_enabled},
        "primaryServer": server(args.primary_ip),
        "backupServer": backup,
        "peerSubnets": {"alwaysReachable": False, "subnets": subnets},
    }


def _laid_over(current: dict[str, Any], ours: dict[str, Any]) -> dict[str, Any]:
    """`current` with every key of `ours` set (objects merged key by key, lists replaced)."""
    out = copy.deepcopy(current)
    for key, value in ours.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _laid_over(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def _obj(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _outputs(
    enterprise_id: LogicalId, enterprise_vco_id: VcoId, current: EnterpriseServiceV1
) -> dict[str, Any]:
    data = current.data or {}
    primary, backup = _obj(data.get("primaryServer")), _obj(data.get("backupServer"))
    ike, ipsec = _obj(primary.get("IKEPROP")), _obj(primary.get("IPSECPROP"))
    subnets = []
    for s in _obj(data.get("peerSubnets")).get("subnets") or []:
        if isinstance(s, dict) and s.get("cidrIp"):
            subnets.append(f"{s['cidrIp']}/{s.get('cidrPrefix') or 32}")
    return {
        **object_outputs(current, enterprise_id, enterprise_vco_id),
        "name": current.name,
        "provider": data.get("provider", data.get("type")),
        "enabled": data.get("enabled"),
        "tunnel_mode": data.get("tunnelMode"),
        "category": data.get("providerCategory"),
        "primary_ip": primary.get("nvsPublicIp"),
        "backup_ip": backup.get("nvsPublicIp") if backup.get("enabled") else None,
        "ike": {
            "encryption": ike.get("encryptionAlgorithm"),
            "authentication": ike.get("authenticationAlgorithm"),
            "dh_group": ike.get("DHGroup"),
            "pfs": ike.get("PFS"),
            "lifetime_seconds": ike.get("lifeTimeSeconds"),
            "dpd_timeout_seconds": ike.get("dpdTimeoutSeconds"),
        },
        "ipsec": {
            "encryption": ipsec.get("encryptionAlgorithm"),
            "authentication": ipsec.get("authenticationAlgorithm"),
            "lifetime_seconds": ipsec.get("lifeTimeSeconds"),
        },
        "peer_subnets": subnets,
        "bgp_enabled": _obj(data.get("bgp")).get("enabled"),
    }


def _named(client: VcoClient, enterprise: VcoId, name: str) -> EnterpriseServiceV1 | None:
    return service_named(client, enterprise, SERVICE_TYPE, name)


def _taken(label: str, existing: EnterpriseServiceV1) -> VcoResourceError:
    return name_taken(label, "non-SD-WAN destination", existing)


def _get(client: VcoClient, enterprise: VcoId, numeric: VcoId) -> EnterpriseServiceV1:
    return service_by_id(client, enterprise, SERVICE_TYPE, numeric, "non-SD-WAN destination")
