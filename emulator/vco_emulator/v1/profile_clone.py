"""v1 configuration/cloneConfiguration: a copy of an enterprise profile (`domain/profile_clones.py`).

Answers `{id}` of the new profile, as cloneEnterpriseTemplate does. Not implemented: `networkId`
(operator profiles), configuration/cloneAndConvertConfiguration (every emulated profile is
already segment-based, so there is nothing to convert).
"""

from __future__ import annotations

from typing import Any

from ..domain import profile_clones
from ..domain.auth import Principal
from ..domain.errors import FieldError, InvalidRequest
from ..domain.validation import StrictModel, parse
from ..store import Tx
from .rpc import method


class _Clone(StrictModel):
    configurationId: int | None = None
    id: int | None = None  # the spec's alias of configurationId
    enterpriseId: int | None = None
    name: str | None = None
    description: str | None = None


@method("configuration/cloneConfiguration")
def clone_configuration(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_Clone, params, what="configuration/cloneConfiguration params")
    source = req.configurationId if req.configurationId is not None else req.id
    if source is None:
        raise InvalidRequest(
            "configurationId (or id) is required", [FieldError("configurationId", "required")]
        )
    clone = profile_clones.clone_profile(
        tx, principal, source, req.enterpriseId, name=req.name, description=req.description
    )
    return {"id": clone.id}
