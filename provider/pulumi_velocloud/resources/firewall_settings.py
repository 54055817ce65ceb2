"""`FirewallSettings`: the module-level switches of a profile's (or an edge's) `firewall` module.

Writes only `firewall_enabled`, `stateful_firewall_enabled` and `firewall_logging_enabled`
of the `firewall` document, through the same serialised, verified read-modify-write as the
rules (`module_writer`), so it never loses a rule written at the same time. Each switch
left unset is not managed. The Pulumi id is `profile/<logicalId>` or `edge/<logicalId>`.

Delete leaves the switches as they are (there is no "unset" for them; the Orchestrator's
defaults differ per release). Not implemented: per-segment logging, stateful timeouts,
network protection, syslog forwarding.
"""

from __future__ import annotations

from typing import Any

import pulumi
from pulumi.dynamic import CreateResult, ReadResult, UpdateResult
from pydantic import BaseModel, Field

from ..client.errors import NotFound
from ..context import connect
from ..mechanisms import module_edits as me
from ..mechanisms import module_writer as mw
from ..mechanisms.declare import VcoResource
from ..mechanisms.errors import VcoResourceError, vco_errors
from ..mechanisms.provider_base import VcoProvider
from ..mechanisms.spec import (
    EXAMPLE_ENTERPRISE_ID,
    EXAMPLE_PROFILE_ID,
    ResourceSpec,
    register,
)

SWITCHES = {
    "enabled": "firewall_enabled",
    "stateful": "stateful_firewall_enabled",
    "logging": "firewall_logging_enabled",
}


class FirewallSettingsArgs(mw.ModuleOwnerArgs):
    """The inputs of `FirewallSettings`."""

    enabled: bool | None = Field(None, description="firewall_enabled: the firewall is on.")
    stateful: bool | None = Field(None, description="stateful_firewall_enabled.")
    logging: bool | None = Field(None, description="firewall_logging_enabled.")


class FirewallSettingsOutputs(BaseModel):
    enterprise_id: str
    enterprise_vco_id: int
    profile_id: str | None = None
    edge_id: str | None = None
    enabled: bool | None = None
    stateful: bool | None = None
    logging: bool | None = None


SPEC = register(
    ResourceSpec(
        name="FirewallSettings",
        summary="The firewall switches (on, stateful, logging) of a profile or an edge, not its rules.",
        args=FirewallSettingsArgs,
        outputs=FirewallSettingsOutputs,
        natural_key=("profile_id", "edge_id"),
        replace_on_change=frozenset({"enterprise_id", "profile_id", "edge_id"}),
        server_defaulted=frozenset({"enabled", "stateful", "logging"}),
        fixture={
            "enterprise_id": EXAMPLE_ENTERPRISE_ID,
            "profile_id": EXAMPLE_PROFILE_ID,
            "enabled": True,
            "stateful": True,
        },
        example=(
            "firewall = velocloud.FirewallSettings(\n"
            '    "branch-firewall",\n'
            "    enterprise_id=acme.id,\n"
            "    profile_id=branch.id,\n"
            "    enabled=True,\n"
            "    stateful=True,\n"
            "    logging=False,\n"
            ")"
        ),
        notes=("Deleting it leaves the switches as they are.",),
    )
)


class FirewallSettingsProvider(VcoProvider):
    spec = SPEC

    def _label(self, props: Any) -> str:
        edge = props.get("edge_id")
        owner = f"edge {edge}" if edge else f"profile {props.get('profile_id')}"
        return f"FirewallSettings of {owner}"

    def _write(self, props: dict[str, Any]) -> dict[str, Any]:
        args: FirewallSettingsArgs = self.args(props)
        vco = connect()
        fields = {key: getattr(args, f) for f, key in SWITCHES.items() if getattr(args, f) is not None}
        with vco_errors(self._label(props)):
            target = mw.resolve_target(vco, args.enterprise_id, args.profile_id, args.edge_id, "firewall")
            try:
                doc = mw.submit(
                    vco.client,
                    target,
                    mw.Edit(
                        apply=lambda d: me.set_fields(d, fields),
                        holds=lambda d: all(d.get(k) == v for k, v in fields.items()),
                        label=self._label(props),
                    ),
                )
            except me.DocumentError as exc:
                raise VcoResourceError(str(exc)) from None
        return _outputs(props, target, doc)

    def create(self, props: dict[str, Any]) -> CreateResult:
        owner = f"edge/{props['edge_id']}" if props.get("edge_id") else f"profile/{props.get('profile_id')}"
        return CreateResult(owner, self._write(props))

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        return UpdateResult(self._write(news))

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        vco = connect()
        with vco_errors(self._label(props)):
            try:
                target = mw.target_in_state(vco, props, "firewall")
                doc = mw.read_module(vco.client, target).data
            except NotFound:
                return ReadResult(None, {})
        return ReadResult(id_, _outputs(props, target, doc))

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        """Leaves the switches as they are (see the module docstring)."""


def _outputs(props: dict[str, Any], target: mw.ModuleTarget, doc: me.Document) -> dict[str, Any]:
    return {
        "enterprise_id": props.get("enterprise_id"),
        "enterprise_vco_id": target.enterprise_vco_id,
        "profile_id": props.get("profile_id"),
        "edge_id": props.get("edge_id"),
        **{f: doc.get(key) for f, key in SWITCHES.items()},
    }


class FirewallSettings(VcoResource[FirewallSettingsArgs], provider=FirewallSettingsProvider):
    """The firewall switches of a profile or an edge."""

    enabled: pulumi.Output[bool | None]
    stateful: pulumi.Output[bool | None]
    logging: pulumi.Output[bool | None]
