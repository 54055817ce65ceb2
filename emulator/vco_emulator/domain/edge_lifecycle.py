"""Edge lifecycle actions: reactivation (RMA), local UI credentials, bastion staging, analytics.

Reactivation: `request_reactivation` (v1 `edge/edgeRequestReactivation`) moves an activated edge
to REACTIVATION_PENDING with a fresh activation key valid for 30 days (the replacement device
activates with it, keeping the edge's logicalId, profile and settings); asking again issues
another key. `cancel_reactivation` puts a pending edge back to ACTIVATED with the key it had.
An edge that never activated has its key already: asking is refused (DataConflict).

Local UI credentials (`edge/updateEdgeAdminPassword`, `updateEdgeCredentialsByConfiguration`)
queue one action per edge and answer its id; only the username and the time are stored, never
the password. Bastion staging stores the requested state (`STAGE_REQUESTED`, ...) on the edge
or the enterprise. Analytics: an enterprise's capability, edge limit and self-healing flag;
an edge's `analyticsMode` may include analytics only when its enterprise is capable, and no
more edges than the limit may run analytics.

Guesses (not in the spec): the refusal rules above, the key restored on cancel, and that the
bastion states advance no further (no bastion Orchestrator is emulated). Not implemented: the
queued actions' progress (`edgeAction/getEdgeAction`), `isDynamicIP`'s effect.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any, Literal

from pydantic import Field

from ..store import Record, Tx
from ..timestamps import utc_in, utc_now
from . import edges, enterprises, kinds
from .auth import Principal
from .errors import DataConflict, FieldError, InvalidRequest
from .validation import StrictModel, parse

REACTIVATION_PENDING = "REACTIVATION_PENDING"
_ACTION_SEQ = "edge_action_seq"
ANALYTICS_MODES = ("SDWAN_ONLY", "SDWAN_ANALYTICS", "ANALYTICS_ONLY")
EdgeBastionState = Literal["STAGE_REQUESTED", "UNSTAGE_REQUESTED", "PROMOTION_REQUESTED"]
EnterpriseBastionState = Literal["STAGE_REQUESTED", "UNSTAGE_REQUESTED"]
AnalyticsCapability = Literal["NONE", "APPLICATION_BRANCH"]


# -- reactivation -------------------------------------------------------------------------


def request_reactivation(tx: Tx, principal: Principal, edge: Record) -> Record:
    principal.require_write()
    state = edge.data.get("activationState")
    if state not in ("ACTIVATED", REACTIVATION_PENDING):
        raise DataConflict(
            f"edge {edge.name!r} is {state}, not activated: activate it with its activation key instead"
        )
    data = dict(edge.data)
    if state == "ACTIVATED":
        data["keyBeforeReactivation"] = [data["activationKey"], data["activationKeyExpires"]]
    data.update(
        activationState=REACTIVATION_PENDING,
        activationKey=edges.new_activation_key(tx),
        activationKeyExpires=utc_in(timedelta(days=edges.ACTIVATION_KEY_DAYS)),
    )
    return tx.update(edge, edge.name, data)


def cancel_reactivation(tx: Tx, principal: Principal, edge: Record) -> bool:
    """Back to ACTIVATED; False (nothing changes) when no reactivation is pending."""
    principal.require_write()
    if edge.data.get("activationState") != REACTIVATION_PENDING:
        return False
    data = dict(edge.data)
    key, expires = data.pop("keyBeforeReactivation", None) or [
        data["activationKey"],
        data["activationKeyExpires"],
    ]
    data.update(activationState="ACTIVATED", activationKey=key, activationKeyExpires=expires)
    tx.update(edge, edge.name, data)
    return True


# -- local UI credentials -----------------------------------------------------------------


class Credentials(StrictModel):
    username: str | None = Field(default=None, min_length=1)
    password: str = Field(min_length=1)


def _queue_credentials(tx: Tx, edge: Record, username: str | None) -> int:
    action_id = int(tx.get_meta(_ACTION_SEQ) or "0") + 1
    tx.set_meta(_ACTION_SEQ, str(action_id))
    update = {"username": username or "admin", "requested": utc_now(), "actionId": action_id}
    tx.update(edge, edge.name, {**edge.data, "localUiCredentials": update})
    return action_id


def update_admin_password(tx: Tx, principal: Principal, edge: Record, payload: Any) -> int:
    principal.require_write()
    creds = parse(Credentials, payload, what="local UI credentials")
    return _queue_credentials(tx, edge, creds.username)


def update_credentials_by_profile(tx: Tx, principal: Principal, profile: Record, payload: Any) -> list[int]:
    """One queued action per edge using the enterprise profile."""
    principal.require_write()
    creds = parse(Credentials, payload, what="credentials")
    using = [
        e
        for e in tx.find(kinds.EDGE, enterprise_id=profile.enterprise_id)
        if e.data["configurationId"] == profile.id
    ]
    return [_queue_credentials(tx, edge, creds.username) for edge in using]


# -- bastion staging ----------------------------------------------------------------------


def set_edge_bastion_state(tx: Tx, principal: Principal, edge: Record, state: EdgeBastionState) -> Record:
    principal.require_write()
    current = edge.data.get("bastionState") or "UNCONFIGURED"
    if state == "PROMOTION_REQUESTED" and current not in ("STAGE_REQUESTED", "STAGED"):
        raise DataConflict(f"edge {edge.name!r} is {current}: only a staged edge can be promoted")
    return tx.update(edge, edge.name, {**edge.data, "bastionState": state})


def set_enterprise_bastion_state(
    tx: Tx, principal: Principal, enterprise_id: int, state: EnterpriseBastionState
) -> Record:
    principal.require_write()
    enterprise = enterprises.get_enterprise(tx, principal, id=enterprise_id)
    return tx.update(enterprise, enterprise.name, {**enterprise.data, "bastionState": state})


# -- analytics ----------------------------------------------------------------------------


class AnalyticsConfiguration(StrictModel):
    analyticsCapability: AnalyticsCapability | None = None
    analyticsEdgeLimit: int | None = Field(default=None, ge=0)
    analyticsSelfHealing: bool | None = None


class EdgeAnalytics(StrictModel):
    analyticsMode: str | None = None
    analyticsSelfHealing: bool | None = None
    isDynamicIP: bool | None = None


def analytics_configuration(enterprise: Record) -> dict[str, Any]:
    stored = enterprise.data.get("analytics") or {}
    return {
        "analyticsCapability": stored.get("analyticsCapability", "NONE"),
        "analyticsEdgeLimit": int(stored.get("analyticsEdgeLimit", 0)),
        "analyticsSelfHealing": bool(stored.get("analyticsSelfHealing", False)),
    }


def set_analytics_configuration(tx: Tx, principal: Principal, enterprise_id: int, payload: Any) -> Record:
    principal.require_write()
    enterprise = enterprises.get_enterprise(tx, principal, id=enterprise_id)
    req = parse(AnalyticsConfiguration, payload, what="analytics configuration")
    merged = {**analytics_configuration(enterprise), **req.model_dump(exclude_none=True)}
    return tx.update(enterprise, enterprise.name, {**enterprise.data, "analytics": merged})


def _runs_analytics(mode: Any) -> bool:
    return mode in ("SDWAN_ANALYTICS", "ANALYTICS_ONLY")


def update_edges_analytics(
    tx: Tx, principal: Principal, enterprise: Record, edge_ids: list[int], payload: Any
) -> int:
    """Apply `configData` to the listed edges of the enterprise; how many rows changed."""
    principal.require_write()
    req = parse(EdgeAnalytics, payload if payload is not None else {}, what="configData")
    if req.analyticsMode is not None and req.analyticsMode not in ANALYTICS_MODES:
        raise InvalidRequest(
            f"analyticsMode {req.analyticsMode!r} is not one of {', '.join(ANALYTICS_MODES)}",
            [FieldError("configData.analyticsMode", f"must be one of {', '.join(ANALYTICS_MODES)}")],
        )
    found = [
        edges.get_edge(tx, principal, id=i, enterprise_id=enterprise.id) for i in dict.fromkeys(edge_ids)
    ]
    config = analytics_configuration(enterprise)
    if _runs_analytics(req.analyticsMode):
        if config["analyticsCapability"] == "NONE":
            raise DataConflict(f"enterprise {enterprise.name!r} has no analytics capability")
        listed = {e.id for e in found}
        others = [
            e
            for e in tx.find(kinds.EDGE, enterprise_id=enterprise.id)
            if e.id not in listed and _runs_analytics(e.data.get("analyticsMode"))
        ]
        if len(others) + len(found) > config["analyticsEdgeLimit"]:
            raise DataConflict(
                f"enterprise {enterprise.name!r} may run analytics on {config['analyticsEdgeLimit']} "
                f"edge(s); {len(others)} already do"
            )
    changes = req.model_dump(exclude_none=True)
    for edge in found:
        tx.update(edge, edge.name, {**edge.data, **changes})
    return len(found)
