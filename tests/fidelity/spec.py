"""The vendor specs as JSON-Schema validators of the emulator's responses.

`V2Spec` (OpenAPI 3.0, 2022-12-15) matches a request's method and path to its operationId and
validates the response body against the schema the spec gives for that status (`response_schema`
and `errors` do the same for one schema a test names). `V1Spec` (Swagger
2, 5.1.0 with the OpenNMS corrections ported from 5.0.0) does the same for a v1 method name: the
200 result schema, or the `error` envelope for error statuses. Both apply `corrections.py`.

Conversion to JSON Schema (draft 4, what both spec formats build on): `nullable` (v2) and
`x-nullable` (v1) add null to the type; Swagger 2 `discriminator` dispatches to the definition
named by the discriminator value; `$ref`s resolve through a `referencing` registry holding the
whole converted document. Formats checked: `date-time` (ISO 8601 / RFC 3339, `T` or space).
"""

from __future__ import annotations

import copy
import functools
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jsonschema import Draft4Validator, FormatChecker
from jsonschema.exceptions import ValidationError
from referencing import Registry
from referencing.jsonschema import DRAFT4

from . import corrections
from .corrections import CORRECTIONS, Correction

V2_FILE = "v2-2022-12-15/_swagger.json"
V1_FILE = "v1-5.1.0/_swagger.json"
V1_PATCH_ORIG = "v1-5.0.0/swagger-5.0.0-dist.json.orig"
V1_PATCH = "v1-5.0.0/swagger-5.0.0-dist.json"
V2_PREFIX = "/api/sdwan/v2"
V1_REST_PREFIX = "/portal/rest/"
_HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")


def repo_root() -> Path:
    return Path(__file__).resolve().parent.parent.parent


def spec_dir(repo: Path | None = None) -> Path | None:
    """`<repo>/../shared/vco-api` (CI and the main checkout); for a git worktree, the same path
    beside its main checkout; `$VCO_API_SPECS` overrides. None when absent."""
    if os.environ.get("VCO_API_SPECS"):
        return Path(os.environ["VCO_API_SPECS"])
    repo = repo or repo_root()
    candidates = [repo.parent / "shared" / "vco-api"]
    git = repo / ".git"
    if git.is_file():  # a worktree: "gitdir: <main>/.git/worktrees/<name>"
        gitdir = Path(git.read_text().split(":", 1)[1].strip())
        candidates.append(gitdir.parent.parent.parent.parent / "shared" / "vco-api")
    return next((c for c in candidates if (c / V2_FILE).is_file()), None)


@functools.cache
def _load(name: str) -> Any:
    directory = spec_dir()
    if directory is None:
        raise FileNotFoundError("vendor specs not found beside the repository (shared/vco-api)")
    with (directory / name).open(encoding="utf-8") as f:
        return json.load(f)


# ---------------------------------------------------------------- corrections


def _pointer_parts(pointer: str) -> list[str]:
    return [p.replace("~1", "/").replace("~0", "~") for p in pointer.split("/")[1:]]


def resolve_pointer(doc: Any, pointer: str) -> Any:
    node = doc
    for part in _pointer_parts(pointer):
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def _set_pointer(doc: Any, pointer: str, value: Any) -> None:
    *parents, last = _pointer_parts(pointer)
    node = doc
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node[part]
    if isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value


def _delete_pointer(doc: Any, pointer: str) -> None:
    *parents, last = _pointer_parts(pointer)
    node = doc
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node[part]
    del node[last]


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def json_diff(old: Any, new: Any, pointer: str = "") -> Iterator[tuple[str, str, Any, Any]]:
    """(op, pointer, old, new) for every leaf change from `old` to `new`: add, remove, replace."""
    if isinstance(old, dict) and isinstance(new, dict):
        for key in old.keys() | new.keys():
            child = f"{pointer}/{_escape(key)}"
            if key not in new:
                yield "remove", child, old[key], None
            elif key not in old:
                yield "add", child, None, new[key]
            else:
                yield from json_diff(old[key], new[key], child)
    elif old != new:
        yield "replace", pointer, old, new


_MISSING = object()


def _get(doc: Any, pointer: str) -> Any:
    try:
        return resolve_pointer(doc, pointer)
    except (KeyError, IndexError, ValueError, TypeError):
        return _MISSING


def port_opennms_patch(spec: dict[str, Any], orig: dict[str, Any], patched: dict[str, Any]) -> list[str]:
    """Apply the 5.0.0 OpenNMS patch to `spec` where it still applies; return what was applied."""
    applied: list[str] = []
    for op, pointer, old, new in sorted(json_diff(orig, patched), key=lambda d: d[1]):
        top = _pointer_parts(pointer)[0]
        if top not in ("paths", "definitions"):
            continue  # securityDefinitions/consumes: transport, not response shapes
        current = _get(spec, pointer)
        if op == "add":
            parent = _get(spec, pointer.rsplit("/", 1)[0])
            if current is _MISSING and isinstance(parent, dict):
                _set_pointer(spec, pointer, copy.deepcopy(new))
                applied.append(f"add {pointer}")
        elif current is not _MISSING and current == old:
            if op == "remove":
                _delete_pointer(spec, pointer)
            else:
                _set_pointer(spec, pointer, copy.deepcopy(new))
            applied.append(f"{op} {pointer}")
    return applied


def apply_correction(spec: dict[str, Any], correction: Correction) -> None:
    """Apply one of `CORRECTIONS`; KeyError when its target is not in the spec (ValueError when an
    "add" target already is, or an "optional" field is not required there)."""
    if correction.kind == "add":
        parent = resolve_pointer(spec, correction.pointer.rsplit("/", 1)[0])
        key = _pointer_parts(correction.pointer)[-1]
        if not isinstance(parent, dict) or key in parent:
            raise ValueError(f"{correction.pointer}: already in the spec, nothing to add")
        parent[key] = copy.deepcopy(correction.value)
        return
    node = resolve_pointer(spec, correction.pointer)
    if correction.kind == "set":
        _set_pointer(spec, correction.pointer, copy.deepcopy(correction.value))
        return
    if correction.kind == "optional":
        missing = [f for f in correction.fields if f not in node.get("required", [])]
        if missing:
            raise ValueError(f"{correction.pointer}: {missing} not required there")
        node["required"] = [f for f in node["required"] if f not in correction.fields]
        return
    flag = "nullable" if correction.api == "v2" else "x-nullable"
    targets = [node["properties"][f] for f in correction.fields] if correction.fields else [node]
    for target in targets:
        target[flag] = True


# ---------------------------------------------------------------- conversion to JSON Schema


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        schema["type"] = [*types, "null"] if "null" not in types else types
        if "enum" in schema and None not in schema["enum"]:
            schema["enum"] = [*schema["enum"], None]
        return schema
    if not schema:  # `{nullable: true}` alone: anything
        return schema
    return {"anyOf": [schema, {"type": "null"}]}


_DROPPED = {"nullable", "x-nullable", "discriminator", "example", "xml", "externalDocs", "x-alternate-name"}
_LITERAL = {"enum", "default", "required", "const"}
_NAME_MAPS = {"properties", "patternProperties", "definitions"}


def to_json_schema(node: Any) -> Any:
    """Convert an OpenAPI 3.0 / Swagger 2 schema (and everything under it) to draft-4 JSON Schema."""
    if isinstance(node, list):
        return [to_json_schema(n) for n in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in _DROPPED:
            continue
        if key in _LITERAL:
            out[key] = value
        elif key in _NAME_MAPS and isinstance(value, dict):
            out[key] = {name: to_json_schema(schema) for name, schema in value.items()}
        else:
            out[key] = to_json_schema(value)
    if node.get("nullable") is True or node.get("x-nullable") is True:
        out = _nullable(out)
    return out


def _discriminator_dispatch(spec: dict[str, Any], converted: dict[str, Any]) -> None:
    """Swagger 2 `discriminator`: a value of the property names the definition to validate with.

    The base definition `X` becomes `{allOf: [X__base], anyOf-of-if/then per subtype}`; subtypes'
    `allOf` references to `X` are pointed at `X__base` so validation cannot loop.
    """
    defs = spec.get("definitions", {})
    for name, schema in list(defs.items()):
        prop = schema.get("discriminator") if isinstance(schema, dict) else None
        if not isinstance(prop, str):
            continue
        ref = f"#/definitions/{name}"
        base_ref = f"#/definitions/{name}__base"
        subtypes = [
            sub
            for sub, s in defs.items()
            if isinstance(s, dict) and any(p.get("$ref") == ref for p in s.get("allOf", []))
        ]
        converted["definitions"][f"{name}__base"] = converted["definitions"][name]
        converted["definitions"][name] = {}  # filled below, after subtypes are re-pointed
        rules = []
        for sub in subtypes:
            for part in converted["definitions"][sub].get("allOf", []):
                if part.get("$ref") == ref:
                    part["$ref"] = base_ref
            rules.append(
                {
                    "anyOf": [
                        {"not": {"required": [prop], "properties": {prop: {"enum": [sub]}}}},
                        {"$ref": f"#/definitions/{sub}"},
                    ]
                }
            )
        converted["definitions"][name] = {"allOf": [{"$ref": base_ref}, *rules]}


# ---------------------------------------------------------------- validators


@dataclass(frozen=True)
class Problem:
    """One way a response differs from the spec."""

    api: str
    operation: str
    status: int
    json_path: str
    message: str

    def __str__(self) -> str:
        return f"{self.api} {self.operation} -> {self.status}: at {self.json_path}: {self.message}"


def _format_checker() -> FormatChecker:
    checker = FormatChecker(formats=())

    @checker.checks("date-time", raises=ValueError)
    def date_time(value: object) -> bool:
        if not isinstance(value, str):
            return True
        datetime.fromisoformat(value)
        return True

    return checker


_FORMATS = _format_checker()


class _Validators:
    """Validators for `$ref`s into one converted spec document, built on demand."""

    def __init__(self, uri: str, document: dict[str, Any]) -> None:
        self.uri = uri
        self.registry: Registry[Any] = Registry().with_resource(uri, DRAFT4.create_resource(document))
        self._cache: dict[str, Draft4Validator] = {}

    def validator(self, schema: dict[str, Any]) -> Draft4Validator:
        key = json.dumps(schema, sort_keys=True)
        if key not in self._cache:
            rebased = _rebase_refs(to_json_schema(schema), self.uri)
            self._cache[key] = Draft4Validator(rebased, registry=self.registry, format_checker=_FORMATS)
        return self._cache[key]

    def problems(
        self, api: str, operation: str, status: int, schema: dict[str, Any], body: Any
    ) -> list[Problem]:
        errors = sorted(self.validator(schema).iter_errors(body), key=lambda e: list(e.absolute_path))
        return [Problem(api, operation, status, e.json_path, _message(e)) for e in errors]


def _message(error: ValidationError) -> str:
    best = error
    if error.context:  # anyOf: show the deepest reason, skipping the "not this subtype" branches
        reasons = [e for e in error.context if e.validator != "not"] or list(error.context)
        best = max(reasons, key=lambda e: len(e.absolute_path))
        return f"{error.message[:200]} ({best.json_path}: {best.message[:200]})"
    return best.message[:300]


def _rebase_refs(schema: Any, uri: str) -> Any:
    if isinstance(schema, dict):
        return {
            k: (uri + v if k == "$ref" and isinstance(v, str) and v.startswith("#") else _rebase_refs(v, uri))
            for k, v in schema.items()
        }
    if isinstance(schema, list):
        return [_rebase_refs(v, uri) for v in schema]
    return schema


def _path_regex(template: str) -> re.Pattern[str]:
    parts = [p for p in template.strip("/").split("/")]
    regex = "/".join("[^/]+" if p.startswith("{") else re.escape(p) for p in parts)
    return re.compile(f"^/{regex}/?$")


class V2Spec:
    """The v2 spec: (method, path) -> operationId, and the response schema of each status."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.raw = spec
        self.operations: dict[str, tuple[str, str, dict[str, Any]]] = {}
        self._routes: list[tuple[str, re.Pattern[str], int, str]] = []
        for template, item in spec["paths"].items():
            for method, op in item.items():
                if method in _HTTP_METHODS:
                    self.operations[op["operationId"]] = (method.upper(), template, op)
                    literal = sum(1 for p in template.split("/") if p and not p.startswith("{"))
                    self._routes.append((method.upper(), _path_regex(template), literal, op["operationId"]))
        self._routes.sort(key=lambda r: -r[2])  # prefer literal segments over parameters
        schemas = {n: to_json_schema(s) for n, s in spec["components"]["schemas"].items()}
        document = {"components": {"schemas": schemas}}
        self.validators = _Validators("urn:vco-api:v2", document)

    def match(self, method: str, path: str) -> str | None:
        for m, regex, _, operation_id in self._routes:
            if m == method.upper() and regex.match(path):
                return operation_id
        return None

    def response_schema(self, operation_id: str, status: int) -> dict[str, Any] | None:
        """The schema of the documented JSON body, {} for a documented status without a body,
        None when the status is undocumented (and not one of the corrections' extra statuses)."""
        responses = self.operations[operation_id][2]["responses"]
        response = responses.get(str(status)) or responses.get(f"{str(status)[0]}XX")
        if response is None:
            if status in corrections.V2_EXTRA_ERROR_STATUSES:
                return {"$ref": "#/components/schemas/UnAuthorized"}
            return responses.get("default", {}).get("content", {}).get("application/json", {}).get("schema")
        return response.get("content", {}).get("application/json", {}).get("schema", {})

    def check(self, method: str, url: str, status: int, body: Any, has_body: bool) -> list[Problem]:
        path = urlsplit(url).path
        operation = self.match(method, path)
        if operation is None:
            return []
        schema = self.response_schema(operation, status)
        if schema is None:
            return [Problem("v2", operation, status, "$", f"status {status} is not documented")]
        if not schema:
            return (
                []
                if not has_body
                else [Problem("v2", operation, status, "$", "body where none is documented")]
            )
        if body is _NO_JSON:
            return [Problem("v2", operation, status, "$", "response body is not JSON")]
        return self.validators.problems("v2", operation, status, schema, body)


class V1Spec:
    """The v1 spec: method name (`group/method`) -> result schema, and the `error` envelope."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.raw = spec
        self.methods: dict[str, dict[str, Any]] = {
            template.strip("/"): item["post"] for template, item in spec["paths"].items() if "post" in item
        }
        converted = {"definitions": {n: to_json_schema(d) for n, d in spec["definitions"].items()}}
        _discriminator_dispatch(spec, converted)
        self.validators = _Validators("urn:vco-api:v1", converted)

    def result_schema(self, name: str, status: int) -> dict[str, Any] | None:
        """The 200 result schema ({} when the spec gives none), the `error` envelope for a documented
        or accepted error status, {} for another documented status without schema (a 302), else None."""
        response = self.methods[name]["responses"].get(str(status))
        if status != 200 and response is not None and "schema" not in response and "$ref" not in response:
            return {}
        if status == 200:
            return self.methods[name]["responses"]["200"].get("schema", {})
        documented = str(status) in self.methods[name]["responses"]
        if documented or status in corrections.V1_EXTRA_ERROR_STATUSES:
            return {"$ref": "#/definitions/error"}
        return None

    def check(self, method_name: str, status: int, body: Any, jsonrpc: bool) -> list[Problem]:
        if method_name not in self.methods:
            return []
        schema = self.result_schema(method_name, status)
        if schema is None:
            return [Problem("v1", method_name, status, "$", f"status {status} is not documented")]
        if not schema and body is _NO_JSON:
            return []  # documented without a schema (login/logout: 302 redirects, HTML pages)
        if body is _NO_JSON:
            return [Problem("v1", method_name, status, "$", "response body is not JSON")]
        if jsonrpc and isinstance(body, dict) and status == 200:
            body = body.get("result")
        return self.validators.problems("v1", method_name, status, schema, body)


_NO_JSON = object()


@functools.cache
def v2_spec() -> V2Spec:
    spec = copy.deepcopy(_load(V2_FILE))
    for correction in CORRECTIONS:
        if correction.api == "v2":
            apply_correction(spec, correction)
    return V2Spec(spec)


def response_schema(path: str, method: str = "get", status: str = "200") -> dict[str, Any]:
    """The v2 spec's (corrected) JSON response schema of `method path` for `status`; `path` is the
    spec's template (`/api/sdwan/v2/enterprises/{enterpriseLogicalId}/...`)."""
    schema: dict[str, Any] = v2_spec().raw["paths"][path][method]["responses"][status]["content"][
        "application/json"
    ]["schema"]
    return schema


def errors(value: Any, schema: dict[str, Any]) -> list[str]:
    """Every way `value` breaks a schema of the v2 spec (empty when it conforms)."""
    return [f"{p.json_path}: {p.message}" for p in v2_spec().validators.problems("v2", "", 0, schema, value)]


@functools.cache
def v1_patched() -> tuple[dict[str, Any], tuple[str, ...]]:
    """The 5.1.0 spec with the OpenNMS patch ported and our corrections; and the patch steps applied."""
    spec = copy.deepcopy(_load(V1_FILE))
    applied = port_opennms_patch(spec, _load(V1_PATCH_ORIG), _load(V1_PATCH))
    for correction in CORRECTIONS:
        if correction.api == "v1":
            apply_correction(spec, correction)
    return spec, tuple(applied)


@functools.cache
def v1_spec() -> V1Spec:
    return V1Spec(v1_patched()[0])


def _properties(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """The properties of a (v1, raw) schema, through `$ref`s, `allOf` and array items."""
    while "$ref" in schema:
        schema = spec["definitions"][schema["$ref"].rsplit("/", 1)[-1]]
    if schema.get("type") == "array":
        return _properties(spec, schema.get("items", {}))
    found: dict[str, Any] = {}
    for part in schema.get("allOf", []):
        found.update(_properties(spec, part))
    found.update(schema.get("properties", {}))
    return found


def v1_with_options() -> dict[str, tuple[str, ...]]:
    """Every v1 method whose params take a `with` list, and the values the spec lists for it."""
    spec = v1_patched()[0]
    found = {}
    for path, item in spec["paths"].items():
        for param in item.get("post", {}).get("parameters", []):
            if param.get("in") != "body":
                continue
            option = _properties(spec, param["schema"]).get("with", {})
            values = option.get("items", {}).get("enum") or option.get("enum")
            if values:
                found[path.strip("/")] = tuple(values)
    return found


def v1_result_fields(method: str) -> set[str]:
    """The property names of a v1 method's 200 result (of its items, for an array)."""
    spec = v1_patched()[0]
    return set(_properties(spec, spec["paths"]["/" + method]["post"]["responses"]["200"].get("schema", {})))


@dataclass(frozen=True)
class Exchange:
    """One request/response pair seen on the wire."""

    method: str
    url: str
    request_body: bytes
    status: int
    headers: dict[str, str]
    body: bytes
    test: str = ""

    def json(self) -> Any:
        try:
            return json.loads(self.body) if self.body else _NO_JSON
        except ValueError:
            return _NO_JSON

    def v1_method(self) -> tuple[str, bool] | None:
        """(`group/method`, is JSON-RPC) for a v1 call, else None."""
        path = urlsplit(self.url).path
        if path.startswith(V1_REST_PREFIX):
            return path[len(V1_REST_PREFIX) :].strip("/"), False
        if path.rstrip("/") == "/portal":
            try:
                name = json.loads(self.request_body or b"null").get("method")
            except (ValueError, AttributeError):
                return None
            return (name, True) if isinstance(name, str) else None
        return None

    def operation(self) -> tuple[str, str] | None:
        """("v2", operationId) or ("v1", method name) of the spec operation this call hit."""
        path = urlsplit(self.url).path
        if path.startswith(V2_PREFIX + "/"):
            op = v2_spec().match(self.method, path) or _match_not_in_spec(self.method, path)
            return ("v2", op) if op else None
        v1 = self.v1_method()
        known = v1 is not None and (v1[0] in v1_spec().methods or v1[0] in corrections.V1_NOT_IN_SPEC)
        return ("v1", v1[0]) if v1 and known else None


def _match_not_in_spec(method: str, path: str) -> str | None:
    """The operation of `corrections.V2_NOT_IN_SPEC` a v2 request hit, if any."""
    for operation, (m, template, _) in corrections.V2_NOT_IN_SPEC.items():
        if m == method.upper() and _path_regex(template).match(path):
            return operation
    return None


def check_exchange(exchange: Exchange) -> list[Problem]:
    """Every way this response differs from the spec of the operation it called."""
    path = urlsplit(exchange.url).path
    if path.startswith(V2_PREFIX + "/"):
        problems = v2_spec().check(
            exchange.method, exchange.url, exchange.status, exchange.json(), bool(exchange.body)
        )
        if "x-request-id" not in {k.lower() for k in exchange.headers}:
            op = v2_spec().match(exchange.method, path) or path
            problems.append(Problem("v2", op, exchange.status, "(headers)", "no X-Request-ID header"))
        return problems
    v1 = exchange.v1_method()
    if v1 is not None:
        return v1_spec().check(v1[0], exchange.status, exchange.json(), v1[1])
    return []
