"""Deliberate deviations from the vendor specs that the fidelity tests validate against.

Two sources, applied in this order when a spec is loaded (`tests/fidelity/spec.py`):

1. The OpenNMS patch of the v1 5.0.0 spec (`swagger-5.0.0-dist.json.orig` -> `.json`), ported onto
   the v1 5.1.0 spec: every value the patch changed is changed in 5.1.0 too where 5.1.0 still has
   the original value (the vendor did not fix it), and the paths/definitions the patch added
   (`enterprise/getEnterpriseEdgeList`, `edge/getEdgeGatewayAssignments`,
   `enterprise/getEnterpriseDataCenters`) are added where 5.1.0 lacks them. This is computed, not
   listed here, because the patch files are the record of what OpenNMS found against real VCOs.
2. `CORRECTIONS` below: our own, each with the reason. A correction whose target no longer exists
   in the spec makes `test_corrections_still_apply` fail, so the list cannot go stale silently.

Every entry here is a place where the emulator (and so the provider) trusts observed behaviour of
the real Orchestrator over the published schema; the coverage table repeats them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Api = Literal["v1", "v2"]


@dataclass(frozen=True)
class Correction:
    """Change the spec node at `pointer` (RFC 6901, into the raw spec document).

    `kind`: "nullable" marks the schema(s) as accepting null (`nullable` in v2, `x-nullable` in
    v1); `fields` names properties under `pointer` (a schema with `properties`) to mark at once.
    "optional" removes `fields` from the node's `required` list. "set" replaces the existing node
    with `value`; "add" creates the node (its parent must exist, it must not), e.g. a response
    status the spec does not document.
    """

    api: Api
    pointer: str
    kind: Literal["nullable", "optional", "set", "add"]
    reason: str
    fields: tuple[str, ...] = ()
    value: Any = None


# Columns of the VCO database that are NULL until someone sets them. The v1 schemas mark them
# required and typed (string/number) but the real API returns them as `null` (the vendor's own
# v2 schema of the same object, `EnterpriseResource`, declares them `nullable`).
_ADDRESS_NULLABLE = (
    "contactName",
    "contactPhone",
    "contactMobile",
    "contactEmail",
    "streetAddress",
    "streetAddress2",
    "city",
    "state",
    "postalCode",
    "country",
    "lat",
    "lon",
)
_ENTERPRISE_NULLABLE = ("description", "domain", "prefix", *_ADDRESS_NULLABLE)

# Unset columns of other v1 objects, null in real responses for the same reason (a new edge has no
# software version, contact time or serial number until it activates; an object group or segment
# has no draft, parent group or status; a user without a phone has null phones). The v2 schemas of
# the same objects (EdgeResource, SiteResource) declare these fields nullable.
_EDGE_NULLABLE = (
    "activationTime",
    "buildNumber",
    "customInfo",
    "description",
    "deviceFamily",
    "deviceId",
    "dnsName",
    "factoryBuildNumber",
    "factorySoftwareVersion",
    "haLastContact",
    "haSerialNumber",
    "lastContact",
    "lteRegion",
    "modemBuildNumber",
    "modemFirmwareVersion",
    "platformBuildNumber",
    "platformFirmwareVersion",
    "selfMacAddress",
    "serialNumber",
    "serviceUpSince",
    "softwareUpdated",
    "softwareVersion",
    "systemUpSince",
)
_SITE_NULLABLE = (
    *_ADDRESS_NULLABLE,
    "timezone",
    "locale",
    "shippingContactName",
    "shippingAddress",
    "shippingAddress2",
    "shippingCity",
    "shippingState",
    "shippingCountry",
    "shippingPostalCode",
)
_OBJECT_BASE_NULLABLE = (
    "operatorId",
    "networkId",
    "edgeId",
    "gatewayId",
    "parentGroupId",
    "description",
    "status",
    "statusModified",
    "previousData",
    "previousCreated",
    "draftData",
    "draftCreated",
    "draftComment",
    "lastContact",
)
_USER_NULLABLE = ("firstName", "lastName", "officePhone", "mobilePhone", "domain", "sshUsername", "lastLogin")

# The body of an accepted asynchronous operation (the same resource `GET /asyncOperations/{id}` shows).
_ASYNC_OPERATION = {
    "type": "object",
    "required": ["_href", "logicalId", "status", "operationId"],
    "properties": {
        "_href": {"type": "string"},
        "logicalId": {"type": "string"},
        "status": {"type": "string", "enum": ["ACCEPTED", "IN_PROGRESS", "DONE", "ERROR"]},
        "operationId": {"type": "string"},
        "resource": {"type": "object"},
    },
}
_DEVICE_SETTINGS_WRITES = tuple(
    (f"~1api~1sdwan~1v2~1enterprises~1{{enterpriseLogicalId}}~1{level}~1deviceSettings", method)
    for level in ("profiles~1{profileLogicalId}", "edges~1{edgeLogicalId}")
    for method in ("put", "patch")
)

_EDGE_LIST_ITEM = "#/definitions/enterprise_get_enterprise_edge_list_result_item"

_UNSET_IS_NULL = "unset columns are null in real v1 responses, as for enterprises"
_V2_SAYS_NULLABLE = _UNSET_IS_NULL + "; the v2 schema of the same object says nullable"

_ASSIGNMENTS = "/definitions/edge_get_edge_gateway_assignments_result"
_ONE_SAMPLE = (
    "the OpenNMS patch generated this schema from one sample response (every key required, types "
    "'null' where that sample had null)"
)

CORRECTIONS: tuple[Correction, ...] = (
    Correction(
        "v1",
        "/definitions/enterprise",
        "nullable",
        "unset enterprise columns are null in real v1 responses; v2 EnterpriseResource says nullable",
        fields=_ENTERPRISE_NULLABLE,
    ),
    Correction(
        "v1",
        "/definitions/gateway_pool",
        "nullable",
        "gateway pools of the default network have no partner (enterpriseProxyId null)",
        fields=("enterpriseProxyId",),
    ),
    Correction(
        "v1",
        "/definitions/enterprise_proxy",
        "nullable",
        _UNSET_IS_NULL + " (a partner's unset description, domain, prefix and address, as for enterprises)",
        fields=_ENTERPRISE_NULLABLE,
    ),
    Correction(
        "v1",
        "/definitions/enterprise_with_proxy_attributes/allOf/1",
        "nullable",
        "an enterprise no partner manages has no enterpriseProxyId/Name (null, as for gateway pools)",
        fields=("enterpriseProxyId", "enterpriseProxyName"),
    ),
    Correction(
        "v1",
        "/definitions/port_group_object",
        "optional",
        "a real port group holds ICMP/ICMPv6 entries {proto, type, code_low, code_high} without ports "
        "(docs/evidence.md section 6: a port group pasted from a VCO in Dec 2024)",
        fields=("port_low",),
    ),
    Correction("v1", "/definitions/edge_object", "nullable", _V2_SAYS_NULLABLE, fields=_EDGE_NULLABLE),
    Correction("v1", "/definitions/site", "nullable", _V2_SAYS_NULLABLE, fields=_SITE_NULLABLE),
    Correction(
        "v1",
        "/definitions/enterprise_get_enterprise_configurations_result_item/allOf/1/properties/edges/items",
        "nullable",
        _UNSET_IS_NULL + " (the profile's edges before they activate)",
        fields=("buildNumber", "softwareVersion", "lastContact"),
    ),
    Correction(
        "v1",
        "/definitions/enterprise_object_base",
        "nullable",
        _UNSET_IS_NULL + " (segments, object groups: scope ids of other owners, drafts, status)",
        fields=_OBJECT_BASE_NULLABLE,
    ),
    Correction(
        "v1",
        "/definitions/api_token",
        "nullable",
        _UNSET_IS_NULL + " (a token is created by/for one kind of user and has no partner unless "
        "issued in a partner's scope; `downloaded` stays null until the one download)",
        fields=(
            "createdByEnterpriseUserId",
            "createdByOperatorUserId",
            "createdForOperatorUserId",
            "enterpriseProxyId",
            "downloaded",
        ),
    ),
    Correction(
        "v1",
        "/definitions/enterprise_property",
        "nullable",
        _UNSET_IS_NULL + " (a property inserted without a description)",
        fields=("description",),
    ),
    Correction(
        "v1",
        "/definitions/enterprise_object_base/properties/data",
        "set",
        "the base of segments and object groups types `data` as an object, but object groups' data is "
        "a list (see object_group_data below); each subtype types its own `data`",
        value={},
    ),
    *(
        Correction(
            "v1",
            f"/definitions/{module}/allOf/1/properties/data",
            "set",
            "an edge-specific module that overrides nothing has an empty document `{}` (the emulator's "
            "model of 'no override', likely what the real edge profile holds before any override; not "
            "verified against a real Orchestrator); any other document must match the schema",
            value={"anyOf": [{"$ref": f"#/definitions/{data}"}, {"type": "object", "maxProperties": 0}]},
        )
        for module, data in (("firewall", "firewall_data"), ("QOS", "QOSData"))
    ),
    Correction(
        "v1",
        "/definitions/configuration_module",
        "nullable",
        _UNSET_IS_NULL + " (modules have no description)",
        fields=("description",),
    ),
    Correction(
        "v1",
        "/definitions/model_configuration",
        "nullable",
        _UNSET_IS_NULL + " (a profile cloned without a description)",
        fields=("description",),
    ),
    Correction("v1", "/definitions/base_enterprise_user", "nullable", _UNSET_IS_NULL, fields=_USER_NULLABLE),
    Correction(
        "v1",
        "/definitions/enterprise_user_with_role_and_assocs/allOf/1",
        "nullable",
        "a user of an enterprise without a partner has no enterpriseProxyId",
        fields=("enterpriseProxyId",),
    ),
    Correction(
        "v1",
        "/definitions/role",
        "nullable",
        "a role belongs to one scope: the ids of the other scopes (operator, enterprise, partner) are null",
        fields=("operatorId", "enterpriseId", "enterpriseProxyId"),
    ),
    *(
        Correction(
            "v1",
            f"/definitions/{name}/allOf/1",
            "optional",
            "password hashes and salts are never returned: an emulator must not hand out secrets and "
            "no client may depend on them; the spec lists them as required",
            fields=("password", "salt") if name.endswith("info") else ("password",),
        )
        for name in ("enterprise_user_with_role_info", "enterprise_user_with_role_and_assocs")
    ),
    Correction(
        "v1",
        "/definitions/configuration_get_configuration_modules_result_item/allOf/1",
        "optional",
        "`noData: true` (a parameter of the same method) leaves `data` out of each module",
        fields=("data",),
    ),
    Correction(
        "v1",
        "/definitions/object_group_data",
        "set",
        "an object group's data is a list of entries: the spec's own (unreferenced) `address_group` "
        "and `port_group` definitions are arrays, and insert/update take the same list back",
        value={"anyOf": [{"$ref": "#/definitions/address_group"}, {"$ref": "#/definitions/port_group"}]},
    ),
    Correction(
        "v1",
        "/definitions/api_token_get_api_tokens_result",
        "set",
        "getApiTokens lists the tokens of a scope: an array of api_token (the spec's allOf of a "
        "single api_token reads as a generator slip for a list method)",
        value={"type": "array", "items": {"$ref": "#/definitions/api_token"}},
    ),
    Correction(
        "v1",
        "/paths/~1enterpriseUser~1getApiTokens/post/responses/200/schema",
        "set",
        "one user's tokens: an array of api_token with tenantName, as enterprise/getApiTokens (the "
        "spec's allOf of a single object reads as the same generator slip)",
        value={"type": "array", "items": {"$ref": "#/definitions/user_api_tokens"}},
    ),
    Correction(
        "v1",
        "/paths/~1enterprise~1getEnterpriseProperty/post/responses/200/schema",
        "nullable",
        "a property the enterprise does not have reads as null: a current Python VCO client types the "
        "answer as `VeloEnterprisePropertyV1 | None` (docs/evidence.md section 12)",
    ),
    Correction(
        "v1",
        "/paths/~1enterprise~1getEnterpriseEdgeList/post/responses/200/schema",
        "set",
        "with paging parameters (`limit`, a page link, `_count`, all documented for this method) the "
        "answer is a page `{metaData, data}`; without them the array the OpenNMS patch documents",
        value={
            "anyOf": [
                {
                    "type": "array",
                    "items": {"$ref": _EDGE_LIST_ITEM},
                },
                {
                    "type": "object",
                    "required": ["metaData", "data"],
                    "properties": {
                        "metaData": {
                            "type": "object",
                            "required": ["more"],
                            "properties": {
                                "limit": {"type": "integer", "x-nullable": True},
                                "more": {"type": "boolean"},
                                "count": {"type": "integer"},
                                "nextPageLink": {"type": "string"},
                                "prevPageLink": {"type": "string"},
                            },
                        },
                        "data": {
                            "type": "array",
                            "items": {"$ref": _EDGE_LIST_ITEM},
                        },
                    },
                },
            ]
        },
    ),
    *(
        Correction(
            "v2",
            f"/paths/{path}/{method}/responses/202",
            "add",
            "deviceSettings writes are asynchronous in the real API: 202 with `Location:` an "
            "asyncOperations URL and the operation as body (GUIDE); the spec documents only 200",
            value={"description": "accepted", "content": {"application/json": {"schema": _ASYNC_OPERATION}}},
        )
        for path, method in _DEVICE_SETTINGS_WRITES
    ),
    Correction(
        "v2",
        "/paths/~1api~1sdwan~1v2~1enterprises~1{enterpriseLogicalId}~1edges~1/post/responses/204",
        "add",
        "createEdge with `?action=` (documented) applies a device action to existing edges and has "
        "nothing to create: 204 without body; the spec documents only the provisioning answer",
        value={"description": "action applied"},
    ),
    Correction(
        "v1",
        _ASSIGNMENTS,
        "optional",
        _ONE_SAMPLE + "; an edge without super, alternate super or cloud web security gateways has "
        "none to show (the emulator has no super/CWS gateways)",
        fields=("superGateway", "superAltGateway", "primaryCWS", "secondaryCWS"),
    ),
    Correction("v1", _ASSIGNMENTS + "/properties/primary", "nullable", _ONE_SAMPLE, fields=("siteId",)),
    Correction("v1", _ASSIGNMENTS + "/properties/secondary", "nullable", _ONE_SAMPLE, fields=("siteId",)),
    Correction(
        "v1",
        _ASSIGNMENTS + "/properties/handOffs/properties/gateways/properties",
        "set",
        _ONE_SAMPLE + "; hand-off gateways set with edge/setEdgeHandOffGateways are gateway ids",
        value={"primary": {"type": ["integer", "null"]}, "secondary": {"type": ["integer", "null"]}},
    ),
    Correction(
        "v1",
        "/definitions/id_map_one_to_one",
        "set",
        "a map of ids to ids (its additionalProperties say integer) cannot be of type string; the "
        "OpenNMS patch (real VCO answers) uses it for getRoutableApplications' "
        "applicationToApplicationClass: application id -> class id",
        value={"type": "object", "additionalProperties": {"type": "integer"}},
    ),
    Correction(
        "v1",
        "/definitions/configuration_get_identifiable_applications_result/properties/applicationToApplicationClass",
        "set",
        "the OpenNMS patch (real VCO answers) makes getRoutableApplications' map one-to-one "
        "(application id -> class id); getIdentifiableApplications answers the same catalogue maps",
        value={
            "allOf": [{"$ref": "#/definitions/id_map_one_to_one"}],
            "description": "Maps application IDs (strings) to class IDs (integers)",
        },
    ),
    Correction(
        "v1",
        "/definitions/configuration_get_identifiable_applications_result/properties/applicationClasses",
        "set",
        "the OpenNMS patch (real VCO answers) makes getRoutableApplications' applicationClasses an "
        "array of class names indexed by class id; a sample run against a real VCO indexes it by a "
        "class id (docs/evidence.md section 13); getIdentifiableApplications answers the same",
        value={
            "description": "Map of application class IDs to class names",
            "items": {"type": "string"},
            "type": "array",
        },
    ),
    Correction(
        "v2",
        "/components/schemas/JSONObject",
        "set",
        "described as 'Any valid JSON object' but declared with no properties and "
        "additionalProperties false (only {} would validate); used for applications' IP/port "
        "mappings and application-map manifests, which have content",
        value={"type": "object", "description": "Any valid JSON object"},
    ),
)

# v2 statuses the spec documents for no operation but that the emulator answers (with the common
# error body `{code, message}`, the shape all the spec's v2 error schemas share).
V2_EXTRA_ERROR_STATUSES: dict[int, str] = {
    403: "an authenticated user without the privilege (read-only, or an enterprise user on an "
    "operator operation) is refused with 403 FORBIDDEN; the spec documents only 401 for auth",
    422: "a request refused by the current data (e.g. deleting an enterprise that has edges) is "
    "answered 422 DATA_VALIDATION_ERROR, as createEnterprise documents, on every write operation",
    502: "a gateway in front of the Orchestrator failing (fault injection: clients must retry "
    "safely); the spec documents no 5xx but 500",
    503: "the Orchestrator unavailable, e.g. during an upgrade (fault injection); the spec "
    "documents no 5xx but 500",
}

# v1 statuses outside the spec's 200/400/500, validated against the `error` envelope.
V1_EXTRA_ERROR_STATUSES: dict[int, str] = {
    401: "missing or invalid credentials: the spec's `no_credentials` response has no schema; the "
    "emulator sends the ordinary v1 error envelope with HTTP 401",
    429: "rate limiting applies to both APIs (GUIDE); v1 answers it with its error envelope",
    503: "the Orchestrator unavailable (fault injection), in the v1 error envelope",
}

# Operations the emulator implements that the 2022-12-15 v2 spec lacks but the real API has:
# operationId -> (method, path template, reason). Their responses are not schema-checked (the spec
# has no schema for them) but the X-Request-ID check applies and tests must exercise them.
V2_NOT_IN_SPEC: dict[str, tuple[str, str, str]] = {
    "getAsyncOperation": (
        "GET",
        "/api/sdwan/v2/asyncOperations/{asyncOperationId}",
        "where the `Location` of a 202 deviceSettings write points; clients poll it until DONE or "
        "ERROR (GUIDE: the real API has it, the published spec does not)",
    ),
}


# v1 methods the emulator implements that the 5.1.0 spec lacks but real Orchestrators serve:
# method -> reason. Their answers are not schema-checked (no schema); tests must exercise them.
_DELEGATION_READER = (
    "reads a delegation flag that `role/setEnterprise*DelegatedTo*` (in the spec) writes; the vendor's own "
    "API test suite and a current Python client call it (docs/evidence.md section 10)"
)
V1_NOT_IN_SPEC: dict[str, str] = {
    "role/isEnterpriseDelegatedToOperator": _DELEGATION_READER,
    "role/isEnterpriseDelegatedToEnterpriseProxy": _DELEGATION_READER,
    "role/isEnterpriseUserManagementDelegatedToOperator": _DELEGATION_READER,
    "role/isEnterpriseViewSensitiveDataDelegatedToOperator": _DELEGATION_READER
    + " (by analogy: not seen called)",
    "role/isEnterpriseViewSensitiveDataDelegatedToEnterpriseProxy": _DELEGATION_READER
    + " (by analogy: not seen called)",
}
