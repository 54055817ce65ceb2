"""Edge and site payloads of the v2 (`EdgeResource`) and v1 (`edge/getEdge`) APIs."""

from __future__ import annotations

from .base import ApiModel
from .profile import ProfileV1


class Site(ApiModel):
    """A site as both APIs show it (v1 `site`, v2 `SiteResource`)."""

    id: int | None = None
    name: str | None = None
    contact_name: str | None = None
    contact_phone: str | None = None
    contact_email: str | None = None
    street_address: str | None = None
    city: str | None = None
    state: str | None = None
    postal_code: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    timezone: str | None = None
    locale: str | None = None


class EdgeV2(ApiModel):
    logical_id: str
    name: str | None = None
    description: str | None = None
    serial_number: str | None = None
    model_number: str | None = None
    custom_info: str | None = None
    activation_key: str | None = None
    activation_state: str | None = None
    edge_state: str | None = None
    software_version: str | None = None
    site: Site | None = None


class EdgeV1(ApiModel):
    id: int
    logical_id: str
    enterprise_id: int | None = None
    name: str | None = None
    created: str | None = None
    description: str | None = None  # not in the v1 spec's edge object, but sent by Orchestrators
    serial_number: str | None = None
    model_number: str | None = None
    custom_info: str | None = None
    activation_key: str | None = None
    activation_state: str | None = None
    edge_state: str | None = None
    software_version: str | None = None
    ha_state: str | None = None
    site: Site | None = None
    configuration: ProfileV1 | None = None


class EdgeRef(ApiModel):
    """An item of v1 `enterprise/getEnterpriseEdges`, enough to map a logicalId to its id."""

    id: int
    logical_id: str
    name: str | None = None


class EdgeProvisioned(ApiModel):
    """The result of v1 `edge/edgeProvision`."""

    id: int
    activation_key: str
