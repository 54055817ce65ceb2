"""An edge's high-availability state, following the `ha` section of its device settings.

HA is switched on an existing edge by writing `ha.enabled` in the edge-specific profile's
`deviceSettings` (v2 edge deviceSettings PUT/PATCH, or v1 `updateConfigurationModule`): the
edge keeps its id, logicalId, activation and settings (docs/evidence.md "Edge lifecycle"). The edge
row's `haState` follows: enabling from UNCONFIGURED gives PENDING_INIT (waiting for the standby
to join); disabling a pair that never formed (UNCONFIGURED, PENDING_INIT) gives UNCONFIGURED at
once, disabling a formed or forming pair gives PENDING_DISSOCIATION. `haPreviousState` keeps
the state before the change. Writing the section without changing `enabled`, or a document
without `ha.enabled` (an edge that does not override it), changes nothing.

A guess (no published state diagram): the exact transitions above. Not implemented: the
standby joining (PENDING_CONFIRMATION, READY), failover, active/active clusters, VRRP.
"""

from __future__ import annotations

from typing import Any

from ..store import Record, Tx
from . import kinds

UNCONFIGURED, PENDING_INIT, PENDING_DISSOCIATION = "UNCONFIGURED", "PENDING_INIT", "PENDING_DISSOCIATION"
_NOT_PAIRED = frozenset({UNCONFIGURED, PENDING_INIT})


def initial_state(enabled: bool) -> str:
    """`haState` of a newly provisioned edge."""
    return PENDING_INIT if enabled else UNCONFIGURED


def next_state(current: str | None, enabled: bool) -> str:
    """The `haState` after HA is set to `enabled` on an edge in state `current`."""
    current = current or UNCONFIGURED
    if enabled:
        return PENDING_INIT if current in (UNCONFIGURED, PENDING_DISSOCIATION) else current
    return UNCONFIGURED if current in _NOT_PAIRED else PENDING_DISSOCIATION


def configured(data: dict[str, Any]) -> bool | None:
    """`ha.enabled` of a deviceSettings document; None when the document does not say."""
    section = data.get("ha")
    if not isinstance(section, dict) or not isinstance(section.get("enabled"), bool):
        return None
    return bool(section["enabled"])


def follow_device_settings(tx: Tx, profile: Record, data: dict[str, Any]) -> None:
    """After `deviceSettings` of `profile` was written: move its edge's HA state if `ha.enabled`
    changed (only edge-specific profiles belong to an edge)."""
    edge_id = profile.data.get("edgeId")
    enabled = configured(data)
    if not profile.data.get("edgeSpecific") or edge_id is None or enabled is None:
        return
    edge = tx.get(kinds.EDGE, id=int(edge_id))
    if edge is None or bool(edge.data.get("haEnabled")) == enabled:
        return
    state = edge.data.get("haState") or UNCONFIGURED
    tx.update(
        edge,
        edge.name,
        {**edge.data, "haEnabled": enabled, "haPreviousState": state, "haState": next_state(state, enabled)},
    )
