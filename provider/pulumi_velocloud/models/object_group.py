"""Object group payloads of the v1 API (`enterprise/*ObjectGroup*`): address and port groups.

Entries keep the API's own snake_case names (`rule_type`, `port_low`), unlike the rest of v1.
"""

from __future__ import annotations

from typing import Any

from ..ids import LogicalId, VcoId
from .base import ApiModel


class ObjectGroupV1(ApiModel):
    """An item of `enterprise/getObjectGroups` (the spec's `object_group`): `data` is its entries."""

    id: VcoId
    logical_id: LogicalId | None = None
    name: str
    created: str | None = None
    type: str | None = None
    description: str | None = None
    data: list[dict[str, Any]] | None = None
