"""Enterprise service payloads of the v1 API (`enterprise/*EnterpriseService*`): non-SD-WAN destinations."""

from __future__ import annotations

from typing import Any

from ..ids import LogicalId, VcoId
from .base import ApiModel


class EnterpriseServiceV1(ApiModel):
    """An item of `enterprise/getEnterpriseServices` (the spec's `enterprise_object_base`)."""

    id: VcoId
    logical_id: LogicalId | None = None
    name: str
    type: str | None = None
    description: str | None = None
    created: str | None = None
    data: dict[str, Any] | None = None
