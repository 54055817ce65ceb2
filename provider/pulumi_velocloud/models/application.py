"""Application-map payloads of the v1 API (`configuration/getIdentifiableApplications`)."""

from __future__ import annotations

from typing import Any

from pydantic import Field, field_validator

from .base import ApiModel


class ApplicationV1(ApiModel):
    """An application of the map (the spec's `application`): `id` is what a rule's `match.appid` holds."""

    id: int
    name: str | None = None
    display_name: str | None = None
    app_class: int = Field(alias="class")
    description: str | None = None


class ApplicationCatalogue(ApiModel):
    """The enterprise's (or edge's) application map: applications and class names by class id.

    `applicationClasses` is an array of names indexed by class id in real answers (the
    OpenNMS-patched spec); an object keyed by class id (the 5.1 spec's description) is read too.
    """

    applications: list[ApplicationV1] = []
    application_classes: dict[int, str] = {}

    @field_validator("application_classes", mode="before")
    @classmethod
    def _classes(cls, value: Any) -> Any:
        if isinstance(value, list):
            return {i: name for i, name in enumerate(value) if isinstance(name, str)}
        if isinstance(value, dict):
            return {int(k): v for k, v in value.items() if str(k).isdigit() and isinstance(v, str)}
        return {}

    def class_name(self, class_id: int) -> str | None:
        return self.application_classes.get(class_id)
