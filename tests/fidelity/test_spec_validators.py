"""The spec validators themselves: conversion, corrections, routing; no emulator needed."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from . import corrections
from .spec import (
    V1_FILE,
    V1_PATCH,
    V1_PATCH_ORIG,
    V2_FILE,
    Exchange,
    _load,
    check_exchange,
    port_opennms_patch,
    resolve_pointer,
    spec_dir,
    v1_patched,
    v1_spec,
    v2_spec,
)

pytestmark = pytest.mark.skipif(
    spec_dir() is None, reason="vendor specs not found (expected at ../shared/vco-api beside the repository)"
)

ENTERPRISE = {"$ref": "#/components/schemas/EnterpriseResource"}


def v2_problems(schema: dict[str, Any], body: Any) -> list[str]:
    return [
        f"{p.json_path}: {p.message}" for p in v2_spec().validators.problems("v2", "t", 200, schema, body)
    ]


def v1_problems(schema: dict[str, Any], body: Any) -> list[str]:
    return [
        f"{p.json_path}: {p.message}" for p in v1_spec().validators.problems("v1", "t", 200, schema, body)
    ]


def test_v2_nullable_fields_accept_null_and_others_do_not() -> None:
    assert v2_problems(ENTERPRISE, {"name": "ACME", "domain": None, "created": None}) == []
    assert v2_problems(ENTERPRISE, {"name": None}) == ["$.name: None is not of type 'string'"]


def test_v2_enums_extra_properties_and_date_times_are_checked() -> None:
    problems = v2_problems(
        ENTERPRISE, {"endpointPkiMode": "SOMETIMES", "surprise": 1, "modified": "last tuesday"}
    )
    assert any(p.startswith("$.endpointPkiMode:") for p in problems)
    assert any("'surprise' was unexpected" in p for p in problems)
    assert any(p.startswith("$.modified:") and "date-time" in p for p in problems)


def test_v1_discriminator_dispatches_to_the_named_module_schema() -> None:
    module = {"$ref": "#/definitions/configuration_module"}
    assert v1_problems(module, {"name": "properties"}) == []  # no subtype of that name
    assert any("'data' is a required property" in p for p in v1_problems(module, {"name": "firewall"}))


def test_v1_corrections_make_unset_enterprise_columns_nullable() -> None:
    schema = {"$ref": "#/definitions/enterprise"}
    assert v1_problems(schema, {"domain": None, "lat": None, "description": None}) == []
    assert v1_problems(schema, {"name": None}) == ["$.name: None is not of type 'string'"]


def test_each_correction_targets_the_spec_and_changes_it() -> None:
    v1 = copy.deepcopy(_load(V1_FILE))
    port_opennms_patch(v1, _load(V1_PATCH_ORIG), _load(V1_PATCH))  # v1 corrections apply after the port
    raw = {"v1": v1, "v2": _load(V2_FILE)}
    for c in corrections.CORRECTIONS:
        assert c.reason
        if c.kind == "add":
            parent = resolve_pointer(raw[c.api], c.pointer.rsplit("/", 1)[0])  # KeyError: the spec moved
            assert c.pointer.rsplit("/", 1)[1] not in parent, f"{c.pointer}: the spec has it now"
            continue
        node = resolve_pointer(raw[c.api], c.pointer)  # KeyError: the spec moved; fix the entry
        if c.kind == "set":
            assert node != c.value, f"{c.pointer}: the spec says this already"
        for name in c.fields:
            if c.kind == "optional":
                assert name in node["required"], f"{c.pointer}: {name} is not required"
                continue
            prop = node["properties"][name]
            assert not prop.get("nullable") and not prop.get("x-nullable"), (
                f"{c.pointer}/{name}: already nullable"
            )


def test_v1_corrections_keep_validating_what_they_relax() -> None:
    users = {"$ref": "#/definitions/enterprise_get_enterprise_users_result_item"}
    assert any("'username' is a required property" in p for p in v1_problems(users, {"id": 1}))
    groups = {"$ref": "#/definitions/object_group_data"}
    assert v1_problems(groups, [{"ip": "10.0.0.1", "rule_type": "exact"}]) == []
    assert v1_problems(groups, {"ip": "10.0.0.1"}) != []
    assert v1_problems(groups, [{"proto": 6, "port_low": 80, "port_high": 81}]) == []


def test_documented_responses_without_a_schema_need_no_json_body() -> None:
    login = b'{"username": "u", "password": "p"}'
    redirect = Exchange("POST", "http://h/portal/rest/login/enterpriseLogin", login, 302, {}, b"")
    assert check_exchange(redirect) == []
    html = Exchange("POST", "http://h/portal/rest/login/enterpriseLogin", login, 200, {}, b"<html></html>")
    assert check_exchange(html) == []


def test_opennms_patch_is_ported_onto_5_1_0() -> None:
    spec, applied = v1_patched()
    assert "add /paths/~1enterprise~1getEnterpriseEdgeList" in applied
    assert spec["definitions"]["id_map_one_to_many"]["additionalProperties"]["type"] == "array"
    assert "enterprise/getEnterpriseEdgeList" in v1_spec().methods


def _refs(node: Any) -> set[str]:
    if isinstance(node, dict):
        return (
            {node["$ref"]} if isinstance(node.get("$ref"), str) else set().union(*map(_refs, node.values()))
        )
    if isinstance(node, list):
        return set().union(*map(_refs, node)) if node else set()
    return set()


def test_every_ref_of_both_specs_resolves() -> None:
    """Every `$ref` in the converted specs resolves, so any operation added later can be validated."""
    for spec in (v2_spec(), v1_spec()):
        validators = spec.validators
        document = validators.registry.contents(validators.uri)
        resolver = validators.registry.resolver(base_uri=validators.uri)
        responses = [op.get("responses", {}) for item in spec.raw["paths"].values() for op in item.values()]
        refs = {r for r in _refs(document) | _refs(responses) if not r.startswith("#/responses/")}
        assert len(refs) > 100
        for ref in sorted(refs):
            resolver.lookup(ref)  # raises Unresolvable


@pytest.mark.parametrize(
    ("method", "path", "operation"),
    [
        ("GET", "/api/sdwan/v2/enterprises", "getEnterprises"),
        ("GET", "/api/sdwan/v2/enterprises/", "getEnterprises"),
        ("DELETE", "/api/sdwan/v2/enterprises/e1/", "deleteEnterprise"),
        ("GET", "/api/sdwan/v2/enterprises/e1/edges/x/linkStats/timeSeries", "getEdgeLinkSeries"),
        ("PUT", "/api/sdwan/v2/enterprises/", None),
    ],
)
def test_v2_requests_are_matched_to_their_operation(method: str, path: str, operation: str | None) -> None:
    assert v2_spec().match(method, path) == operation


def test_a_response_without_request_id_or_with_an_undocumented_status_is_reported() -> None:
    url = "http://127.0.0.1:1/api/sdwan/v2/enterprises/e1/"
    silent = Exchange("GET", url, b"", 200, {}, b'{"name": "x"}')
    assert [p.json_path for p in check_exchange(silent)] == ["(headers)"]
    teapot = Exchange("GET", url, b"", 418, {"X-Request-ID": "r"}, b"{}")
    assert [p.message for p in check_exchange(teapot)] == ["status 418 is not documented"]


def test_v1_jsonrpc_results_are_validated_like_rest_results() -> None:
    call = b'{"jsonrpc": "2.0", "method": "enterprise/updateEnterprise", "params": {}, "id": 1}'
    good = Exchange(
        "POST", "http://h/portal/", call, 200, {}, b'{"jsonrpc": "2.0", "result": {"rows": 1}, "id": 1}'
    )
    bad = Exchange("POST", "http://h/portal/", call, 200, {}, b'{"jsonrpc": "2.0", "result": {}, "id": 1}')
    assert check_exchange(good) == []
    assert [p.message for p in check_exchange(bad)] == ["'rows' is a required property"]
