"""Domain errors: what went wrong, independent of how v1 or v2 report it.

Each API layer maps these to its own status codes (`v2/http.py`, `v1/rpc.py`); the error bodies
are built in `apierror.py`. The domain never builds HTTP responses.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldError:
    """One invalid input field: a JSON path into the request and why it is invalid."""

    path: str
    message: str


class DomainError(Exception):
    """Base class; `message` is safe to show to the API client."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Unauthenticated(DomainError):
    """No credentials, or credentials the Orchestrator does not know."""


class Forbidden(DomainError):
    """Known credentials without the privilege the operation needs."""


class NotFound(DomainError):
    """The addressed object does not exist (or is not visible to the caller)."""


class InvalidRequest(DomainError):
    """The request does not match the operation's schema (types, required, unknown fields)."""

    def __init__(self, message: str, errors: list[FieldError] | None = None) -> None:
        super().__init__(message)
        self.errors = errors or []


class DataConflict(DomainError):
    """Well-formed input the current data refuses: a duplicate name, an object still in use."""
