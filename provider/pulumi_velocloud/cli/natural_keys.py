"""Find an object on the Orchestrator by its natural key, with its ids and `created` time.

Used by `velocloud recover`: given a resource type and its inputs, `find(client, kind, inputs)`
returns the object that holds the resource's natural key (the enterprise name, a profile,
edge, segment or group name in its enterprise, a username), or None. The answer carries
what `read` needs besides the inputs (`vco_id`, `enterprise_vco_id`) and the Orchestrator's
`created` time, from which the caller decides whether the object is provably ours.

Not covered: rules and device settings (they live inside documents and have no `created`
time of their own), so a killed run's rule or settings create cannot be recovered this way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ..client import VcoClient
from ..ids import VcoId


@dataclass(frozen=True)
class Existing:
    """An object found by natural key: its Pulumi id, numeric ids and creation time."""

    pulumi_id: str
    vco_id: VcoId
    enterprise_vco_id: VcoId | None
    created: str | None


def _enterprise_numeric(client: VcoClient, logical_id: str) -> VcoId | None:
    return next((e.id for e in client.v1.get_network_enterprises() if e.logical_id == logical_id), None)


def _enterprise(client: VcoClient, inputs: Mapping[str, Any]) -> Existing | None:
    found = client.v2.find_enterprise(str(inputs["name"]))
    if found is None:
        return None
    vco_id = _enterprise_numeric(client, found.logical_id)
    return None if vco_id is None else Existing(found.logical_id, vco_id, None, found.created)


def _in_enterprise(
    lookup: Callable[[VcoClient, VcoId, Mapping[str, Any]], tuple[str, VcoId, str | None] | None],
) -> Callable[[VcoClient, Mapping[str, Any]], Existing | None]:
    def find(client: VcoClient, inputs: Mapping[str, Any]) -> Existing | None:
        enterprise = _enterprise_numeric(client, str(inputs["enterprise_id"]))
        if enterprise is None:
            return None
        hit = lookup(client, enterprise, inputs)
        return None if hit is None else Existing(hit[0], hit[1], enterprise, hit[2])

    return find


def _profile(
    client: VcoClient, enterprise: VcoId, inputs: Mapping[str, Any]
) -> tuple[str, VcoId, str | None] | None:
    matches = [p for p in client.v1.get_enterprise_configurations(enterprise) if p.name == inputs["name"]]
    newest = max(matches, key=lambda p: p.created or "", default=None)
    return None if newest is None or not newest.logical_id else (newest.logical_id, newest.id, newest.created)


def _edge(
    client: VcoClient, enterprise: VcoId, inputs: Mapping[str, Any]
) -> tuple[str, VcoId, str | None] | None:
    ref = next((e for e in client.v1.get_enterprise_edges(enterprise) if e.name == inputs["name"]), None)
    if ref is None:
        return None
    edge = client.v1.get_edge(enterprise, ref.id)
    return edge.logical_id, edge.id, edge.created


def _segment(
    client: VcoClient, enterprise: VcoId, inputs: Mapping[str, Any]
) -> tuple[str, VcoId, str | None] | None:
    name = str(inputs["name"]).casefold()
    hit = next(
        (s for s in client.v1.get_enterprise_network_segments(enterprise) if s.name.casefold() == name), None
    )
    return None if hit is None or not hit.logical_id else (hit.logical_id, hit.id, hit.created)


def _group(
    group_type: str,
) -> Callable[[VcoClient, VcoId, Mapping[str, Any]], tuple[str, VcoId, str | None] | None]:
    def lookup(
        client: VcoClient, enterprise: VcoId, inputs: Mapping[str, Any]
    ) -> tuple[str, VcoId, str | None] | None:
        name = str(inputs["name"]).casefold()
        groups = client.v1.get_object_groups(enterprise, type=group_type)
        hit = next((g for g in groups if g.name.casefold() == name), None)
        return None if hit is None or not hit.logical_id else (hit.logical_id, hit.id, hit.created)

    return lookup


def _user(
    client: VcoClient, enterprise: VcoId, inputs: Mapping[str, Any]
) -> tuple[str, VcoId, str | None] | None:
    name = str(inputs["username"]).casefold()
    hit = next((u for u in client.v1.get_enterprise_users(enterprise) if u.username.casefold() == name), None)
    return None if hit is None else (str(hit.id), hit.id, hit.created)


FINDERS: dict[str, Callable[[VcoClient, Mapping[str, Any]], Existing | None]] = {
    "Enterprise": _enterprise,
    "Profile": _in_enterprise(_profile),
    "Edge": _in_enterprise(_edge),
    "NetworkSegment": _in_enterprise(_segment),
    "AddressGroup": _in_enterprise(_group("address_group")),
    "PortGroup": _in_enterprise(_group("port_group")),
    "EnterpriseUser": _in_enterprise(_user),
}


def find(client: VcoClient, kind: str, inputs: Mapping[str, Any]) -> Existing | None:
    """The object holding the natural key of a `kind` resource with these inputs, or None.

    Raises KeyError for a kind without a natural key of its own (see the module docstring).
    """
    return FINDERS[kind](client, inputs)
