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
    "set" replaces the node with `value`.
    """

    api: Api
    pointer: str
    kind: Literal["nullable", "set"]
    reason: str
    fields: tuple[str, ...] = ()
    value: Any = None


# Columns of the VCO database that are NULL until someone sets them. The v1 schemas mark them
# required and typed (string/number) but the real API returns them as `null` (the vendor's own
# v2 schema of the same object, `EnterpriseResource`, declares them `nullable`).
_ENTERPRISE_NULLABLE = (
    "description",
    "domain",
    "prefix",
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
)

# v2 statuses the spec documents for no operation but that the emulator answers (with the common
# error body `{code, message}`, the shape all the spec's v2 error schemas share).
V2_EXTRA_ERROR_STATUSES: dict[int, str] = {
    403: "an authenticated user without the privilege (read-only, or an enterprise user on an "
    "operator operation) is refused with 403 FORBIDDEN; the spec documents only 401 for auth",
    422: "a request refused by the current data (e.g. deleting an enterprise that has edges) is "
    "answered 422 DATA_VALIDATION_ERROR, as createEnterprise documents, on every write operation",
}

# v1 statuses outside the spec's 200/400/500, validated against the `error` envelope.
V1_EXTRA_ERROR_STATUSES: dict[int, str] = {
    401: "missing or invalid credentials: the spec's `no_credentials` response has no schema; the "
    "emulator sends the ordinary v1 error envelope with HTTP 401",
}
