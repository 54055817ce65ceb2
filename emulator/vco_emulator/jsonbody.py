"""Strict JSON for request bodies: RFC 8259 only (no NaN/Infinity), finite numbers, bounded depth.

Python's `json` accepts `NaN`, `Infinity` and `1e400` (infinite) and recurses without limit;
the real API answers such bodies 400, and so do we, instead of failing later with a 500.
"""

from __future__ import annotations

import json
import math
from typing import Any


class BadJson(ValueError):
    """The body is not JSON this API accepts; the message says why."""


def _no_constants(name: str) -> Any:
    raise BadJson(f"{name} is not valid JSON")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise BadJson(f"number {text} is out of range")
    return value


def parse_json(raw: bytes) -> Any:
    """Decode a UTF-8 JSON body strictly; raises `BadJson`."""
    try:
        return json.loads(raw.decode("utf-8"), parse_constant=_no_constants, parse_float=_finite)
    except BadJson:
        raise
    except RecursionError:
        raise BadJson("the JSON document is nested too deeply") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadJson(str(exc)) from None
