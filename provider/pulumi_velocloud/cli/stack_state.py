"""The velocloud resources of a stack's checkpoint (`pulumi stack export`), as plain records.

Only what `drift` needs: each resource's kind (the class name, from its type
`pulumi-python:dynamic/velocloud:<Kind>`), Pulumi name, URN, id and outputs. Secret outputs
stay encrypted as exported; nothing here decrypts or prints them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

TYPE_PREFIX = "pulumi-python:dynamic/velocloud:"


@dataclass(frozen=True)
class StateResource:
    kind: str
    name: str
    urn: str
    id: str | None
    outputs: dict[str, Any]

    def output(self, key: str) -> str | None:
        value = self.outputs.get(key)
        return None if value in (None, "") or isinstance(value, dict) else str(value)


def kind_of(type_token: str) -> str | None:
    """`Edge` for `pulumi-python:dynamic/velocloud:Edge`; None for anything not ours."""
    return type_token[len(TYPE_PREFIX) :] if type_token.startswith(TYPE_PREFIX) else None


def name_of(urn: str) -> str:
    return urn.rsplit("::", 1)[-1]


def velocloud_resources(export: dict[str, Any]) -> list[StateResource]:
    """The velocloud resources of an exported checkpoint (pending deletes left out)."""
    deployment = export.get("deployment") or {}
    out = []
    for res in deployment.get("resources") or []:
        kind = kind_of(str(res.get("type", "")))
        if kind is None or res.get("delete"):
            continue
        urn = str(res.get("urn", ""))
        out.append(
            StateResource(
                kind=kind,
                name=name_of(urn),
                urn=urn,
                id=res.get("id") or None,
                outputs=dict(res.get("outputs") or {}),
            )
        )
    return out
