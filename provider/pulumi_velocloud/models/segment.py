"""Network segment payloads of the v1 API (`enterprise/*EnterpriseNetworkSegment*`)."""

from __future__ import annotations

from ..ids import LogicalId, VcoId
from .base import ApiModel


class NetworkSegmentData(ApiModel):
    """The spec's `network_segment_data`."""

    segment_id: int | None = None
    service_vlan: int | None = None
    delegate_to_enterprise: bool | None = None
    delegate_to_enterprise_proxy: bool | None = None


class NetworkSegmentV1(ApiModel):
    """An item of `enterprise/getEnterpriseNetworkSegments` (the spec's `network_segment`)."""

    id: VcoId
    logical_id: LogicalId | None = None
    name: str
    created: str | None = None
    type: str | None = None
    description: str | None = None
    data: NetworkSegmentData | None = None


class Inserted(ApiModel):
    """The result of a v1 insert: the new object's numeric id."""

    id: VcoId
    rows: int | None = None
