"""The typed routing sections of a segment's device settings: Cloud VPN, BGP, OSPF, BFD (inputs and checks).

Shaped by the v2 `DeviceSettingsSegment` sections `vpn`, `bgp`, `ospf`, `bfd` (2022-12-15
spec); how they map to the document is `device_settings_routing_mapping`. Every check runs at
`check` time without calling the API; errors name the field and the value (never a secret).
Not done here: whether a hub edge, hub cluster or BGP peer exists (left to the Orchestrator),
IPv6 (`v6Detail`, `rulesV6`), BGP aggregation and uplink communities, OSPF aggregation and
redistribution metrics, Cloud VPN isolation groups and non-SD-WAN sites via gateway.
"""

from __future__ import annotations

import ipaddress
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

MAX_ASN = 4_294_967_295  # 4-byte ASNs (RFC 6793)


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def ipv4(value: str, what: str) -> str:
    try:
        return str(ipaddress.IPv4Address(value))
    except ValueError:
        raise ValueError(f"{what} {value!r} is not an IPv4 address, e.g. 192.0.2.1") from None


def ipv4_network(value: str, what: str) -> ipaddress.IPv4Network:
    try:
        return ipaddress.IPv4Network(value)
    except ValueError as exc:
        if "host bits" in str(exc):
            net = ipaddress.IPv4Network(value, strict=False)
            raise ValueError(f"{what} {value!r} has host bits set; did you mean {net}?") from None
        raise ValueError(f"{what} {value!r} is not an IPv4 network, e.g. 10.20.0.0/16") from None


def unique(values: list[Any], what: str) -> None:
    seen: set[Any] = set()
    for v in values:
        if v in seen:
            raise ValueError(f"{what} {v!r} appears twice; each must be unique")
        seen.add(v)


# -- Cloud VPN ---------------------------------------------------------------------------


class VpnHubArgs(_Section):
    """A VPN hub: an edge (its `Edge` id) or a hub cluster (its `HubCluster` id); set exactly one."""

    edge_id: str | None = Field(None, min_length=1, description="logicalId of a hub edge (an `Edge` id).")
    hub_cluster_id: str | None = Field(
        None, min_length=1, description="logicalId of a hub cluster (a `HubCluster` id)."
    )

    @model_validator(mode="after")
    def _one(self) -> VpnHubArgs:
        if (self.edge_id is None) == (self.hub_cluster_id is None):
            raise ValueError("a hub is an edge_id or a hub_cluster_id: set exactly one")
        return self

    @property
    def logical_id(self) -> str:
        return self.edge_id or self.hub_cluster_id or ""


class CloudVpnArgs(_Section):
    """Cloud VPN of the segment (`segments[].vpn`): branch to hubs, branch to branch, backhaul."""

    enabled: bool | None = Field(None, description="Cloud VPN on for this segment.")
    branch_to_hub: bool | None = Field(None, description="Permanent tunnels from each edge to `hubs`.")
    hubs: list[VpnHubArgs] | None = Field(
        None, description="Hubs for branch-to-hub tunnels (owned as a whole, in order of preference)."
    )
    edge_to_edge: bool | None = Field(None, description="Branch-to-branch VPN.")
    edge_to_edge_via: Literal["gateway", "hubs"] | None = Field(
        None,
        description='Branch-to-branch traffic through the Cloud Gateways ("gateway") or `edge_to_edge_hubs`.',
    )
    edge_to_edge_hubs: list[VpnHubArgs] | None = Field(
        None,
        description='Hubs that relay branch-to-branch traffic when edge_to_edge_via="hubs" (owned whole).',
    )
    auto_select_hubs: bool | None = Field(None, description="Let the Orchestrator pick the relay hubs.")
    dynamic_edge_to_edge: bool | None = Field(
        None, description="Build direct (dynamic) branch-to-branch tunnels on demand."
    )
    isolate_profile: bool | None = Field(
        None, description="Isolate the profile: its edges build no tunnels to other profiles' edges."
    )
    backhaul_hubs: list[VpnHubArgs] | None = Field(
        None, description="Hubs internet traffic is backhauled to (owned as a whole)."
    )
    conditional_backhaul: bool | None = Field(
        None, description="Backhaul internet traffic to the hubs only when the edge's direct links fail."
    )

    @model_validator(mode="after")
    def _consistent(self) -> CloudVpnArgs:
        for name in ("hubs", "edge_to_edge_hubs", "backhaul_hubs"):
            unique([h.logical_id for h in getattr(self, name) or []], f"{name}: hub")
        if self.enabled is False:
            on = [
                name
                for name in ("branch_to_hub", "edge_to_edge", "dynamic_edge_to_edge", "conditional_backhaul")
                if getattr(self, name)
            ]
            if on:
                raise ValueError(f"enabled=False turns Cloud VPN off, but {', '.join(on)} is True")
        if self.hubs and self.branch_to_hub is False:
            raise ValueError("hubs are set but branch_to_hub=False: set branch_to_hub=True or drop hubs")
        if self.edge_to_edge_via == "hubs" and not self.edge_to_edge_hubs and not self.auto_select_hubs:
            raise ValueError('edge_to_edge_via="hubs" needs edge_to_edge_hubs (or auto_select_hubs=True)')
        if self.edge_to_edge_hubs and self.edge_to_edge_via == "gateway":
            raise ValueError('edge_to_edge_hubs are used only with edge_to_edge_via="hubs"')
        if (self.edge_to_edge_via is not None or self.dynamic_edge_to_edge) and self.edge_to_edge is False:
            raise ValueError("edge_to_edge_via / dynamic_edge_to_edge need edge_to_edge=True")
        if self.conditional_backhaul and not self.backhaul_hubs:
            raise ValueError("conditional_backhaul=True needs backhaul_hubs to send the traffic to")
        return self


# -- BGP ---------------------------------------------------------------------------------


def _asn(value: int, what: str) -> int:
    if not 1 <= value <= MAX_ASN:
        raise ValueError(f"{what} {value} is out of range; allowed 1..{MAX_ASN}")
    return value


class BgpFilterRuleArgs(_Section):
    """One rule of a BGP filter: a match and what to do with matching routes."""

    match_type: Literal["PREFIX", "COMMUNITY"] = Field("PREFIX", description="Match a prefix or a community.")
    match_value: str = Field(
        min_length=1, description="The prefix (e.g. 10.8.0.0/16) or community (e.g. 65000:100)."
    )
    exact_match: bool = Field(False, description="PREFIX: the prefix exactly, not its longer prefixes too.")
    action: Literal["PERMIT", "DENY"] = Field(description="Permit or deny matching routes.")
    set_type: Literal["AS_PATH_PREPEND", "METRIC", "LOCAL_PREFERENCE", "COMMUNITY"] | None = Field(
        None, description="PERMIT: an attribute to set on matching routes."
    )
    set_value: str | None = Field(None, min_length=1, description="The value set_type sets, e.g. 200.")

    @model_validator(mode="after")
    def _rule(self) -> BgpFilterRuleArgs:
        if self.match_type == "PREFIX":
            ipv4_network(self.match_value, "match_value")
        if (self.set_type is None) != (self.set_value is None):
            raise ValueError("set_type and set_value go together: set both or neither")
        if self.set_type is not None and self.action == "DENY":
            raise ValueError("a DENY rule sets nothing: drop set_type/set_value or use PERMIT")
        if (
            self.set_type in ("METRIC", "LOCAL_PREFERENCE", "AS_PATH_PREPEND")
            and not str(self.set_value).replace(" ", "").isdigit()
        ):
            raise ValueError(
                f"{self.set_type} takes a number (AS_PATH_PREPEND: AS numbers), not {self.set_value!r}"
            )
        return self


class BgpFilterArgs(_Section):
    """A named BGP filter of the segment, applied to neighbours by name."""

    name: str = Field(min_length=1, max_length=255, description="Filter name; the filter's key.")
    rules: list[BgpFilterRuleArgs] = Field(min_length=1, description="Rules, first match wins (owned whole).")


class BgpNeighborArgs(_Section):
    """A BGP neighbour (peer) of the segment; identified by its address. The MD5 password is secret."""

    ip: str = Field(description="Neighbour address; the neighbour's key.")
    asn: int = Field(description="Neighbour AS number, 1..4294967295.")
    md5_password: str | None = Field(
        None, min_length=1, max_length=80, description="TCP MD5 password (secret); turns MD5 on."
    )
    inbound_filter: str | None = Field(
        None, min_length=1, description="Name of a filter in `filters` for learned routes."
    )
    outbound_filter: str | None = Field(
        None, min_length=1, description="Name of a filter in `filters` for advertised routes."
    )
    keepalive_seconds: int | None = Field(None, ge=1, le=65535, description="Keepalive timer.")
    holdtime_seconds: int | None = Field(None, ge=3, le=65535, description="Hold timer.")
    max_hop: int | None = Field(None, ge=1, le=255, description="eBGP multihop TTL.")
    local_ip: str | None = Field(None, description="Local address for multihop sessions.")
    source_interface: str | None = Field(None, min_length=1, description="Source interface, e.g. GE3.")
    allow_as: bool | None = Field(None, description="Accept routes carrying our own AS.")
    default_route: bool | None = Field(None, description="Advertise a default route to this neighbour.")
    uplink: bool | None = Field(None, description="Tag the neighbour as an uplink (neighborTag UPLINK).")

    @field_validator("ip")
    @classmethod
    def _ip(cls, value: str) -> str:
        return ipv4(value, "ip")

    @field_validator("local_ip")
    @classmethod
    def _local(cls, value: str | None) -> str | None:
        return None if value is None else ipv4(value, "local_ip")

    @field_validator("asn")
    @classmethod
    def _as(cls, value: int) -> int:
        return _asn(value, "asn")

    @model_validator(mode="after")
    def _timers(self) -> BgpNeighborArgs:
        k, h = self.keepalive_seconds, self.holdtime_seconds
        if k is not None and h is not None and h < 3 * k:
            raise ValueError(f"holdtime_seconds {h} should be at least 3 x keepalive_seconds ({3 * k})")
        return self


class BgpArgs(_Section):
    """BGP of the segment (`segments[].bgp`): local AS, router id, networks, neighbours, filters."""

    enabled: bool | None = Field(None, description="Run BGP in this segment.")
    asn: int | None = Field(None, description="Local AS number, 1..4294967295.")
    router_id: str | None = Field(None, description="Router id, an IPv4 address.")
    keepalive_seconds: int | None = Field(None, ge=1, le=65535, description="Default keepalive timer.")
    holdtime_seconds: int | None = Field(None, ge=3, le=65535, description="Default hold timer.")
    connected_routes: bool | None = Field(None, description="Redistribute connected routes.")
    overlay_prefix: bool | None = Field(None, description="Advertise overlay prefixes.")
    networks: list[str] | None = Field(
        None, description="Networks to advertise, e.g. 10.8.0.0/16 (owned whole)."
    )
    neighbors: list[BgpNeighborArgs] | None = Field(None, description="Neighbours, by address.")
    filters: list[BgpFilterArgs] | None = Field(None, description="Filters, by name.")

    @field_validator("asn")
    @classmethod
    def _as(cls, value: int | None) -> int | None:
        return None if value is None else _asn(value, "asn")

    @field_validator("router_id")
    @classmethod
    def _router(cls, value: str | None) -> str | None:
        return None if value is None else ipv4(value, "router_id")

    @field_validator("networks")
    @classmethod
    def _networks(cls, value: list[str] | None) -> list[str] | None:
        return None if value is None else [str(ipv4_network(v, "networks:")) for v in value]

    @model_validator(mode="after")
    def _references(self) -> BgpArgs:
        unique([n.ip for n in self.neighbors or []], "neighbour ip")
        unique([f.name for f in self.filters or []], "filter name")
        names = {f.name for f in self.filters or []}
        for n in self.neighbors or []:
            for which in ("inbound_filter", "outbound_filter"):
                name = getattr(n, which)
                if name is not None and name not in names:
                    known = ", ".join(sorted(names)) or "none"
                    raise ValueError(
                        f"neighbour {n.ip}: {which} {name!r} is not one of this segment's filters ({known})"
                    )
        if self.enabled and self.neighbors and self.asn is None:
            raise ValueError("BGP with neighbours needs the local asn")
        return self


# -- OSPF --------------------------------------------------------------------------------


class OspfAreaArgs(_Section):
    """An OSPF area; identified by its id."""

    id: int = Field(ge=0, le=4_294_967_295, description="Area id (0: backbone); the area's key.")
    name: str | None = Field(None, max_length=255, description="Area name.")
    type: Literal["normal", "stub", "nssa"] | None = Field(None, description="Area type.")

    @model_validator(mode="after")
    def _backbone(self) -> OspfAreaArgs:
        if self.id == 0 and self.type not in (None, "normal"):
            raise ValueError(f"area 0 is the backbone and cannot be {self.type!r}")
        return self


class OspfArgs(_Section):
    """OSPF of the segment (`segments[].ospf`): its areas and default-route behaviour."""

    enabled: bool | None = Field(None, description="Run OSPF in this segment.")
    areas: list[OspfAreaArgs] | None = Field(None, description="Areas, by id.")
    default_routes: Literal["OE1", "OE2", "NONE"] | None = Field(
        None, description="Redistribute overlay default routes as external type 1/2, or not."
    )
    default_route_advertise: Literal["ALWAYS", "CONDITIONAL", "NONE"] | None = Field(
        None, description="Advertise a default route into OSPF."
    )

    @field_validator("areas")
    @classmethod
    def _areas(cls, value: list[OspfAreaArgs] | None) -> list[OspfAreaArgs] | None:
        unique([a.id for a in value or []], "area id")
        return value


class InterfaceOspfArgs(_Section):
    """OSPF on a routed interface. The MD5 passphrase is secret."""

    enabled: bool | None = Field(None, description="Run OSPF on this interface.")
    area: int | None = Field(None, ge=0, le=4_294_967_295, description="Area id the interface is in.")
    cost: int | None = Field(None, ge=1, le=65535, description="Interface cost.")
    hello_seconds: int | None = Field(None, ge=1, le=65535, description="Hello timer.")
    dead_seconds: int | None = Field(None, ge=1, le=65535, description="Dead timer.")
    passive: bool | None = Field(None, description="Advertise the network without forming adjacencies.")
    mode: Literal["BCAST", "P2P"] | None = Field(None, description="Broadcast or point-to-point.")
    auth_id: int | None = Field(
        None, ge=1, le=255, description="MD5 authentication key id (with md5_passphrase)."
    )
    md5_passphrase: str | None = Field(
        None, min_length=1, max_length=16, description="MD5 passphrase (secret)."
    )

    @model_validator(mode="after")
    def _timers(self) -> InterfaceOspfArgs:
        if self.hello_seconds and self.dead_seconds and self.dead_seconds <= self.hello_seconds:
            raise ValueError(
                f"dead_seconds {self.dead_seconds} must be longer than hello_seconds {self.hello_seconds}"
            )
        if (self.auth_id is None) != (self.md5_passphrase is None):
            raise ValueError("auth_id and md5_passphrase go together: set both or neither")
        return self


# -- BFD ---------------------------------------------------------------------------------


class BfdPeerArgs(_Section):
    """A BFD peer of the segment; identified by its address."""

    peer_address: str = Field(description="Peer address; the peer's key.")
    local_address: str | None = Field(None, description="Local address of the session.")
    multihop: bool | None = Field(None, description="Multihop session.")
    detect_multiplier: int | None = Field(None, ge=3, le=50, description="Detect multiplier, 3..50.")
    receive_interval_ms: int | None = Field(
        None, ge=300, le=60000, description="Receive interval, 300..60000 ms."
    )
    transmit_interval_ms: int | None = Field(
        None, ge=300, le=60000, description="Transmit interval, 300..60000 ms."
    )

    @field_validator("peer_address")
    @classmethod
    def _peer(cls, value: str) -> str:
        return ipv4(value, "peer_address")

    @field_validator("local_address")
    @classmethod
    def _local(cls, value: str | None) -> str | None:
        return None if value is None else ipv4(value, "local_address")


class BfdArgs(_Section):
    """BFD of the segment (`segments[].bfd`)."""

    enabled: bool | None = Field(None, description="Run BFD in this segment.")
    peers: list[BfdPeerArgs] | None = Field(None, description="BFD peers, by address.")

    @field_validator("peers")
    @classmethod
    def _peers(cls, value: list[BfdPeerArgs] | None) -> list[BfdPeerArgs] | None:
        unique([p.peer_address for p in value or []], "peer_address")
        return value
