"""Named fixtures for `POST /__emulator/seed`: small sets of objects created through the domain.

- `demo`: two enterprises, "Demo Retail" and "Demo Logistics", each with its Quick Start
  Profile and Global Segment (as any new enterprise gets), created by the operator user.

Fixtures add to the current state (they do not reset it); seeding one whose enterprises
already exist is refused as a duplicate name and changes nothing. Edges are not seeded yet.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .domain import enterprises
from .domain.auth import principal_of
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


FIXTURES: dict[str, Fixture] = {"demo": _demo}
