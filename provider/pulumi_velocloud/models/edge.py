"""Edge and site payloads of the v2 (`EdgeResource`) and v1 (`edge/getEdge`, `getEnterpriseEdges`) APIs."""

from __future__ import annotations

from pydantic import Field

from ..ids import LogicalId, VcoId
from .base import Address, ApiModel
from .profile import ProfileV1


class Site(Address):
    """A site as both APIs show it (v1 `site`, v2 `SiteResource`)."""

    id: VcoId | None = None
    name: str | None = None


class _Edge(ApiModel):
    """What both APIs show of an edge (the v1 spec's edge object lacks `description`, but
    Orchestrators send it; whether it came is in `model_fields_set`)."""

    logical_id: LogicalId
    name: str | None = None
    created: str | None = None
    description: str | None = None
    serial_number: str | None = None
    model_number: str | None = None
    custom_info: str | None = None
    activation_key: str | None = None
    activation_state: str | None = None
    edge_state: str | None = None
    software_version: str | None = None
    site: Site | None = None


class EdgeV2(_Edge):
    """v2 `EdgeResource` (with `include=site`, `site` holds the site's fields)."""

    ha_state: str | None = None


class EdgeV1(_Edge):
    """v1 `edge/getEdge` with `site` and `configuration`."""

    id: VcoId
    enterprise_id: VcoId | None = None
    ha_state: str | None = None
    profile: ProfileV1 | None = Field(None, alias="configuration")  # API: the edge's configuration


class ProfileRef(ApiModel):
    """A profile as a list item names it: its numeric id and name."""

    id: VcoId
    name: str | None = None


class ListedProfiles(ApiModel):
    """`configuration` of a v1 `enterprise/getEnterpriseEdges` item: the edge's operator and
    enterprise profiles (numeric ids; the list names no logicalIds)."""

    enterprise: ProfileRef | None = None
    operator: ProfileRef | None = None  # the operator profile (software image) the edge runs


class EdgeListed(_Edge):
    """An item of v1 `enterprise/getEnterpriseEdges` with `site` and `configuration`."""

    id: VcoId
    ha_state: str | None = None
    profiles: ListedProfiles | None = Field(None, alias="configuration")


class EdgeRef(ApiModel):
    """An item of v1 `enterprise/getEnterpriseEdges`, enough to map a logicalId to its id."""

    id: VcoId
    logical_id: LogicalId
    name: str | None = None


class EdgeProvisioned(ApiModel):
    """The result of v1 `edge/edgeProvision`."""

    id: VcoId
    activation_key: str


class Reactivation(ApiModel):
    """The result of v1 `edge/edgeRequestReactivation`."""

    activation_key: str
    activation_key_expires: str | None = None
