"""Applications by name: the enterprise's application map read once per run, names resolved to ids.

Used by the `get_application` lookup and by rules whose `match.application` names an application:
`check` resolves the name to the numeric `appid`/`classid` the `firewall`/`QOS` documents hold
(the one place a `check` reads the API: one `configuration/getIdentifiableApplications` per
enterprise and run), so `diff` compares ids and an id changed by hand shows as drift.

A name matches an application's `displayName` or its `name`, in any case (real clients look
applications up by `displayName`: docs/evidence.md section 13); `app_class` (a class name or id)
narrows the match. Ids are never hard-coded: application maps differ between Orchestrators.
Not done here: per-edge application maps (an edge is assumed to use its enterprise's map).
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..client.errors import VcoError
from ..context import Connection, connect, provider_context
from ..ids import LogicalId, VcoId
from ..models.application import ApplicationCatalogue, ApplicationV1
from ..settings import SettingsError
from .provider_base import is_unknown

MATCH_KEY = "application"


class ApplicationNotFound(LookupError):
    """No application (or more than one) of the map answers to a name."""


@dataclass
class _Catalogues:
    """The application maps read in this run, per client and enterprise."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    by_enterprise: dict[tuple[int, int], ApplicationCatalogue] = field(default_factory=dict)


def catalogue(vco: Connection, enterprise: VcoId) -> ApplicationCatalogue:
    """The enterprise's application map, read once per run (per client)."""
    cache = provider_context().per_run("application-catalogues", _Catalogues)
    key = (id(vco.client), int(enterprise))
    with cache.lock:
        found = cache.by_enterprise.get(key)
    if found is None:
        found = vco.client.v1.get_identifiable_applications(enterprise)
        with cache.lock:
            cache.by_enterprise[key] = found
    return found


def find(catalogue: ApplicationCatalogue, name: str, app_class: str | int | None = None) -> ApplicationV1:
    """The one application named `name` (display name or name, any case), optionally of a class."""
    wanted = name.strip().casefold()
    matches = [
        a
        for a in catalogue.applications
        if wanted in ((a.display_name or "").casefold(), (a.name or "").casefold())
    ]
    if app_class is not None:
        matches = [a for a in matches if _in_class(catalogue, a, app_class)]
    by_id = {a.id: a for a in matches}
    if len(by_id) == 1:
        return next(iter(by_id.values()))
    where = f" of class {app_class!r}" if app_class is not None else ""
    if not by_id:
        similar = sorted(
            a.display_name or a.name or str(a.id)
            for a in catalogue.applications
            if wanted[:3] and wanted[:3] in (a.display_name or a.name or "").casefold()
        )[:5]
        hint = f" (similar: {', '.join(similar)})" if similar else ""
        raise ApplicationNotFound(
            f"no application named {name!r}{where} in the application map "
            f"({len(catalogue.applications)} applications){hint}"
        )
    raise ApplicationNotFound(
        f"{len(by_id)} applications are named {name!r}{where} (ids {sorted(by_id)}); give app_class"
    )


def _in_class(catalogue: ApplicationCatalogue, app: ApplicationV1, app_class: str | int) -> bool:
    if isinstance(app_class, int) or str(app_class).isdigit():
        return app.app_class == int(app_class)
    return (catalogue.class_name(app.app_class) or "").casefold() == str(app_class).casefold()


def resolve_match(label: str, inputs: Mapping[str, Any]) -> tuple[dict[str, Any] | None, str | None]:
    """A rule's inputs with `match.application` resolved to `application_id`/`application_class_id`.

    Returns `(new_inputs, None)`, `(None, None)` when there is nothing to resolve yet (no name, or
    the name or enterprise not known at preview), or `(None, message)` naming the rule, the field
    and the value when the name cannot be resolved.
    """
    match = inputs.get("match")
    if not isinstance(match, Mapping):
        return None, None
    name = match.get(MATCH_KEY)
    if name is None or is_unknown(name) or is_unknown(inputs.get("enterprise_id")):
        return None, None
    shown = f"{label} field match.application = {name!r}"
    if not isinstance(name, str) or not name.strip():
        return None, f"{shown} is invalid: an application name is required"
    for other in ("application_id", "application_class_id"):
        if match.get(other) is not None:
            return None, f"{shown} is invalid: set match.application or match.{other}, not both"
    try:
        vco = connect()
        enterprise = vco.ids.enterprise(LogicalId(str(inputs["enterprise_id"])))
        app = find(catalogue(vco, enterprise), name)
    except ApplicationNotFound as exc:
        return None, f"{shown} is invalid: {exc}"
    except (VcoError, SettingsError) as exc:
        return None, f"{shown} could not be resolved: {exc}"
    resolved = {**match, "application_id": app.id, "application_class_id": app.app_class}
    return {**inputs, "match": resolved}, None
