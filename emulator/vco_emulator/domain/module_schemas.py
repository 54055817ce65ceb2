"""Schemas of profile module documents (the `data` of a v1 `configuration_module`), from the v1 spec.

`validate_module_data(name, data, path)` checks a whole module document before it is
stored: `firewall` against `firewall_data` (outbound rules per segment, inbound rules (port
forwarding / 1:1 NAT), services), `QOS` against `QOSData` (business policies per segment) and
`WAN` against `WAN_data` (links and networks). Types, enums and required fields follow the
spec; fields the spec does not name are kept (its objects do not forbid them), unless
`set_strip_unknown_fields(True)` (`vco-emulator serve --strip-unknown-fields`) asks to store
only the fields the spec names, as an Orchestrator that drops unknown fields would; free-form
objects of the spec (`dict` fields such as `nat`) are kept whole. Errors name the JSON path of
the offending field, prefixed with `path`.

Not implemented: `cos_mapping`, `route_action_object` and `nat_object` contents are only
checked to be objects; references inside rules (address/port groups, applications) are not
resolved; an inbound rule's interface and a WAN link's interfaces are not checked against the
edge's interfaces; the other modules (`controlPlane`, ...) are only checked to be objects.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from .errors import FieldError, InvalidRequest
from .validation import parse


class _Doc(BaseModel):
    model_config = ConfigDict(extra="allow", strict=True)


RuleType = Literal["exact", "prefix", "wildcard", "netmask"]
IpVersion = Literal["IPv4", "IPv6", "IPv4v6"]


class SegmentMetadata(_Doc):
    """`configuration_module_segment_metadata`: how a module names a segment."""

    name: str | None = None
    segmentId: int | None = None
    segmentLogicalId: str | None = None
    type: Literal["REGULAR", "CDE", "PRIVATE"] | None = None


class RuleMatch(_Doc):
    """`firewall_rule_match` (and the `match` of a business policy)."""

    appid: int | None = None
    classid: int | None = None
    dscp: int | None = None
    ipVersion: IpVersion | None = None
    sip: str | None = None
    sipV6: str | None = None
    sport_high: int | None = None
    sport_low: int | None = None
    sAddressGroup: str | None = None
    sPortGroup: str | None = None
    ssm: str | None = None
    smac: str | None = None
    svlan: int | None = None
    sInterface: str | None = None
    os_version: int | None = None
    hostname: str | None = None
    dip: str | None = None
    dipV6: str | None = None
    dport_low: int | None = None
    dport_high: int | None = None
    dAddressGroup: str | None = None
    dPortGroup: str | None = None
    dsm: str | None = None
    dmac: str | None = None
    dvlan: int | None = None
    dInterface: str | None = None
    proto: int | None = None
    s_rule_type: RuleType | None = None
    d_rule_type: RuleType | None = None


class OutboundAction(_Doc):
    allow_or_deny: Literal["allow", "deny", "drop", "reject", "skip"] | None = None


class OutboundRule(_Doc):
    name: str | None = None
    match: RuleMatch
    action: OutboundAction
    ruleLogicalId: str | None = None


class InboundNat(_Doc):
    lan_ip: str
    lan_port: int | None = None
    outbound: bool | None = None


class InboundAction(_Doc):
    type: Literal["port_forwarding", "one_to_one_nat"]
    nat: InboundNat
    interface: str
    subinterfaceId: int | None = None


class InboundRule(_Doc):
    name: str | None = None
    match: RuleMatch
    action: InboundAction
    ruleLogicalId: str | None = None


class FirewallSegment(_Doc):
    firewall_logging_enabled: bool
    stateful_firewall_enabled: bool | None = None
    outbound: list[OutboundRule]
    segment: SegmentMetadata


class FlowTimeouts(_Doc):
    establishedTcpFlowTimeout: int | None = None
    nonEstablishedTcpFlowTimeout: int | None = None
    udpFlowTimeout: int | None = None
    otherFlowTimeout: int | None = None


class Enabled(_Doc):
    enabled: bool


class AccessService(_Doc):
    enabled: bool
    allowSelectedIp: list[str] | None = None
    ruleLogicalId: str | None = None


class LocalUi(AccessService):
    portNumber: int


class FirewallServices(_Doc):
    loggingEnabled: bool
    post: Enabled | None = None
    ssh: AccessService | None = None
    localUi: LocalUi | None = None
    console: Enabled | None = None
    usb_disabled: bool | None = Field(default=None, alias="usb.disabled")
    snmp: AccessService | None = None
    icmp: AccessService | None = None


class FirewallData(_Doc):
    """`firewall_data`: the whole `firewall` module document."""

    firewall_enabled: bool
    inboundLoggingEnabled: bool | None = None
    stateful_firewall_enabled: bool | None = None
    firewall_logging_enabled: bool | None = None
    syslog_forwarding: bool | None = None
    inbound: list[InboundRule]
    inboundV6: list[InboundRule] | None = None
    statefulFirewallSettings: FlowTimeouts | None = None
    statefulFirewallSettingsV6: FlowTimeouts | None = None
    networkProtectionSettings: dict[str, Any] | None = None
    networkProtectionSettingsV6: dict[str, Any] | None = None
    segments: list[FirewallSegment]
    services: FirewallServices | None = None
    sshKeys: list[dict[str, Any]] | None = None


class BusinessPolicyAction(_Doc):
    routeType: str | None = None
    allowConditionalBh: bool | None = None
    userDisableConditionalBh: bool | None = None
    edge2EdgeRouteAction: dict[str, Any] | None = None
    edge2DataCenterRouteAction: dict[str, Any] | None = None
    edge2CloudRouteAction: dict[str, Any] | None = None
    QoS: dict[str, Any] | None = None
    sla: dict[str, Any] | None = None
    nat: dict[str, Any] | None = None
    natIpVersion: IpVersion | None = None
    natV6: dict[str, Any] | None = None


class BusinessPolicy(_Doc):
    """`QOS_business_rules`: one business policy rule."""

    name: str | None = None
    match: RuleMatch | None = None
    action: BusinessPolicyAction | None = None
    ruleLogicalId: str | None = None


class WebProxy(_Doc):
    providers: list[dict[str, Any]] | None = None


class CosMapping(_Doc):
    lsInputType: str | None = None
    bulk: dict[str, Any] | None = None
    realtime: dict[str, Any] | None = None
    transactional: dict[str, Any] | None = None


class QosSegment(_Doc):
    rules: list[BusinessPolicy]
    defaults: list[BusinessPolicy] | None = None
    webProxy: WebProxy
    cosMapping: CosMapping | None = None
    segment: SegmentMetadata


class ServiceRateLimit(_Doc):
    enabled: bool
    inputType: str | None = None
    value: int | None = None


class QosData(_Doc):
    """`QOSData`: the whole `QOS` module document."""

    serviceRateLimit: ServiceRateLimit | None = None
    segments: list[QosSegment]


class WanSla(_Doc):
    latencyMs: int | None = None
    jitterMs: int | None = None
    lossPct: int | None = None


class WanClassSla(_Doc):
    latencyMs: int | None = None
    jitterMs: int | None = None
    lossPct: str | None = None


class WanClassOfService(_Doc):
    id: str | None = None
    name: str | None = None
    dscpTags: list[str] | None = None
    staticSLA: WanClassSla | None = None
    bandwidthPct: int | None = None
    bandwidthGuaranteed: bool | None = None
    defaultClassOfService: bool | None = None


class WanClassesOfService(_Doc):
    classId: int | None = None
    classesOfService: list[WanClassOfService] | None = None


class WanPrivateNetwork(_Doc):
    id: int | None = None
    logicalId: str | None = None
    ref: str | None = Field(default=None, pattern="wan:privateNetwork")


class WanLink(_Doc):
    """One item of `WAN_data.links`: a WAN link of an edge."""

    logicalId: str | None = None
    internalId: str | None = None
    discovery: Literal["DISABLED", "AUTO_DISCOVERED", "USER_DEFINED"] | None = None
    mode: Literal["PUBLIC", "PRIVATE"] | None = None
    type: Literal["WIRED", "WIRELESS"] | None = None
    addressingVersion: IpVersion | None = None
    name: str | None = None
    isp: str | None = None
    publicIpAddress: str | None = None
    publicIpAddressV6: str | None = None
    sourceIpAddress: str | None = None
    nextHopIpAddress: str | None = None
    sourceIpAddressV6: str | None = None
    nextHopIpAddressV6: str | None = None
    customVlanId: bool | None = None
    vlanId: int | None = None
    enable8021P: bool | None = None
    priority8021P: int | None = None
    virtualIpAddress: str | None = None
    dynamicBwAdjustmentEnabled: bool | None = None
    bwMeasurement: str | None = None
    upstreamMbps: str | None = None
    downstreamMbps: str | None = None
    backupOnly: bool | None = None
    hotStandby: bool | None = None
    minActiveLinks: int | None = None
    overheadBytes: int | None = None
    udpHolePunching: bool | None = None
    MTU: int | None = None
    pmtudDisabled: bool | None = None
    mplsNetwork: str | None = None
    dscpTag: str | None = None
    staticSlaEnabled: bool | None = None
    classesofServiceEnabled: bool | None = None
    strictIpPrecedence: bool | None = None
    encryptOverlay: bool | None = None
    staticSLA: WanSla | None = None
    classesOfService: WanClassesOfService | None = None
    interfaces: list[str] | None = None
    lastActive: str | None = None
    privateNetwork: WanPrivateNetwork | None = None


class WanNetwork(_Doc):
    mode: str | None = None
    type: str | None = None
    name: str | None = None
    logicalId: str | None = None
    interface: str | None = None
    internalId: str | None = None
    ipAddress: str | None = None
    isp: str | None = None
    lastActive: int | None = None


class WanData(_Doc):
    """`WAN_data`: the whole `WAN` module document (nothing in it is required)."""

    links: list[WanLink] | None = None
    networks: list[WanNetwork] | None = None


_MODELS: dict[str, type[BaseModel]] = {"firewall": FirewallData, "QOS": QosData, "WAN": WanData}
_strip_unknown = False


def set_strip_unknown_fields(on: bool) -> None:
    """Process-wide: store firewall/QOS/WAN documents with only the fields their schemas name."""
    global _strip_unknown
    _strip_unknown = on


def _known_fields(value: Any) -> Any:
    """A parsed document as JSON, without the fields its models do not declare."""
    if isinstance(value, BaseModel):
        fields = type(value).model_fields
        return {
            (field.alias or name): _known_fields(getattr(value, name))
            for name, field in fields.items()
            if name in value.model_fields_set
        }
    if isinstance(value, list):
        return [_known_fields(v) for v in value]
    if isinstance(value, dict):
        return {k: _known_fields(v) for k, v in value.items()}
    return value


def validate_module_data(name: str, data: Any, path: str) -> dict[str, Any]:
    """Check a module document; `path` (e.g. `_update.data`) prefixes the error paths."""
    if not isinstance(data, dict):
        raise InvalidRequest(
            f"{path} of module {name} must be a JSON object, not {type(data).__name__}",
            [FieldError(path, "must be an object")],
        )
    model = _MODELS.get(name)
    if model is None:
        return data
    parsed = parse(model, data, what=f"{name} module document", at=path)
    return dict(_known_fields(parsed)) if _strip_unknown else data
