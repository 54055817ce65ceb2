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
from ..secret_scan import is_secret_path, redact
from . import managed_paths as mp
from .device_settings_inputs import DeviceSettingsArgs
from .device_settings_mapping import desired_paths, field_of, fragments, is_secret
from .errors import VcoResourceError, vco_errors
from .provider_base import VcoProvider, is_unknown
from .spec import ResourceSpec

log = logging.getLogger(__name__)

MODULE = "deviceSettings"
CLAIM_PREFIX = "pulumi-velocloud:"

SECRET_OUTPUTS = frozenset({"secret_values", "snapshot"})
# `snmp` holds the community and passphrases; raw sections (`extra`, `segments`) may hold any secret:
# their secret-looking leaves are kept secret, the rest shows in diffs field by field.
SECRET_INPUTS = frozenset({"snmp"})
SCANNED_INPUTS = frozenset({"extra", "segments"})
NOTES = (
    "Only the keys you declare are managed: `managed_paths` lists them (JSON Pointers; array elements "
    "are selected by key, e.g. /lan/networks/[vlanId=10]/name). Keys you do not declare are neither "
    "reported as drift nor overwritten.",
    "Destroying restores every managed key to the value it had before the resource took it over and "
    "removes keys that did not exist, so the profile gets back its previous, working settings.",
    "One resource per profile: a second one fails unless adopt=True (a claim is kept in the description "
    "of the profile's deviceSettings module).",
    "Every write is one JSON Patch; the VCO applies it asynchronously and all-or-nothing. When it ends in "
    "ERROR the resource fails with the VCO's message and nothing is changed.",
    "The SNMP community and passphrases are secret: `snmp` is stored encrypted. In the raw sections "
    "(`extra`, a segment's `extra`) every value under a secret-looking key (password, secret, key, psk, "
    "passphrase, community, token, md5, credential; e.g. BGP md5Password) is kept as a Pulumi secret and "
    "the rest is shown in diffs field by field. Values holding secrets are in the secret output "
    "`secret_values` (and in `values` with the secrets redacted).",
    "Guesses about the real Orchestrator: the DHCP range is stored as `baseDhcpAddr` (offset from the "
    "network address) and `numDhcpAddr` on the network; DNS servers as DHCP option 6 of type `ip`; DNS "
    "providers are referenced by the enterprise DNS service's name.",
)


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


def device_settings_spec(
    *,
    name: str,
    target_field: str,
    summary: str,
    args: type[DeviceSettingsArgs],
    outputs: type[DeviceSettingsOutputs],
    fixture: dict[str, Any],
    example: str,
    notes: tuple[str, ...] = (),
) -> ResourceSpec:
    """The spec of a device-settings resource: what both share, with their target field named."""
    return ResourceSpec(
        name=name,
        summary=summary,
        args=args,
        outputs=outputs,
        natural_key=("enterprise_id", target_field),
        replace_on_change=frozenset({"enterprise_id", target_field}),
        secret_outputs=SECRET_OUTPUTS,
        secret_inputs=SECRET_INPUTS,
        scanned_inputs=SCANNED_INPUTS,
        delete_before_replace=True,
        fixture=fixture,
        example=example,
        notes=(*NOTES, *notes),
    )


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
        """The v2 deviceSettings document of the profile or edge (`get*ProfileDeviceSettings`)."""
        if self.edge_level:
            return client.v2.get_edge_device_settings(enterprise_id, target_id)
        return client.v2.get_profile_device_settings(enterprise_id, target_id)

    def patch_document(
        self, client: VcoClient, enterprise_id: LogicalId, target_id: LogicalId, patch: list[dict[str, Any]]
    ) -> None:
        """One JSON Patch of that document, waited for (`update*ProfileDeviceSettings`, asynchronous)."""
        if self.edge_level:
            client.v2.update_edge_device_settings(enterprise_id, target_id, patch)
        else:
            client.v2.update_profile_device_settings(enterprise_id, target_id, patch)

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
            document = _Document(self, client, args.enterprise_id, target_id, label)
            written = False
            try:
                snapshot = mp.Snapshot()
                wanted = desired_paths(args, edge=self.edge_level)
                document.write(document.read(), wanted, snapshot)
                written = True
                client.v1.update_configuration_module(
                    target.enterprise_vco_id, target.module_vco_id, {"description": CLAIM_PREFIX + claim}
                )
                after = document.read()
            except BaseException:
                _claims().drop(target_id)
                if written:  # Pulumi will not record this resource: undo what it changed
                    _undo_create(document, target, snapshot)
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

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        document = self._document(id_, props)
        with vco_errors(document.label):
            try:
                current = document.read()
            except NotFound:
                return ReadResult(None, {})
        snapshot = mp.Snapshot.from_json(props.get("snapshot"))
        return ReadResult(
            id_,
            _outputs(_base(props, self.target_field), props.get("managed_paths") or [], snapshot, current),
        )

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        args: DeviceSettingsArgs = self.args(news)
        document = self._document(id_, olds)
        snapshot = mp.Snapshot.from_json(olds.get("snapshot"))
        with vco_errors(document.label):
            wanted = desired_paths(args, edge=self.edge_level)
            document.write(document.read(), wanted, snapshot)
            after = document.read()
        return UpdateResult(_outputs(_base(olds, self.target_field), list(wanted), snapshot, after))

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        """Put back what the managed paths held before, then release the claim."""
        document = self._document(id_, props)
        with vco_errors(document.label):
            try:
                current = document.read()
            except NotFound:
                return
            document.restore(current, mp.Snapshot.from_json(props.get("snapshot")))
            self._release(document.client, props)
        _claims().drop(document.target_id, props.get("claim"))

    def _document(self, id_: str, state: Mapping[str, Any]) -> _Document:
        """The document a resource's state (or old outputs) names."""
        return _Document(
            self,
            connect().client,
            logical_id(state["enterprise_id"]),
            logical_id(state[self.target_field]),
            self.label(str(state.get("target_name") or id_)),
        )

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


@dataclass(frozen=True)
class _Document:
    """One resource's device-settings document at the Orchestrator: read it, change it in one JSON Patch."""

    provider: DeviceSettingsProvider
    client: VcoClient
    enterprise_id: LogicalId
    target_id: LogicalId
    label: str

    def read(self) -> dict[str, Any]:
        return self.provider.get_document(self.client, self.enterprise_id, self.target_id)

    def write(self, current: dict[str, Any], wanted: dict[str, Any], snapshot: mp.Snapshot) -> None:
        """Restore what is no longer managed, set what is, in one JSON Patch; wait for it."""
        target = copy.deepcopy(current)
        mp.restore(target, snapshot, mp.unmanaged_records(snapshot, wanted))
        try:
            for path, value in wanted.items():
                mp.set_value(target, path, value, snapshot)
        except ValueError as exc:
            raise VcoResourceError(f"{self.label}: {exc}") from None
        self.send(current, target)

    def restore(self, current: dict[str, Any], snapshot: mp.Snapshot) -> None:
        """Put back what every managed path held before (removing what did not exist)."""
        target = copy.deepcopy(current)
        mp.restore(target, snapshot)
        self.send(current, target)

    def send(self, current: dict[str, Any], target: dict[str, Any]) -> None:
        patch = json_patch.diff(_strip(current), _strip(target))
        if not patch:
            return
        try:
            self.provider.patch_document(self.client, self.enterprise_id, self.target_id, patch)
        except AsyncOperationFailed as exc:
            raise VcoResourceError(f"{self.label}: VCO rejected the change: {exc.message}") from None
        except AsyncOperationTimeout as exc:
            raise VcoResourceError(
                f"{self.label}: the change to {', '.join(sorted({op['path'] for op in patch}))} is still "
                f"{exc.last_status} at the VCO after the wait (asynchronous operation {exc.operation_id}); "
                "it may still be applied. Check it, then run "
                "`pulumi refresh` and `pulumi up` (raise velocloud:asyncTimeout to wait longer)"
            ) from None


def _undo_create(document: _Document, target: Target, snapshot: mp.Snapshot) -> None:
    """Best effort after a create failed half-way: put back the snapshot and the module description."""
    try:
        document.restore(document.read(), snapshot)
        document.client.v1.update_configuration_module(
            target.enterprise_vco_id, target.module_vco_id, {"description": target.module_description}
        )
    except Exception as exc:  # the original failure is what the user must see
        log.warning("%s: could not undo a half-finished create: %s", document.label, exc)


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
    secret = {p: v for p, v in found.items() if is_secret(p, v)}
    return {
        **base,
        "managed_paths": list(paths),
        # a section holding a secret is shown with the secret redacted, so drift elsewhere in it is visible
        "values": {
            p: v if p not in secret else redact(v)
            for p, v in found.items()
            if p not in secret or _shown(p, v)
        },
        "secret_values": secret,
        "snapshot": snapshot.to_json(),
    }


def _shown(path: str, value: Any) -> bool:
    """Whether a secret-holding value has a public part worth showing (an object or list whose own
    path is not secret)."""
    return isinstance(value, dict | list) and not is_secret_path(mp.split(path))
