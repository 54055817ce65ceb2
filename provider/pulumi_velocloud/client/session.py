"""The one authenticated HTTP session to an Orchestrator: headers, timeouts, retries, errors.

Thread-safe: the dynamic-provider process calls it from several threads at once. A
semaphore caps the requests in flight across all threads (`Settings.max_in_flight`), and the
connection pool has that many connections. Debug logs show method, path, status, duration
and the server's request id, never the token.

Retries are decided by the pure functions of `retry.py`: idempotent requests are retried on
429, 502/503/504 and connection failures; a non-idempotent one that may have been carried out
is marked `ambiguous` and never repeated here (`idempotency.create_once` recovers it by its
natural key). Pagination (`v1.py`, `v2.py`) and asynchronous operations (`async_operations.py`)
build on `call`. Not done here: parsing answers into models (the v1/v2 modules do).

Origin rule: a path given to `call` (an async operation's `Location`, a page link) may be an
absolute URL only on the configured Orchestrator's origin (scheme, host, port); anything else
raises `ForeignOrigin` before a request is made, so the `Authorization` header never leaves
for another host. Redirects are not left to `requests`: a 3xx is followed (at most
`MAX_REDIRECTS` times) only to the same origin, else it is the same error.

Clock: every answer's `Date` header tightens the bounds on the Orchestrator's clock skew
(`clock_skew()`), which `idempotency.create_once` needs to tell our creates from older objects.
"""

from __future__ import annotations

import logging
import os
import random
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter

from ..settings import Settings
from ..version import __version__
from . import errors
from .idempotency import SkewBounds, skew_from_date, tighten
from .retry import RetryPolicy, backoff, is_ambiguous, parse_retry_after, should_retry, within_deadline

log = logging.getLogger("pulumi_velocloud.client")

REQUEST_ID_HEADERS = ("X-Request-ID", "X-Request-Id", "x-request-id")
_IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
MAX_REDIRECTS = 5


def resolve_url(base_url: str, path: str) -> str:
    """`path` (relative, or absolute on `base_url`'s origin) as an absolute URL.

    Raises `errors.ForeignOrigin` for an absolute or scheme-relative URL to another origin.
    """
    target = urlsplit(path)
    if not target.scheme and not target.netloc:
        return urljoin(base_url + "/", path.lstrip("/"))
    base = urlsplit(base_url)
    if (target.scheme or base.scheme).lower() != base.scheme.lower() or _netloc(target) != _netloc(base):
        raise errors.ForeignOrigin(
            f"the Orchestrator pointed to {target.scheme or base.scheme}://{target.hostname or ''}"
            f"{'' if target.port is None else f':{target.port}'}, which is not its own origin "
            f"{base.scheme}://{_netloc(base)}; not followed, and the API token was not sent there",
            url=_strip_query(path),
        )
    return path if target.scheme else f"{base.scheme}:{path}"


def _netloc(parts: Any) -> str:
    """host[:port] with the scheme's default port made explicit, lower case, without credentials."""
    default = {"http": 80, "https": 443}.get((parts.scheme or "https").lower())
    return f"{(parts.hostname or '').lower()}:{parts.port or default}"


def _strip_query(url: str) -> str:
    return url.split("?", 1)[0]


class ApiSession:
    """Sends requests to one Orchestrator and turns answers into data or typed errors."""

    def __init__(
        self,
        settings: Settings,
        *,
        policy: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        rand: Callable[[], float] = random.random,
        wall: Callable[[], float] = time.time,
    ) -> None:
        self.base_url = settings.url
        self._settings = settings
        self._policy = policy or RetryPolicy(
            max_attempts=settings.max_attempts, deadline=settings.retry_deadline
        )
        self._sleep, self._clock, self._rand, self._wall = sleep, clock, rand, wall
        self._skew: SkewBounds | None = None
        self._skew_lock = threading.Lock()
        self._in_flight = threading.BoundedSemaphore(settings.max_in_flight)
        self._http = requests.Session()
        adapter = HTTPAdapter(pool_connections=1, pool_maxsize=settings.max_in_flight, max_retries=0)
        self._http.mount("https://", adapter)
        self._http.mount("http://", adapter)
        # What requests would look up in the environment on every request — the proxy for this
        # Orchestrator (HTTPS_PROXY, NO_PROXY, ...) and a CA bundle (REQUESTS_CA_BUNDLE,
        # CURL_CA_BUNDLE) — is looked up once here: about a fifth of the client's CPU per request.
        self._http.trust_env = False
        self._http.proxies = requests.utils.get_environ_proxies(self.base_url)
        env_bundle = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE")
        self._http.verify = env_bundle if settings.verify is True and env_bundle else settings.verify
        self._http.headers.update(
            {
                "Authorization": f"Token {settings.token.get_secret_value()}",
                "Accept": "application/json",
                "User-Agent": f"pulumi-velocloud/{__version__} python-requests/{requests.__version__}",
            }
        )

    def __repr__(self) -> str:
        return f"ApiSession(url={self.base_url!r})"

    @property
    def async_timeout(self) -> float:
        """How long to wait for an asynchronous operation (`Settings.async_timeout`)."""
        return self._settings.async_timeout

    def close(self) -> None:
        self._http.close()

    def wall_time(self) -> float:
        """The local wall clock (epoch seconds)."""
        return self._wall()

    def clock_skew(self) -> SkewBounds | None:
        """The narrowest bounds on (Orchestrator clock - local clock) seen in `Date` headers."""
        with self._skew_lock:
            return self._skew

    def _note_date(self, date_header: str | None, sent: float, received: float) -> None:
        bounds = skew_from_date(date_header, sent=sent, received=received)
        with self._skew_lock:
            self._skew = tighten(self._skew, bounds)

    def call(
        self,
        method: str,
        path: str,
        *,
        operation: str,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
        idempotent: bool | None = None,
    ) -> requests.Response:
        """Send one request (retrying where safe) and return the successful response."""
        method = method.upper()
        if idempotent is None:
            idempotent = method in _IDEMPOTENT_METHODS
        url = resolve_url(self.base_url, path)
        started = self._clock()
        attempt = 0
        redirects = 0
        while True:
            attempt += 1
            response, failure, sent = self._send_once(method, url, operation, json, params)
            if response is not None and 300 <= response.status_code < 400 and "Location" in response.headers:
                redirects += 1
                if redirects > MAX_REDIRECTS:
                    raise errors.VcoError(
                        f"more than {MAX_REDIRECTS} redirects", operation=operation, method=method, url=url
                    )
                url = resolve_url(self.base_url, urljoin(url, response.headers["Location"]))
                attempt -= 1
                continue
            if response is not None and response.status_code < 400:
                return response
            if failure is not None and failure.permanent:
                raise failure
            status = None if response is None else response.status_code
            error = failure if failure is not None else self._error_for(response, operation, method, url)
            retry_after = (
                None
                if response is None
                else parse_retry_after(response.headers.get("Retry-After"), now=time.time())
            )
            if is_ambiguous(
                status=status, request_sent=sent, idempotent=idempotent, api_error_code=error.code is not None
            ):
                error.ambiguous = True  # the Orchestrator may have carried it out
            if not should_retry(
                status=status,
                transport_error=response is None,
                request_sent=sent,
                idempotent=idempotent,
                attempt=attempt,
                policy=self._policy,
            ):
                raise error
            wait = backoff(
                status=status,
                attempt=attempt,
                retry_after=retry_after,
                policy=self._policy,
                rand=self._rand(),
            )
            if not within_deadline(started=started, now=self._clock(), wait=wait, policy=self._policy):
                raise error
            log.info("%s %s: %s; retry %d in %.1fs", method, _path(url), error.message, attempt, wait)
            self._sleep(wait)

    def _send_once(
        self, method: str, url: str, operation: str, json: Any, params: Mapping[str, Any] | None
    ) -> tuple[requests.Response | None, errors.TransportError | None, bool]:
        """One HTTP exchange: (response, None, True) or (None, transport error, request_sent)."""
        timeout = (self._settings.connect_timeout, self._settings.read_timeout)
        t0 = time.perf_counter()
        with self._in_flight:
            sent_at = self._wall()
            try:
                # verify per request: requests lets REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE override a session's
                response = self._http.request(
                    method,
                    url,
                    json=json,
                    params=params,
                    timeout=timeout,
                    verify=self._settings.verify,
                    allow_redirects=False,
                )
            except requests.RequestException as exc:
                sent = _request_was_sent(exc)
                kind = type(exc).__name__
                log.debug(
                    "%s %s -> %s after %.0f ms", method, _path(url), kind, (time.perf_counter() - t0) * 1e3
                )
                failure = errors.TransportError(
                    f"{kind}: could not get an answer from the Orchestrator ({_reason(exc)})",
                    operation=operation,
                    method=method,
                    url=url,
                )
                # a certificate, header or URL problem will not go away by trying again
                failure.permanent = isinstance(exc, _PERMANENT_TRANSPORT_ERRORS)
                return (
                    None,
                    failure,
                    sent,
                )
            self._note_date(response.headers.get("Date"), sent_at, self._wall())
        log.debug(
            "%s %s -> %d in %.0f ms (request id %s)",
            method,
            _path(url),
            response.status_code,
            (time.perf_counter() - t0) * 1e3,
            _request_id(response),
        )
        return response, None, True

    @staticmethod
    def _error_for(
        response: requests.Response | None, operation: str, method: str, url: str
    ) -> errors.VcoError:
        assert response is not None
        return error_from_response(response, operation=operation, method=method, url=url)


_PERMANENT_TRANSPORT_ERRORS = (
    requests.exceptions.SSLError,
    requests.exceptions.InvalidHeader,
    requests.exceptions.InvalidURL,
    requests.exceptions.MissingSchema,
)


def _reason(exc: requests.RequestException) -> str:
    """The underlying cause, short (it holds the URL at most, never the headers or the token)."""
    reason = str(exc.args[0] if exc.args else exc)
    return reason if len(reason) <= 300 else reason[:297] + "..."


def _request_was_sent(exc: requests.RequestException) -> bool:
    """False only when the connection itself failed, so the server cannot have seen the request."""
    if isinstance(exc, requests.ConnectTimeout):
        return False
    if isinstance(exc, requests.ConnectionError):
        reason = exc.args[0] if exc.args else None
        inner = getattr(reason, "reason", reason)
        return not isinstance(inner, urllib3.exceptions.NewConnectionError)
    return True


def _path(url: str) -> str:
    return url.split("://", 1)[-1].split("/", 1)[-1] if "://" in url else url


def _request_id(response: requests.Response) -> str | None:
    for header in REQUEST_ID_HEADERS:
        if header in response.headers:
            return response.headers[header]
    return None


_STATUS_ERRORS: dict[int, type[errors.VcoError]] = {
    400: errors.InvalidRequest,
    401: errors.Unauthorized,
    403: errors.Forbidden,
    404: errors.NotFound,
    415: errors.UnsupportedMediaType,
    422: errors.InvalidRequest,
    429: errors.RateLimited,
}
# v1 error codes that say more than the HTTP status (see the emulator's v1/rpc.py).
_V1_CODE_ERRORS: dict[int, type[errors.VcoError]] = {
    -32001: errors.Unauthorized,
    -32003: errors.Forbidden,
    -32004: errors.NotFound,
}


def error_from_response(
    response: requests.Response, *, operation: str, method: str, url: str
) -> errors.VcoError:
    """Map an error response (v2 or v1 body) to the typed error for its status and code."""
    status = response.status_code
    try:
        body = response.json()
    except ValueError:
        body = None
    message = f"HTTP {status} {response.reason or ''}".strip()
    field_errors: list[errors.FieldError] = []
    code: Any = None
    cls: type[errors.VcoError] = _STATUS_ERRORS.get(
        status, errors.ServerError if status >= 500 else errors.VcoError
    )
    if isinstance(body, dict) and isinstance(body.get("error"), dict):  # v1 envelope
        err = body["error"]
        code = err.get("code")
        message = str(err.get("message") or message)
        data = err.get("data")
        if isinstance(data, dict) and isinstance(data.get("error"), list):
            field_errors = [
                errors.FieldError(str(e.get("path", "")), str(e.get("message", "")))
                for e in data["error"]
                if isinstance(e, dict)
            ]
        if isinstance(code, int) and code in _V1_CODE_ERRORS:
            cls = _V1_CODE_ERRORS[code]
    elif status == 404 and not (isinstance(body, dict) and ("code" in body or "message" in body)):
        # not an API "not found": a proxy or a server without this API answered; never read as "gone"
        cls = errors.VcoError
        message = f"HTTP 404 without an API error body: is {url} served by an Orchestrator's API?"
    elif isinstance(body, dict):  # v2 error schema
        code = body.get("code")
        message = str(body.get("message") or message)
        if isinstance(body.get("errors"), list):
            field_errors = [
                errors.FieldError(str(e.get("path", "")), str(e.get("message", "")))
                for e in body["errors"]
                if isinstance(e, dict)
            ]
    return cls(
        message,
        operation=operation,
        method=method,
        url=url,
        status=status,
        request_id=_request_id(response),
        field_errors=field_errors,
        code=code,
    )
