"""Edges of an enterprise and their sites: provision, read, list, update, move, delete, activate.

Rules enforced: an edge's name is unique within its enterprise (case-insensitive) and its
serial number unique across the Orchestrator (case-insensitive) when given; `modelNumber`
is one of the spec's models; the enterprise profile an edge uses is a profile of the same
enterprise that is not edge-specific. Provisioning creates the edge (activation PENDING,
state NEVER_ACTIVATED, a fresh activation key valid for 30 days), its site and its
edge-specific profile; deleting an edge removes all three. Enterprise users act only on
their own enterprise, read-only users only read. `activate_edge` is what the admin API uses
to simulate an edge coming online.

Not implemented: certificates (`generateCertificate` and the subject/password fields are
accepted and ignored), licenses (`license`/`edgeLicenseId` accepted and ignored), HA pairing
beyond the state `edge_ha` keeps (`haEnabled` writes `ha.enabled` into the edge's device
settings), WAN links, the
device actions' effect on a real device (only `shutdown` changes the stored state).
"""

from __future__ import annotations

import secrets
import string
from collections.abc import Callable
from datetime import timedelta
from typing import Any, Literal

from pydantic import Field, field_validator

from ..store import Record, Tx
from ..timestamps import utc_in, utc_now
from . import edge_ha, enterprises, kinds, profiles
from .auth import Principal
from .enterprises import PkiMode
from .errors import DataConflict, FieldError, InvalidRequest, NotFound
from .json_patch import apply_patch
from .validation import StrictModel, parse

KIND = kinds.EDGE
SITE_KIND = kinds.SITE
NAME_MAX = 255
ACTIVATION_KEY_DAYS = 30
EDGE_SPECIFIC_PROFILE_NAME = "Edge Specific Profile"
DEFAULT_SOFTWARE_VERSION = "5.1.0.0"
DEFAULT_BUILD_NUMBER = "R5100-20221208-GA"
MODULE_DEVICE_SETTINGS = "deviceSettings"

ModelNumber = Literal[
    "edge500",
    "edge5X0",
    "edge510",
    "edge510lte",
    "edge515",
    "edge6X0",
    "edge610lte",
    "edge840",
    "edge1000",
    "edge1000qat",
    "edge3X00",
    "edge3X10",
    "virtual",
]
AnalyticsMode = Literal["SDWAN_ONLY", "SDWAN_ANALYTICS", "ANALYTICS_ONLY"]
EdgeAction = Literal["blinkLeds", "reboot", "hardReset", "shutdown", "restartService"]
EDGE_ACTIONS: tuple[str, ...] = EdgeAction.__args__  # type: ignore[attr-defined]

# The site fields of the v2 SiteSchema and the v1 `site` definition, in spec order.
SITE_FIELDS = (
    "contactName",
    "contactPhone",
    "contactMobile",
    "contactEmail",
    "streetAddress",
    "streetAddress2",
    "city",
    "state",
    "country",
    "postalCode",
    "lat",
    "lon",
    "timezone",
    "locale",
    "shippingSameAsLocation",
    "shippingContactName",
    "shippingAddress",
    "shippingAddress2",
    "shippingCity",
    "shippingState",
    "shippingCountry",
    "shippingPostalCode",
)
# The attributes `updateEdgeAttributes` and v2 PATCH may change (besides the site).
ATTRIBUTE_FIELDS = ("name", "description", "serialNumber", "customInfo", "endpointPkiMode")


class Site(enterprises.AddressFields):
    """The v2 `SiteSchema`: every field optional."""

    name: str | None = Field(default=None, min_length=1, max_length=NAME_MAX)
    contactName: str | None = Field(default=None, min_length=1, max_length=NAME_MAX)
    shippingSameAsLocation: bool | None = None
    shippingContactName: str | None = Field(default=None, min_length=1, max_length=NAME_MAX)
    shippingAddress: str | None = None
    shippingAddress2: str | None = None
    shippingCity: str | None = None
    shippingState: str | None = None
    shippingCountry: str | None = None
    shippingPostalCode: str | None = None


class V1Site(Site):
    """The v1 `site` object: tinyint flag, and the read-only fields a fetched site carries."""

    shippingSameAsLocation: bool | None = Field(default=None, strict=False)
    id: int | None = None
    logicalId: str | None = None
    created: str | None = None
    modified: str | None = None


_SITE_READ_ONLY = {"id", "logicalId", "created", "modified"}


class _ProvisionFields(StrictModel):
    name: str | None = Field(default=None, min_length=1, max_length=NAME_MAX)
    serialNumber: str | None = None
    modelNumber: ModelNumber
    description: str | None = None
    haEnabled: bool = False
    endpointPkiMode: PkiMode | None = None
    generateCertificate: bool | None = None
    subjectCN: str | None = None
    subjectO: str | None = None
    subjectOU: str | None = None
    challengePassword: str | None = None
    privateKeyPassword: str | None = None
    customInfo: str | None = None
    analyticsMode: AnalyticsMode | None = None


class CreateEdge(_ProvisionFields):
    """The v2 `EdgeProvisionSchema`."""

    profile: str
    site: Site | None = None
    license: str | None = None


class ProvisionEdge(_ProvisionFields):
    """The v1 `edge/edgeProvision` parameters."""

    enterpriseId: int | None = None
    configurationId: int
    site: V1Site | None = None
    edgeLicenseId: int | None = None
    licenseId: int | None = None  # undeclared, sent by real clients (evidence N); not emulated
    generateToken: bool | None = None

    @field_validator("configurationId", "licenseId", mode="before")
    @classmethod
    def _number_as_text(cls, value: Any) -> Any:
        """Real clients send `configurationId` as a string of digits, and the VCO takes it."""
        return int(value) if isinstance(value, str) and value.strip().isdigit() else value


class _Attributes(StrictModel):
    """The edge attributes both APIs change in place (`ATTRIBUTE_FIELDS` but the PKI mode)."""

    name: str | None = Field(default=None, min_length=1, max_length=NAME_MAX)
    description: str | None = None
    serialNumber: str | None = None
    customInfo: str | None = None


class EdgeAttributes(_Attributes):
    """The v1 `edge/updateEdgeAttributes` `_update` object; every field optional."""

    endpointPkiMode: PkiMode | None = None
    site: V1Site | None = None


class PatchedEdge(_Attributes):
    """The patchable view of an edge after a v2 JSON Patch: what it must look like."""

    endpointPkiMode: PkiMode
    site: Site


PATCHABLE: dict[str, frozenset[str] | None] = {
    **dict.fromkeys(ATTRIBUTE_FIELDS),
    "site": frozenset(("name", *SITE_FIELDS)),
}


class EdgeActionBody(StrictModel):
    """The v2 `BatchEdgeActionPostBodySchema`."""

    edges: list[str] = Field(default_factory=list)


# -- reading ------------------------------------------------------------------------------


def get_edge(
    tx: Tx,
    principal: Principal,
    *,
    id: int | None = None,
    logical_id: str | None = None,
    enterprise_id: int | None = None,
    name: str | None = None,
    activation_key: str | None = None,
) -> Record:
    """One edge by id, logicalId, activation key, or name within an enterprise."""
    if id is not None or logical_id is not None:
        edge = tx.get(KIND, id=id) if id is not None else tx.get(KIND, logical_id=logical_id)
        key: Any = id if id is not None else logical_id
    elif activation_key is not None or name is not None:
        enterprise = enterprises.get_enterprise(tx, principal, id=enterprise_id)
        edges = tx.find(KIND, enterprise_id=enterprise.id)
        if activation_key is not None:
            edge = next((e for e in edges if e.data["activationKey"] == activation_key), None)
            key = f"with activationKey {activation_key}"
        else:
            assert name is not None
            edge = next((e for e in edges if e.name.casefold() == name.casefold()), None)
            key = f"named {name!r}"
    else:
        raise InvalidRequest(
            "an edge id, logicalId, activationKey or name is required",
            [FieldError("id", "one of id, logicalId, activationKey, name is required")],
        )
    if edge is None or not principal.can_see(edge, enterprise_id):
        raise NotFound(f"edge {key} not found")
    return edge


def get_enterprise_edge(tx: Tx, principal: Principal, enterprise_logical_id: str, logical_id: str) -> Record:
    """An edge addressed the v2 way: enterprise logicalId and edge logicalId."""
    enterprise = enterprises.get_enterprise(tx, principal, logical_id=enterprise_logical_id)
    edge = tx.get(KIND, logical_id=logical_id)
    if edge is None or edge.enterprise_id != enterprise.id:
        raise NotFound(f"edge {logical_id} not found in enterprise {enterprise_logical_id}")
    return edge


def list_edges(tx: Tx, principal: Principal, enterprise_id: int) -> list[Record]:
    if not principal.can_see_enterprise(enterprise_id):
        raise NotFound(f"enterprise {enterprise_id} not found")
    return tx.find(KIND, enterprise_id=enterprise_id)


def enterprise_of(tx: Tx, edge: Record) -> Record:
    """The enterprise that owns the edge (the caller has been allowed to see the edge)."""
    enterprise = None if edge.enterprise_id is None else tx.get(kinds.ENTERPRISE, id=edge.enterprise_id)
    if enterprise is None:
        raise LookupError(f"edge {edge.id} has no enterprise row {edge.enterprise_id}")
    return enterprise


def site_of(tx: Tx, edge: Record) -> Record:
    site = tx.get(SITE_KIND, id=edge.data["siteId"])
    if site is None:
        raise LookupError(f"edge {edge.id} has no site row {edge.data['siteId']}")
    return site


def shipping_same_as_location(site: Record) -> bool:
    """The site's flag; never null (both specs type it as a plain boolean/tinyint, unlike the
    nullable address fields), so an unset or nulled flag reads as true, the UI's default."""
    flag = site.data.get("shippingSameAsLocation")
    return True if flag is None else bool(flag)


def profile_of(tx: Tx, edge: Record) -> Record:
    """The enterprise profile the edge uses."""
    profile = tx.get(kinds.PROFILE, id=edge.data["configurationId"])
    if profile is None:
        raise LookupError(f"edge {edge.id} uses missing profile {edge.data['configurationId']}")
    return profile


def edge_specific_profile_of(tx: Tx, edge: Record) -> Record | None:
    return tx.get(kinds.PROFILE, id=edge.data["edgeSpecificConfigurationId"])


# -- provisioning -------------------------------------------------------------------------


def create_edge(tx: Tx, principal: Principal, enterprise_logical_id: str, payload: Any) -> Record:
    """v2 createEdge: provision an edge from an `EdgeProvisionSchema` body."""
    principal.require_write()
    enterprise = enterprises.get_enterprise(tx, principal, logical_id=enterprise_logical_id)
    req = parse(CreateEdge, payload, what="edge")
    profile = tx.get(kinds.PROFILE, logical_id=req.profile)
    profile = _enterprise_profile(tx, enterprise, profile, "profile", req.profile)
    site = req.site.model_dump() if req.site else {}
    return _provision(tx, enterprise, profile, req, site)


def provision_edge(tx: Tx, principal: Principal, payload: Any) -> Record:
    """v1 edge/edgeProvision."""
    principal.require_write()
    req = parse(ProvisionEdge, payload, what="edge/edgeProvision params")
    enterprise = enterprises.get_enterprise(tx, principal, id=req.enterpriseId)
    profile = tx.get(kinds.PROFILE, id=req.configurationId)
    profile = _enterprise_profile(tx, enterprise, profile, "configurationId", req.configurationId)
    site = req.site.model_dump(exclude=_SITE_READ_ONLY) if req.site else {}
    return _provision(tx, enterprise, profile, req, site)


def _provision(
    tx: Tx, enterprise: Record, profile: Record, req: _ProvisionFields, site_fields: dict[str, Any]
) -> Record:
    _require_unique_name(tx, enterprise.id, req.name)
    _require_unique_serial(tx, req.serialNumber)
    site = tx.insert(
        SITE_KIND,
        site_fields.get("name") or req.name or "",
        {field: site_fields.get(field) for field in SITE_FIELDS},
        enterprise_id=enterprise.id,
    )
    data: dict[str, Any] = {
        "configurationId": profile.id,
        "edgeSpecificConfigurationId": None,
        "siteId": site.id,
        "serialNumber": req.serialNumber,
        "modelNumber": req.modelNumber,
        "deviceFamily": None,
        "description": req.description,
        "customInfo": req.customInfo,
        "activationKey": new_activation_key(tx),
        "activationKeyExpires": utc_in(timedelta(days=ACTIVATION_KEY_DAYS)),
        "activationState": "PENDING",
        "activationTime": None,
        "edgeState": "NEVER_ACTIVATED",
        "edgeStateTime": utc_now(),
        "isLive": False,
        "lastContact": None,
        "systemUpSince": None,
        "serviceUpSince": None,
        "serviceState": "IN_SERVICE",
        "softwareVersion": None,
        "buildNumber": None,
        "softwareUpdated": None,
        "factorySoftwareVersion": None,
        "factoryBuildNumber": None,
        "platformFirmwareVersion": None,
        "platformBuildNumber": None,
        "modemFirmwareVersion": None,
        "modemBuildNumber": None,
        "lteRegion": None,
        "selfMacAddress": None,
        "deviceId": None,
        "dnsName": None,
        "alertsEnabled": True,
        "operatorAlertsEnabled": True,
        "bastionState": "UNCONFIGURED",
        "endpointPkiMode": req.endpointPkiMode
        or enterprise.data.get("endpointPkiMode", "CERTIFICATE_OPTIONAL"),
        "haEnabled": req.haEnabled,
        "haState": edge_ha.initial_state(req.haEnabled),
        "haPreviousState": "UNCONFIGURED",
        "haLastContact": None,
        "haSerialNumber": None,
        "analyticsMode": req.analyticsMode or "SDWAN_ONLY",
    }
    edge = tx.insert(KIND, req.name or "", data, enterprise_id=enterprise.id)
    specific = profiles.create_profile(
        tx,
        enterprise.id,
        EDGE_SPECIFIC_PROFILE_NAME,
        description=f"Edge-specific profile of edge {edge.logical_id}",
        edge_id=edge.id,
    )
    if req.haEnabled:  # the edge's own device settings say so, as after enabling HA later
        [module] = [m for m in profiles.profile_modules(tx, specific) if m.name == MODULE_DEVICE_SETTINGS]
        tx.update(module, module.name, {**module.data, "data": {"ha": {"enabled": True}}})
    return tx.update(edge, edge.name, {**data, "edgeSpecificConfigurationId": specific.id})


def _enterprise_profile(tx: Tx, enterprise: Record, profile: Record | None, field: str, value: Any) -> Record:
    if profile is None or profile.enterprise_id != enterprise.id:
        raise InvalidRequest(
            f"{field} {value!r} is not a profile of enterprise {enterprise.name!r}",
            [FieldError(field, "no profile of this enterprise has this id")],
        )
    if profile.data.get("edgeSpecific"):
        raise InvalidRequest(
            f"{field} {value!r} is an edge-specific profile; give an enterprise profile",
            [FieldError(field, "must be an enterprise profile, not an edge-specific one")],
        )
    return profile


def new_activation_key(tx: Tx) -> str:
    alphabet = string.ascii_uppercase + string.digits
    while True:
        key = "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(4))
        if not tx.find_nocase(KIND, field="activationKey", value=key):
            return key


def _require_unique_name(
    tx: Tx, enterprise_id: int, name: str | None, *, other_than: int | None = None
) -> None:
    if not name:
        return
    for edge in tx.find_nocase(KIND, enterprise_id=enterprise_id, name=name):
        if edge.id != other_than:
            raise DataConflict(f"an edge named {name!r} already exists in this enterprise")


def _require_unique_serial(tx: Tx, serial: str | None, *, other_than: int | None = None) -> None:
    if not serial:
        return
    for edge in tx.find_nocase(KIND, field="serialNumber", value=serial):
        if edge.id != other_than:
            raise DataConflict(f"an edge with serialNumber {serial!r} already exists on this Orchestrator")


# -- updating -----------------------------------------------------------------------------


def update_edge_attributes(tx: Tx, principal: Principal, edge: Record, changes: Any) -> Record:
    """v1 edge/updateEdgeAttributes: change the fields given in `_update`."""
    principal.require_write()
    update = parse(EdgeAttributes, changes if changes is not None else {}, what="_update")
    fields = update.model_dump(exclude_unset=True, exclude={"site"})
    site = update.site.model_dump(exclude_unset=True, exclude=_SITE_READ_ONLY) if update.site else None
    return _update(tx, edge, fields, site)


def patch_edge(tx: Tx, principal: Principal, edge: Record, operations: Any) -> Record:
    """v2 updateEdge: apply an RFC 6902 JSON Patch to the edge's patchable fields."""
    principal.require_write()
    before = patchable_view(tx, edge)
    after = apply_patch(before, operations, PATCHABLE)
    patched = parse(PatchedEdge, after, what="patched edge")
    return _update(tx, edge, patched.model_dump(exclude={"site"}), patched.site.model_dump())


def patchable_view(tx: Tx, edge: Record) -> dict[str, Any]:
    """The document a v2 JSON Patch addresses: the attributes and the site."""
    site = site_of(tx, edge)
    view: dict[str, Any] = {field: edge.data.get(field) for field in ATTRIBUTE_FIELDS}
    view["name"] = edge.name or None
    view["site"] = {"name": site.name or None, **{f: site.data.get(f) for f in SITE_FIELDS}}
    return view


def _update(tx: Tx, edge: Record, fields: dict[str, Any], site_fields: dict[str, Any] | None) -> Record:
    assert edge.enterprise_id is not None
    name = edge.name
    if "name" in fields:
        name = fields.pop("name") or ""
        if name.casefold() != edge.name.casefold():
            _require_unique_name(tx, edge.enterprise_id, name, other_than=edge.id)
    if "serialNumber" in fields and fields["serialNumber"] != edge.data.get("serialNumber"):
        _require_unique_serial(tx, fields["serialNumber"], other_than=edge.id)
    if "endpointPkiMode" in fields and fields["endpointPkiMode"] is None:
        del fields["endpointPkiMode"]
    if site_fields:
        site = site_of(tx, edge)
        site_name = site.name
        if "name" in site_fields:
            site_name = site_fields.pop("name") or ""
        tx.update(site, site_name, {**site.data, **site_fields})
    return tx.update(edge, name, {**edge.data, **fields})


def set_edge_profile(tx: Tx, principal: Principal, edge: Record, profile_id: int) -> Record:
    """v1 edge/setEdgeEnterpriseConfiguration: move the edge to another enterprise profile."""
    principal.require_write()
    enterprise = enterprises.get_enterprise(tx, principal, id=edge.enterprise_id)
    profile = tx.get(kinds.PROFILE, id=profile_id)
    profile = _enterprise_profile(tx, enterprise, profile, "configurationId", profile_id)
    return tx.update(edge, edge.name, {**edge.data, "configurationId": profile.id})


# -- deleting -----------------------------------------------------------------------------


def delete_edge(tx: Tx, principal: Principal, edge: Record) -> None:
    """Delete the edge with its site and its edge-specific profile."""
    principal.require_write()
    specific = edge_specific_profile_of(tx, edge)
    if specific is not None:
        profiles.delete_profile(tx, specific)
    site = tx.get(SITE_KIND, id=edge.data["siteId"])
    if site is not None:
        tx.delete(site)
    tx.delete(edge)


# -- device actions and activation --------------------------------------------------------


def run_edge_action(
    tx: Tx, principal: Principal, enterprise_logical_id: str, action: str | None, payload: Any
) -> list[Record]:
    """v2 createEdge with `?action=`: apply a device action to the listed edges."""
    if action not in EDGE_ACTIONS:
        raise InvalidRequest(
            f"action {action!r} is not supported; use one of {', '.join(EDGE_ACTIONS)}",
            [FieldError("action", f"must be one of {', '.join(EDGE_ACTIONS)}")],
        )
    principal.require_write()
    enterprise = enterprises.get_enterprise(tx, principal, logical_id=enterprise_logical_id)
    body = parse(EdgeActionBody, payload if payload is not None else {}, what=f"{action} request")
    edges, errors = [], []
    for i, logical_id in enumerate(body.edges):
        edge = tx.get(KIND, logical_id=logical_id)
        if edge is None or edge.enterprise_id != enterprise.id:
            errors.append(FieldError(f"edges.{i}", f"no edge {logical_id} in this enterprise"))
        else:
            edges.append(edge)
    if errors:
        raise InvalidRequest(f"{action}: unknown edges: " + "; ".join(e.message for e in errors), errors)
    effect = _ACTION_EFFECTS.get(action)
    return [effect(tx, edge) if effect else edge for edge in edges]


def _shutdown(tx: Tx, edge: Record) -> Record:
    if edge.data["edgeState"] == "NEVER_ACTIVATED":
        return edge
    now = utc_now()
    return tx.update(
        edge, edge.name, {**edge.data, "edgeState": "OFFLINE", "edgeStateTime": now, "isLive": False}
    )


_ACTION_EFFECTS: dict[str, Callable[[Tx, Record], Record]] = {"shutdown": _shutdown}


def activate_edge(
    tx: Tx,
    logical_id: str,
    *,
    software_version: str | None = None,
    build_number: str | None = None,
    serial_number: str | None = None,
) -> Record:
    """Simulate the edge activating with its key and coming online (admin API only)."""
    edge = tx.get(KIND, logical_id=logical_id)
    if edge is None:
        raise NotFound(f"edge {logical_id} not found")
    data = dict(edge.data)
    serial = serial_number or data.get("serialNumber") or f"VC{edge.id:010d}"
    if serial != data.get("serialNumber"):
        _require_unique_serial(tx, serial, other_than=edge.id)
    now = utc_now()
    version = software_version or data.get("softwareVersion") or DEFAULT_SOFTWARE_VERSION
    build = build_number or data.get("buildNumber") or DEFAULT_BUILD_NUMBER
    model = data["modelNumber"]
    data.pop("keyBeforeReactivation", None)
    data.update(
        serialNumber=serial,
        activationState="ACTIVATED",
        # a replacement device (RMA) activating with the reactivation key starts a new activation
        activationTime=now if data["activationState"] != "ACTIVATED" else data.get("activationTime") or now,
        edgeState="CONNECTED",
        edgeStateTime=now,
        isLive=True,
        lastContact=now,
        systemUpSince=now,
        serviceUpSince=now,
        softwareVersion=version,
        buildNumber=build,
        softwareUpdated=now,
        factorySoftwareVersion=data.get("factorySoftwareVersion") or version,
        factoryBuildNumber=data.get("factoryBuildNumber") or build,
        deviceFamily=data.get("deviceFamily") or ("VIRTUAL" if model == "virtual" else model.upper()),
        selfMacAddress=data.get("selfMacAddress") or _mac(edge.id),
        deviceId=data.get("deviceId") or logical_id,
    )
    return tx.update(edge, edge.name, data)


def _mac(edge_id: int) -> str:
    raw = (0x02_00_5E_00_00_00 + edge_id).to_bytes(6, "big")
    return ":".join(f"{b:02x}" for b in raw)
