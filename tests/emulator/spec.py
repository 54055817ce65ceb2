"""A small validator of responses against the vendor's v2 OpenAPI schemas (types, required,
enums, nullable, additionalProperties: false), enough to catch shape mistakes in tests."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

SPEC = Path("/work/shared/vco-api/v2-2022-12-15/_swagger.json")
_TYPES = {
    "object": dict,
    "array": list,
    "string": str,
    "boolean": bool,
    "integer": int,
    "number": (int, float),
}


@cache
def _spec() -> dict[str, Any]:
    return json.loads(SPEC.read_text())


def response_schema(path: str, method: str = "get", status: str = "200") -> dict[str, Any]:
    op = _spec()["paths"][path][method]
    schema: dict[str, Any] = op["responses"][status]["content"]["application/json"]["schema"]
    return schema


def errors(value: Any, schema: dict[str, Any], where: str = "$") -> list[str]:
    """Every way `value` breaks `schema` (empty when it conforms)."""
    if "$ref" in schema:
        schema = _spec()["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    if value is None:
        return [] if schema.get("nullable") or not schema else [f"{where}: null not allowed"]
    for key in ("anyOf", "oneOf"):
        if key in schema:
            options = [errors(value, s, where) for s in schema[key]]
            return [] if any(not o for o in options) else [f"{where}: matches none of {key}"]
    if "allOf" in schema:
        return [e for s in schema["allOf"] for e in errors(value, s, where)]
    kind = schema.get("type") or ("object" if "properties" in schema else None)
    if kind is not None:
        expected = _TYPES[kind]
        if not isinstance(value, expected) or (kind in ("integer", "number") and isinstance(value, bool)):
            return [f"{where}: expected {kind}, got {type(value).__name__}"]
    found: list[str] = []
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{where}: {value!r} not in enum")
    if kind == "object":
        props = schema.get("properties", {})
        for name in schema.get("required", []):
            if name not in value:
                found.append(f"{where}: missing required {name}")
        for name, item in value.items():
            if name in props:
                found += errors(item, props[name], f"{where}.{name}")
            elif schema.get("additionalProperties") is False:
                found.append(f"{where}: unexpected property {name}")
    if kind == "array":
        for i, item in enumerate(value):
            found += errors(item, schema.get("items", {}), f"{where}[{i}]")
    return found
