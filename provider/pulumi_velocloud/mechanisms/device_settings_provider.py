"""The lifecycle both device-settings resources share: claim, snapshot, one JSON Patch, restore.

Inputs are `device_settings_inputs`, their mapping to managed paths `device_settings_mapping`.

Lifecycle: create reads the document, records what the managed paths held before
(`snapshot`), sends one JSON Patch and waits for the asynchronous operation; read returns
only the managed paths; update restores paths the user no longer declares and sets the
declared ones in one JSON Patch; delete restores every managed path to what it held before
the resource took it over (keys that did not exist are removed), so destroying a stack
gives back the settings the profile or edge had before. A claim in the deviceSettings
module's description (v1 `updateConfigurationModule`) makes a second resource for the same
target fail unless `adopt=True`.

Not implemented: IPv6 addressing, OSPF/BGP/multicast per interface, LAN interfaces (ports),
Wi-Fi, per-model settings (reachable through `extra` where the section is top-level);
PPPoE credentials on routed interfaces (use `extra` with a secret).
"""

from __future__ import annotations

import copy
import logging
import threading
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from pulumi.dynamic import CreateResult, DiffResult, ReadResult, UpdateResult
from pydantic import BaseModel, Field

from ..client import VcoClient, json_patch
from ..client.errors import AsyncOperationFailed, AsyncOperationTimeout, NotFound
from ..context import Connection, connect, provider_context
from ..ids import LogicalId, VcoId, logical_id, vco_id
from . import managed_paths as mp
from .device_settings_inputs import DeviceSettingsArgs
from .device_settings_mapping import desired_paths, field_of, fragments, is_secret
from .errors import VcoResourceError, vco_errors
from .provider_base import VcoProvider, is_unknown

log = logging.getLogger(__name__)

MODULE = "deviceSettings"
CLAIM_PREFIX = "pulumi-velocloud:"


@dataclass(frozen=True)
class Target:
    """Where a device-settings resource writes: names and ids of the profile or edge."""

    enterprise_vco_id: VcoId
    name: str
    profile_vco_id: VcoId  # the (edge-specific) profile (API: configuration) holding the module
    module_vco_id: VcoId
    module_description: str | None


class Claims:
    """The claims creates in this provider process hold: target logicalId -> claim (one lock)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._held: dict[str, str] = {}

    def take(self, target_id: str, claim: str, *, owner: str | None, adopt: bool) -> str | None:
        """Look and take in one step (two resources of one stack run in parallel): None when taken,
        else the claim in the way (`owner`, the one at the Orchestrator, or one taken here)."""
        with self._lock:
            in_the_way = owner or self._held.get(target_id)
            if in_the_way is not None and not adopt:
                return in_the_way
            self._held[target_id] = claim
            return None

    def drop(self, target_id: str, claim: str | None = None) -> None:
        """Forget the claim on the target (only if it is `claim`, when given)."""
        with self._lock:
            if claim is None or self._held.get(target_id) == claim:
                self._held.pop(target_id, None)


def _claims() -> Claims:
    return provider_context().shared("device-settings-claims", Claims)


class DeviceSettingsOutputs(BaseModel):
    enterprise_id: str
    target_name: str = Field(description="Name of the profile or edge.")
    enterprise_vco_id: int
    configuration_vco_id: int = Field(
        description="Numeric id of the profile (API: configuration) holding the deviceSettings module."
    )
    module_vco_id: int = Field(
        description="Numeric id of the deviceSettings module (its description holds the claim)."
    )
    claim: str = Field(description="This resource's claim on the module.")
    module_description: str | None = Field(None, description="The module description before the claim.")
    managed_paths: list[str] = Field(
        description="JSON Pointers (with [key=value] selectors) this resource manages."
    )
    values: dict[str, Any] = Field(description="Current value of each managed path that holds no secret.")
    secret_values: dict[str, Any] = Field(description="Current value of each managed path holding a secret.")
    snapshot: dict[str, Any] = Field(description="What the managed paths held before (restored on delete).")


class DeviceSettingsProvider(VcoProvider):
    """Shared lifecycle; subclasses name the target (`kind`, `target_field`) and its API calls."""

    kind: ClassVar[str]
    target_field: ClassVar[str]
    edge_level: ClassVar[bool]

    # -- target hooks ----------------------------------------------------------------

    def locate(self, vco: Connection, enterprise_id: LogicalId, target_id: LogicalId) -> Target:
        raise NotImplementedError

    def get_document(
        self, client: VcoClient, enterprise_id: LogicalId, target_id: LogicalId
    ) -> dict[str, Any]:
        raise NotImplementedError

    def patch_document(
        self, client: VcoClient, enterprise_id: LogicalId, target_id: LogicalId, patch: list[dict[str, Any]]
    ) -> None:
        raise NotImplementedError

    def label(self, name: str) -> str:
        return f'DeviceSettings for {self.kind} "{name}"'

    # -- diff ------------------------------------------------------------------------

    def diff(self, _id: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        changed = self.changed_fields(olds, news)
        replaces = [f for f in ("enterprise_id", self.target_field) if f in changed]
        return DiffResult(
            changes=bool(changed), replaces=replaces, delete_before_replace=True if replaces else None
        )

    def changed_fields(self, olds: Mapping[str, Any], news: Mapping[str, Any]) -> list[str]:
        """Target fields that differ, and input fields whose managed paths differ from the last read."""
        changed = [
            f
            for f in ("enterprise_id", self.target_field)
            if is_unknown(news.get(f)) or news.get(f) != olds.get(f)
        ]
        fields = [f for f in self.spec.managed_fields if f not in ("enterprise_id", self.target_field)]
        unknown = [f for f in fields if is_unknown(news.get(f))]
        if unknown:
            return changed + unknown
        args: DeviceSettingsArgs = self.args(news)
        actual = {**(olds.get("values") or {}), **(olds.get("secret_values") or {})}
        wanted = fragments(args, edge=self.edge_level)
        for name in fields:
            flat = wanted.get(name, {})
            if any(p not in actual or not mp.matches(v, actual[p]) for p, v in flat.items()):
                changed.append(name)
        desired = {p for flat in wanted.values() for p in flat}
        for path in olds.get("managed_paths") or []:
            if path not in desired and field_of(path) not in changed:
                changed.append(field_of(path))
        return changed

    # -- CRUD ------------------------------------------------------------------------

    def create(self, props: dict[str, Any]) -> CreateResult:
        args: DeviceSettingsArgs = self.args(props)
        target_id = logical_id(props[self.target_field])
        vco = connect()
        client = vco.client
        with vco_errors(f"DeviceSettings for {self.kind} {target_id}"):
            target = self.locate(vco, args.enterprise_id, target_id)
        label = self.label(target.name)
        with vco_errors(label):
            owner = _claim_of(target.module_description)
            claim = uuid.uuid4().hex
            in_the_way = _claims().take(target_id, claim, owner=owner, adopt=args.adopt)
            if in_the_way is not None:
                raise VcoResourceError(
                    f"{label}: another {self.spec.name} resource already manages these device settings "
                    f"(claim {in_the_way}); only one per {self.kind} makes sense. Merge the two, "
                    "or set adopt=True to take them over (then remove the other one from its stack with "
                    "`pulumi state delete`)"
                )
            written = False
            try:
                current = self.get_document(client, args.enterprise_id, target_id)
                snapshot = mp.Snapshot()
                wanted = desired_paths(args, edge=self.edge_level)
                self._write(client, args.enterprise_id, target_id, label, current, wanted, snapshot)
                written = True
                client.v1.update_configuration_module(
                    target.enterprise_vco_id, target.module_vco_id, {"description": CLAIM_PREFIX + claim}
                )
                after = self.get_document(client, args.enterprise_id, target_id)
            except BaseException:
                _claims().drop(target_id)
                if written:  # Pulumi will not record this resource: undo what it changed
                    self._undo_create(client, args.enterprise_id, target_id, label, target, snapshot)
                raise
        base = {
            "enterprise_id": args.enterprise_id,
            self.target_field: target_id,
            "target_name": target.name,
            "enterprise_vco_id": target.enterprise_vco_id,
            "configuration_vco_id": target.profile_vco_id,
            "module_vco_id": target.module_vco_id,
            "claim": claim,
            "module_description": None if owner is not None else target.module_description,
        }
        return CreateResult(target_id, _outputs(base, list(wanted), snapshot, after))

    def _write(
        self,
        client: VcoClient,
        enterprise_id: LogicalId,
        target_id: LogicalId,
        label: str,
        current: dict[str, Any],
        wanted: dict[str, Any],
        snapshot: mp.Snapshot,
    ) -> None:
        """Restore what is no longer managed, set what is, in one JSON Patch; wait for it."""
        target = copy.deepcopy(current)
        mp.restore(target, snapshot, mp.unmanaged_records(snapshot, wanted))
        try:
            for path, value in wanted.items():
                mp.set_value(target, path, value, snapshot)
        except ValueError as exc:
            raise VcoResourceError(f"{label}: {exc}") from None
        self._send(client, enterprise_id, target_id, label, current, target)

    def _send(
        self,
        client: VcoClient,
        enterprise_id: LogicalId,
        target_id: LogicalId,
        label: str,
        current: dict[str, Any],
        target: dict[str, Any],
    ) -> None:
        patch = json_patch.diff(_strip(current), _strip(target))
        if not patch:
            return
        try:
            self.patch_document(client, enterprise_id, target_id, patch)
        except AsyncOperationFailed as exc:
            raise VcoResourceError(f"{label}: VCO rejected the change: {exc.message}") from None
        except AsyncOperationTimeout as exc:
            raise VcoResourceError(
                f"{label}: the change to {', '.join(sorted({op['path'] for op in patch}))} is still "
                f"{exc.last_status} at the VCO after the wait (asynchronous operation {exc.operation_id}); "
                "it may still be applied. Check it, then run "
                "`pulumi refresh` and `pulumi up` (raise velocloud:asyncTimeout to wait longer)"
            ) from None

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        client = connect().client
        with vco_errors(self.label(str(props.get("target_name") or id_))):
            try:
                current = self.get_document(
                    client, logical_id(props["enterprise_id"]), logical_id(props[self.target_field])
                )
            except NotFound:
                return ReadResult(None, {})
        snapshot = mp.Snapshot.from_json(props.get("snapshot"))
        return ReadResult(
            id_,
            _outputs(_base(props, self.target_field), props.get("managed_paths") or [], snapshot, current),
        )

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        args: DeviceSettingsArgs = self.args(news)
        client = connect().client
        target_id = logical_id(olds[self.target_field])
        label = self.label(str(olds.get("target_name") or id_))
        snapshot = mp.Snapshot.from_json(olds.get("snapshot"))
        with vco_errors(label):
            current = self.get_document(client, args.enterprise_id, target_id)
            wanted = desired_paths(args, edge=self.edge_level)
            self._write(client, args.enterprise_id, target_id, label, current, wanted, snapshot)
            after = self.get_document(client, args.enterprise_id, target_id)
        return UpdateResult(_outputs(_base(olds, self.target_field), list(wanted), snapshot, after))

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        """Put back what the managed paths held before, then release the claim."""
        client = connect().client
        target_id = logical_id(props[self.target_field])
        enterprise_id = logical_id(props["enterprise_id"])
        label = self.label(str(props.get("target_name") or id_))
        with vco_errors(label):
            try:
                current = self.get_document(client, enterprise_id, target_id)
            except NotFound:
                return
            target = copy.deepcopy(current)
            mp.restore(target, mp.Snapshot.from_json(props.get("snapshot")))
            self._send(client, enterprise_id, target_id, label, current, target)
            self._release(client, props)
        _claims().drop(target_id, props.get("claim"))

    def _undo_create(
        self,
        client: VcoClient,
        enterprise_id: LogicalId,
        target_id: LogicalId,
        label: str,
        target: Target,
        snapshot: mp.Snapshot,
    ) -> None:
        """Best effort after a create failed half-way: put back the snapshot and the module description."""
        try:
            current = self.get_document(client, enterprise_id, target_id)
            restored = copy.deepcopy(current)
            mp.restore(restored, snapshot)
            self._send(client, enterprise_id, target_id, label, current, restored)
            client.v1.update_configuration_module(
                target.enterprise_vco_id, target.module_vco_id, {"description": target.module_description}
            )
        except Exception as exc:  # the original failure is what the user must see
            log.warning("%s: could not undo a half-finished create: %s", label, exc)

    def _release(self, client: VcoClient, props: Mapping[str, Any]) -> None:
        enterprise, profile = vco_id(props["enterprise_vco_id"]), vco_id(props["configuration_vco_id"])
        try:
            modules = client.v1.get_configuration_modules(enterprise, profile, [MODULE], with_data=False)
        except NotFound:
            return
        module = next((m for m in modules if m.id == vco_id(props["module_vco_id"])), None)
        if module is not None and module.description == CLAIM_PREFIX + str(props.get("claim")):
            client.v1.update_configuration_module(
                enterprise, module.id, {"description": props.get("module_description")}
            )


def _claim_of(description: str | None) -> str | None:
    if description and description.startswith(CLAIM_PREFIX):
        return description[len(CLAIM_PREFIX) :]
    return None


def _strip(document: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in document.items() if k != "_href"}


def _base(props: Mapping[str, Any], target_field: str) -> dict[str, Any]:
    keys = ("enterprise_id", target_field, "target_name", "enterprise_vco_id", "configuration_vco_id",
            "module_vco_id", "claim", "module_description")  # fmt: skip
    return {k: props.get(k) for k in keys}


def _outputs(
    base: dict[str, Any], paths: list[str], snapshot: mp.Snapshot, document: dict[str, Any]
) -> dict[str, Any]:
    found = mp.read(document, paths)
    return {
        **base,
        "managed_paths": list(paths),
        "values": {p: v for p, v in found.items() if not is_secret(p, v)},
        "secret_values": {p: v for p, v in found.items() if is_secret(p, v)},
        "snapshot": snapshot.to_json(),
    }
