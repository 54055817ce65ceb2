"""How v1 shows any stored object: the fields every v1 object starts with."""

from __future__ import annotations

from typing import Any

from ..store import Record


def object_header(record: Record) -> dict[str, Any]:
    """`id`, `logicalId`, `name`, `created` and `modified` of a stored object."""
    return {
        "id": record.id,
        "logicalId": record.logical_id,
        "name": record.name,
        "created": record.created,
        "modified": record.modified,
    }
