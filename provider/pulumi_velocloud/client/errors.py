"""Typed errors of the VCO client, mapped once from HTTP status and body, never from text.

Every error carries the operation, HTTP method, path, status and the server's message,
so a resource can say e.g. `Enterprise "acme": VCO rejected name "": ...`. None of them
ever holds the API token.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class FieldError:
    """One field the server rejected: its path in the request and the reason."""

    path: str
    message: str


class VcoError(Exception):
    """Base class of every error the client raises."""

    def __init__(
        self,
        message: str,
        *,
        operation: str = "",
        method: str = "",
        url: str = "",
        status: int | None = None,
        request_id: str | None = None,
        field_errors: list[FieldError] | None = None,
        code: Any = None,
        ambiguous: bool = False,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.operation = operation
        self.method = method
        self.url = url
        self.status = status
        self.request_id = request_id
        self.field_errors = field_errors or []
        self.code = code
        # True when a non-idempotent request failed after it may have been carried out.
        self.ambiguous = ambiguous

    def __str__(self) -> str:
        where = (
            f"{self.operation} ({self.method} {self.url})" if self.operation else f"{self.method} {self.url}"
        )
        status = f" -> HTTP {self.status}" if self.status is not None else ""
        fields = "".join(f"\n  - {e.path}: {e.message}" for e in self.field_errors)
        rid = f" [request id {self.request_id}]" if self.request_id else ""
        return f"{where}{status}: {self.message}{fields}{rid}"


class TransportError(VcoError):
    """No usable HTTP response: connection refused or reset, timeout, TLS failure.

    `permanent` is True for failures that retrying cannot fix (certificate, header, URL).
    """

    permanent: bool = False


class ForeignOrigin(VcoError):
    """The Orchestrator pointed to a URL on another origin (a `Location`, a page link, a
    redirect): never followed, so the token is never sent there."""


class Unauthorized(VcoError):
    """401: the token is missing, wrong, expired or revoked."""


class Forbidden(VcoError):
    """The token is valid but lacks the privilege for this operation."""


class NotFound(VcoError):
    """404, or a v1 error/`rows: 0` that means the object does not exist."""


class InvalidRequest(VcoError):
    """400/422: the server rejected the request's content; see `field_errors`."""


class UnsupportedMediaType(VcoError):
    """415: the body was not sent as application/json (a client bug)."""


class RateLimited(VcoError):
    """429: too many requests; retried by the session until its deadline."""


class ServerError(VcoError):
    """5xx: the Orchestrator failed."""


class AsyncOperationFailed(VcoError):
    """An asynchronous operation ended in `ERROR`; `message` is the Orchestrator's reason."""


class AsyncOperationTimeout(VcoError):
    """An asynchronous operation was still pending when the wait ran out."""

    def __init__(self, message: str, *, operation_id: str, last_status: str, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.operation_id = operation_id
        self.last_status = last_status
