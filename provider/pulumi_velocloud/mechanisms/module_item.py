"""The lifecycle of one item a resource owns inside a module document (a rule, a WAN link).

Create and update are one `put` each (an edit through `module_writer.submit`, serialised per
module and verified by reading back), read is one module read, delete one removal edit.
Subclasses say how the item is written (`put`), found (`item_outputs`) and taken out
(`removal`); the module is the one the state's `profile_id` / `edge_id` names. A
`DocumentError` (a name taken, a field the Orchestrator did not keep) becomes the resource's
error; a create that fails so takes its new item out again (nothing half-written; an adopted
item keeps its own id and is never taken out). Not done here: what the item looks like
(`module_rule`, `resources/edge_wan_link`).
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable
from typing import Any, ClassVar

from pulumi.dynamic import CreateResult, ReadResult, UpdateResult

from ..client.errors import NotFound, VcoError
from ..context import Connection, connect
from . import module_edits as me
from . import module_writer as mw
from .errors import VcoResourceError, vco_errors
from .provider_base import VcoProvider

# (the edit taking an item out of a document, the check that the document no longer has it)
Removal = tuple[Callable[[me.Document], me.Document], Callable[[me.Document], bool]]


class ModuleItemProvider(VcoProvider):
    """Base provider of one item of module `module`; its Pulumi id is the item's own id."""

    module: ClassVar[str]

    def put(self, vco: Connection, args: Any, item_id: str) -> tuple[str, me.Document, mw.ModuleTarget]:
        """Create or update the item; returns its id (adoption may change it), the verified
        document and the module it is in."""
        raise NotImplementedError

    def item_outputs(
        self, item_id: str, props: Any, target: mw.ModuleTarget, doc: me.Document
    ) -> dict[str, Any] | None:
        """The outputs of the item in this document, or None when it is not there."""
        raise NotImplementedError

    def removal(self, item_id: str) -> Removal:
        """(the edit taking the item out, the check that it is out)."""
        raise NotImplementedError

    def _write(self, props: dict[str, Any], item_id: str, *, new: bool) -> tuple[str, dict[str, Any]]:
        args = self.args(props)
        vco = connect()
        with vco_errors(self.label_for(props)):
            try:
                item_id, doc, target = self.put(vco, args, item_id)
            except me.DocumentError as exc:
                message = str(exc)
                if new:  # a new item the Orchestrator did not keep as written: take it out again
                    message += self._take_out(vco, props, item_id)
                raise VcoResourceError(message) from None
        outs = self.item_outputs(item_id, props, target, doc)
        assert outs is not None
        return item_id, outs

    def _take_out(self, vco: Connection, props: dict[str, Any], item_id: str) -> str:
        """Remove a new item whose write failed (a no-op when it is not there); what the user should
        know about it, or "" when it is gone."""
        apply, holds = self.removal(item_id)
        try:
            target = mw.target_in_state(vco, props, self.module)
            mw.submit(vco.client, target, mw.Edit(apply=apply, holds=holds, label=self.label_for(props)))
        except (me.DocumentError, VcoError) as exc:
            return f"; taking it out again failed too ({exc}): remove {item_id} by hand"
        return ""

    def create(self, props: dict[str, Any]) -> CreateResult:
        """A new item under a fresh id; when its write fails it is not left half-written."""
        return CreateResult(*self._write(props, str(uuid.uuid4()), new=True))

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        return UpdateResult(self._write(news, id_, new=False)[1])

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        vco = connect()
        with vco_errors(self.label_for(props)):
            try:
                target = mw.target_in_state(vco, props, self.module)
                doc = mw.read_module(vco.client, target).data
            except NotFound:
                return ReadResult(None, {})
        outs = self.item_outputs(id_, props, target, doc)
        return ReadResult(id_ if outs else None, outs or {})

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        vco = connect()
        apply, holds = self.removal(id_)
        with vco_errors(self.label_for(props)), contextlib.suppress(NotFound):
            target = mw.target_in_state(vco, props, self.module)
            mw.submit(vco.client, target, mw.Edit(apply=apply, holds=holds, label=self.label_for(props)))
