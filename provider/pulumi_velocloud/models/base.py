"""The base of every API payload model: camelCase on the wire, unknown fields ignored."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict
from pydantic.alias_generators import to_camel


class ApiModel(BaseModel):
    model_config = ConfigDict(extra="ignore", alias_generator=to_camel, populate_by_name=True, frozen=True)


class AddressFields(BaseModel):
    """The contact and postal address fields enterprises and sites share (snake_case, plain)."""

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


class Address(ApiModel, AddressFields):
    """`AddressFields` as both APIs send them (camelCase, unknown fields ignored)."""
