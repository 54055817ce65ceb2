"""The contact and address inputs an `Enterprise` and an edge's site (`SiteArgs`) share.

Checked at `check` time only as far as the Orchestrator's own rules are known (an e-mail
shape, latitude and longitude ranges); the Orchestrator's defaults apply to what is unset.
Not done here: geocoding, or checking time zones and locales against a list.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


class AddressInputs(BaseModel):
    """Contact person and postal address, with the place's time zone and locale."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    contact_name: str | None = Field(None, description="Contact person.")
    contact_email: str | None = Field(None, pattern=EMAIL_PATTERN, description="Contact e-mail address.")
    contact_phone: str | None = Field(None, description="Contact phone number.")
    street_address: str | None = Field(None, description="Street address.")
    city: str | None = Field(None, description="City.")
    state: str | None = Field(None, description="State or region.")
    postal_code: str | None = Field(None, description="Postal code.")
    country: str | None = Field(None, description="Country (ISO 3166 code or name).")
    lat: float | None = Field(None, ge=-90, le=90, description="Latitude in degrees.")
    lon: float | None = Field(None, ge=-180, le=180, description="Longitude in degrees.")
    timezone: str | None = Field(
        None, description="IANA time zone, e.g. America/New_York (VCO default if unset)."
    )
    locale: str | None = Field(None, description="Locale, e.g. en-US (VCO default if unset).")


ADDRESS_FIELDS = tuple(AddressInputs.model_fields)
