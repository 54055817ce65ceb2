"""Named fixtures for `POST /__emulator/seed`: small sets of objects created through the domain.

- `demo`: two enterprises, "Demo Retail" and "Demo Logistics", each with its Quick Start
  Profile and Global Segment (as any new enterprise gets), created by the operator user.
- `fleet-100`, `fleet-3000`: one enterprise, "Fleet Corp", with 100 or 3000 edges
  (`fleet-NNNNN`, model edge6X0) in its Quick Start Profile, for paging tests and benchmarks.
- `software-images`: two more operator profiles (software images), "Edge 5.2.0 image" and
  "Edge 4.5.2 image", beside the seed's default, for software-image assignment tests.

Fixtures add to the current state (they do not reset it); seeding one whose enterprises
already exist is refused as a duplicate name and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .domain import edges as edge_domain
from .domain import enterprises, kinds
from .domain.auth import principal_of
from .domain.errors import DataConflict
from .domain.seed import operator_user, seed_logical_id
from .store import Record, Tx

Fixture = Callable[[Tx], list[Record]]


def _demo(tx: Tx) -> list[Record]:
    operator = principal_of(tx, operator_user(tx))
    created = []
    for name, city in (("Demo Retail", "Lisbon"), ("Demo Logistics", "Rotterdam")):
        payload: dict[str, Any] = {
            "name": name,
            "gatewayPool": seed_logical_id("gateway-pool"),
            "operatorProfiles": [seed_logical_id("operator-profile")],
            "city": city,
        }
        created.append(enterprises.create_enterprise(tx, operator, payload))
    return created


def _fleet(edges: int) -> Fixture:
    """One enterprise, "Fleet Corp", with `edges` edges in its Quick Start Profile."""

    def build(tx: Tx) -> list[Record]:
        operator = principal_of(tx, operator_user(tx))
        payload = {
            "name": "Fleet Corp",
            "gatewayPool": seed_logical_id("gateway-pool"),
            "operatorProfiles": [seed_logical_id("operator-profile")],
        }
        enterprise = enterprises.create_enterprise(tx, operator, payload)
        [profile] = [p for p in tx.find(kinds.PROFILE, enterprise_id=enterprise.id)]
        created = [enterprise]
        for i in range(edges):
            params = {
                "enterpriseId": enterprise.id,
                "configurationId": profile.id,
                "name": f"fleet-{i:05d}",
                "modelNumber": "edge6X0",
                "serialNumber": f"FLEET{i:08d}",
            }
            created.append(edge_domain.provision_edge(tx, operator, params))
        return created

    return build


SOFTWARE_IMAGES = ("Edge 5.2.0 image", "Edge 4.5.2 image")


def _software_images(tx: Tx) -> list[Record]:
    """Operator profiles an operator would publish for new software releases."""
    [network] = tx.find(kinds.NETWORK)
    created = []
    for name in SOFTWARE_IMAGES:
        if tx.find(kinds.OPERATOR_PROFILE, name=name):
            raise DataConflict(f"operator profile {name!r} already exists")
        data = {
            "networkId": network.id,
            "description": f"{name} published by the emulator",
            "configurationType": "SEGMENT_BASED",
            "version": "1",
            "schemaVersion": "5.1.0",
            "bastionState": "UNCONFIGURED",
        }
        created.append(tx.insert(kinds.OPERATOR_PROFILE, name, data, logical_id=seed_logical_id(name)))
    return created


FIXTURES: dict[str, Fixture] = {
    "demo": _demo,
    "fleet-100": _fleet(100),
    "fleet-3000": _fleet(3000),
    "software-images": _software_images,
}
