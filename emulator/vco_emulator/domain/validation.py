"""Parse request payloads into pydantic models, turning pydantic errors into `InvalidRequest`.

v1 params are lenient by default, as the real Orchestrator is (third-party clients send params
the spec does not declare and real VCOs answer them, docs/evidence.md section 7): while
`lenient_params(params)` is active, parsing exactly that params object drops the top-level keys
its model does not know and reports them to the scope instead of refusing them. Nested
documents (`_update`, `data`, ...) stay strict. `serve --strict-params` turns this off.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from .errors import FieldError, InvalidRequest

M = TypeVar("M", bound=BaseModel)


class StrictModel(BaseModel):
    """Base of every request model of both APIs: unknown fields and loose types are refused, as the
    API does. Fields named after a Python keyword or a leading underscore (`with`, `_update`) take
    an alias and may be filled by either name."""

    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=True)


@dataclass
class LenientScope:
    """The params object of one v1 call and the unknown top-level keys ignored in it."""

    params: Any
    ignored: list[str] = field(default_factory=list)


_LENIENT: ContextVar[LenientScope | None] = ContextVar("lenient_params", default=None)


@contextmanager
def lenient_params(params: Any) -> Iterator[LenientScope]:
    """Within the block, `parse(Model, params)` ignores (and records) keys `Model` does not know."""
    scope = LenientScope(params)
    token = _LENIENT.set(scope)
    try:
        yield scope
    finally:
        _LENIENT.reset(token)


def _known_keys(model: type[BaseModel]) -> set[str]:
    keys = set(model.model_fields)
    keys.update(f.alias for f in model.model_fields.values() if f.alias)
    return keys


def _without_unknown(model: type[BaseModel], payload: Any) -> Any:
    scope = _LENIENT.get()
    if scope is None or payload is not scope.params or not isinstance(payload, dict):
        return payload
    known = _known_keys(model)
    unknown = [k for k in payload if k not in known]
    if not unknown:
        return payload
    scope.ignored.extend(k for k in unknown if k not in scope.ignored)
    return {k: v for k, v in payload.items() if k in known}


def parse(model: type[M], payload: Any, *, what: str, at: str = "") -> M:
    """Validate `payload` against `model`; `what` names the request in the error message, `at`
    (e.g. `_update.data`) is where `payload` sits in the request and prefixes the error paths."""
    payload = _without_unknown(model, payload)
    try:
        return model.model_validate(payload)
    except ValidationError as exc:
        errors = [
            FieldError(
                path=".".join([*([at] if at else []), *(str(p) for p in err["loc"])]) or "body",
                message=err["msg"],
            )
            for err in exc.errors()
        ]
        summary = "; ".join(f"{e.path}: {e.message}" for e in errors)
        raise InvalidRequest(f"invalid {what}: {summary}", errors) from None
