"""The read, update and delete every v1 object of one enterprise shares (profiles, segments,
users, object groups): addressed in its state by `enterprise_vco_id` and `vco_id`.

Read fetches the object by its numeric ids (a missing object reads as gone, so `refresh`
drops it); update applies the changed inputs in place and keeps the old outputs when nothing
changed; delete removes it, a missing object counting as deleted. Each provider says how to
fetch, change and remove its kind. Not done here: create (each kind finds, adopts and creates
in its own way), anything keyed by logicalId alone (`Enterprise`, `Edge`: v2).
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from typing import Any, Protocol

from pulumi.dynamic import ReadResult, UpdateResult

from ..client import VcoClient
from ..client.errors import NotFound
from ..context import Connection, connect
from ..ids import LogicalId, VcoId, vco_id
from .errors import vco_errors
from .provider_base import VcoProvider


class EnterpriseObject(Protocol):
    """What every v1 object of an enterprise carries: its numeric id and its logicalId."""

    @property
    def id(self) -> VcoId: ...

    @property
    def logical_id(self) -> LogicalId | None: ...


def object_outputs(
    current: EnterpriseObject, enterprise_id: LogicalId, enterprise_vco_id: VcoId
) -> dict[str, Any]:
    """The outputs that address a v1 object of an enterprise (its ids and its enterprise's)."""
    return {
        "logical_id": current.logical_id,
        "vco_id": current.id,
        "enterprise_id": enterprise_id,
        "enterprise_vco_id": enterprise_vco_id,
    }


class EnterpriseObjectProvider(VcoProvider):
    """Base provider of a v1 object of one enterprise; subclasses define the four hooks."""

    def fetch(self, vco: Connection, enterprise: VcoId, numeric: VcoId) -> Any:
        """The object as the Orchestrator holds it (raises `NotFound` when it is gone)."""
        raise NotImplementedError

    def read_outputs(
        self, vco: Connection, state: Mapping[str, Any], enterprise: VcoId, current: Any
    ) -> dict[str, Any]:
        """The outputs for the object just fetched, given the resource's last state."""
        raise NotImplementedError

    def apply(self, vco: Connection, olds: dict[str, Any], news: dict[str, Any]) -> dict[str, Any] | None:
        """Change the object from `olds` (last outputs) to `news` (inputs) in place: the new
        outputs, or None when nothing changed."""
        raise NotImplementedError

    def remove(self, client: VcoClient, enterprise: VcoId, numeric: VcoId) -> None:
        """Delete the object (raises `NotFound` when it is gone already)."""
        raise NotImplementedError

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        vco = connect()
        enterprise = vco_id(props["enterprise_vco_id"])
        with vco_errors(self.label_for(props, id_)):
            try:
                current = self.fetch(vco, enterprise, vco_id(props["vco_id"]))
            except NotFound:
                return ReadResult(None, {})
        return ReadResult(id_, self.read_outputs(vco, props, enterprise, current))

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        self.args(news)  # invalid inputs fail here, not as an answer of an unexpected shape
        vco = connect()
        with vco_errors(self.label_for(news, id_)):
            outs = self.apply(vco, olds, news)
        return UpdateResult(outs or {k: olds.get(k) for k in self.spec.outputs.model_fields})

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        client = connect().client
        with vco_errors(self.label_for(props, id_)), contextlib.suppress(NotFound):
            self.remove(client, vco_id(props["enterprise_vco_id"]), vco_id(props["vco_id"]))
