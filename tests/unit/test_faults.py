"""Fault rules: matching, rate, count, and seeded reproducibility (no server)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from vco_emulator.faults import FaultInjector, FaultPlan


def plan(**kw: object) -> FaultPlan:
    return FaultPlan.model_validate(kw)


def fired(injector: FaultInjector, n: int, path: str = "/api/sdwan/v2/enterprises/") -> list[bool]:
    return [injector.choose(path, "GET", None) is not None for _ in range(n)]


def test_same_seed_same_faults_other_seed_other_faults() -> None:
    rules = [{"fault": "500", "rate": 0.5}]
    a, b, c = FaultInjector(), FaultInjector(), FaultInjector()
    a.set_plan(plan(seed=42, rules=rules))
    b.set_plan(plan(seed=42, rules=rules))
    c.set_plan(plan(seed=7, rules=rules))
    first, second, other = fired(a, 200), fired(b, 200), fired(c, 200)
    assert first == second
    assert first != other
    assert 60 < sum(first) < 140


def test_count_limits_to_the_first_matching_requests() -> None:
    injector = FaultInjector()
    injector.set_plan(plan(rules=[{"fault": "503", "count": 2}]))
    assert fired(injector, 4) == [True, True, False, False]


def test_route_matches_path_or_v1_method_and_method_filters() -> None:
    injector = FaultInjector()
    injector.set_plan(plan(rules=[{"fault": "429", "route": "getEnterprise$", "method": "post"}]))
    assert injector.choose("/portal/", "POST", "enterprise/getEnterprise") is not None
    assert injector.choose("/portal/", "POST", "enterprise/getEnterprises") is None
    assert injector.choose("/portal/rest/enterprise/getEnterprise", "GET", None) is None


def test_invalid_rules_are_refused() -> None:
    for bad in ({"fault": "418"}, {"fault": "500", "rate": 2}, {"fault": "500", "route": "("}):
        with pytest.raises(ValidationError):
            plan(rules=[bad])
