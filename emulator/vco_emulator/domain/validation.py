"""Parse request payloads into pydantic models, turning pydantic errors into `InvalidRequest`."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from .errors import FieldError, InvalidRequest

M = TypeVar("M", bound=BaseModel)


class StrictModel(BaseModel):
    """Base of every request model of both APIs: unknown fields and loose types are refused, as the
    API does. Fields named after a Python keyword or a leading underscore (`with`, `_update`) take
    an alias and may be filled by either name."""

    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=True)


def parse(model: type[M], payload: Any, *, what: str, at: str = "") -> M:
    """Validate `payload` against `model`; `what` names the request in the error message, `at`
    (e.g. `_update.data`) is where `payload` sits in the request and prefixes the error paths."""
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
