"""The session against a scripted server: exact retry attempts and waits, never a blind repeat
of a create, the in-flight limit across threads, and asynchronous operations."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator

import pytest
from pydantic import SecretStr

from pulumi_velocloud.client.async_operations import wait_for_operation
from pulumi_velocloud.client.errors import (
    AsyncOperationFailed,
    AsyncOperationTimeout,
    NotFound,
    RateLimited,
    ServerError,
    TransportError,
    VcoError,
)
from pulumi_velocloud.client.session import ApiSession
from pulumi_velocloud.settings import Settings

from .probe import Probe, probe_server


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def probe() -> Iterator[Probe]:
    with probe_server() as p:
        yield p


def session_for(url: str, clock: FakeClock, **settings: object) -> ApiSession:
    s = Settings(url=url, token=SecretStr("t0ken-never-shown"), **settings)  # type: ignore[arg-type]
    return ApiSession(s, sleep=clock.sleep, clock=clock.clock, rand=lambda: 0.5)


def test_503_burst_is_retried_with_exponential_waits(probe: Probe) -> None:
    probe.script = [(503, {}, {"code": "x", "message": "busy"})] * 3
    clock = FakeClock()
    response = session_for(probe.url, clock).call(
        "GET", "/api/sdwan/v2/enterprises/", operation="getEnterprises"
    )
    assert response.status_code == 200
    assert len(probe.requests) == 4
    assert clock.sleeps == pytest.approx([0.5, 1.0, 2.0])


def test_429_waits_the_penalty_or_retry_after(probe: Probe) -> None:
    probe.script = [
        (429, {}, {"message": "slow down"}),
        (429, {"Retry-After": "2"}, {"message": "slow down"}),
    ]
    clock = FakeClock()
    session_for(probe.url, clock).call("POST", "/portal/rest/enterprise/insertEnterprise", operation="insert")
    assert len(probe.requests) == 3  # a 429 was refused before doing anything: safe to repeat a create
    assert clock.sleeps == pytest.approx([5.0, 2.1])


def test_retries_stop_at_the_deadline(probe: Probe) -> None:
    probe.default = (429, {}, {"message": "throttled"})
    clock = FakeClock()
    with pytest.raises(RateLimited):
        session_for(probe.url, clock, retry_deadline=12.0).call("GET", "/x", operation="op")
    assert clock.sleeps == pytest.approx([5.0, 5.0])  # a third 5 s wait would pass the 12 s deadline
    assert len(probe.requests) == 3


def test_attempts_stop_at_max_attempts(probe: Probe) -> None:
    probe.default = (503, {}, {"message": "down"})
    clock = FakeClock()
    with pytest.raises(ServerError):
        session_for(probe.url, clock, max_attempts=3).call("GET", "/x", operation="op")
    assert len(probe.requests) == 3


def test_a_create_that_got_a_503_is_not_repeated_and_is_marked_ambiguous(probe: Probe) -> None:
    probe.script = [(503, {}, {"message": "down"})]
    clock = FakeClock()
    with pytest.raises(ServerError) as info:
        session_for(probe.url, clock).call("POST", "/api/sdwan/v2/enterprises/", operation="createEnterprise")
    assert info.value.ambiguous is True
    assert len(probe.requests) == 1 and clock.sleeps == []


def test_a_create_refused_with_a_500_and_an_api_error_code_is_an_answer_not_ambiguous(probe: Probe) -> None:
    # the real VCO refuses a duplicate object-group name with JSON-RPC -32603 (docs/evidence.md section 5)
    probe.script = [(500, {}, {"error": {"code": -32603, "message": "Name must be Unique"}})]
    clock = FakeClock()
    with pytest.raises(ServerError) as info:
        session_for(probe.url, clock).call(
            "POST", "/portal/rest/enterprise/insertObjectGroup", operation="enterprise/insertObjectGroup"
        )
    assert info.value.ambiguous is False
    assert info.value.code == -32603 and "Name must be Unique" in str(info.value)
    probe.script = [(500, {}, {"message": "upstream failed"})]  # no API error code: may have been done
    with pytest.raises(ServerError) as info:
        session_for(probe.url, clock).call(
            "POST", "/portal/rest/enterprise/insertObjectGroup", operation="enterprise/insertObjectGroup"
        )
    assert info.value.ambiguous is True
    assert len(probe.requests) == 2 and clock.sleeps == []


def test_a_dropped_connection_is_retried_for_reads_but_not_for_creates(probe: Probe) -> None:
    probe.script = ["drop", "drop"]
    clock = FakeClock()
    session = session_for(probe.url, clock)
    assert session.call("GET", "/x", operation="op").status_code == 200
    assert len(probe.requests) == 3
    probe.script = ["drop"]
    with pytest.raises(TransportError) as info:
        session.call("POST", "/api/sdwan/v2/enterprises/", operation="createEnterprise")
    assert info.value.ambiguous is True
    assert len(probe.requests) == 4


def test_connection_refused_is_retried_because_nothing_was_sent() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again when the block ends: connections are refused
    clock = FakeClock()
    with pytest.raises(TransportError) as info:
        session_for(f"http://127.0.0.1:{port}", clock, max_attempts=3).call("POST", "/x", operation="op")
    assert info.value.ambiguous is False
    assert len(clock.sleeps) == 2


def test_threads_sharing_one_session_never_exceed_max_in_flight(probe: Probe) -> None:
    probe.delay = 0.05
    session = session_for(probe.url, FakeClock(), max_in_flight=4)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(5):
                session.call("GET", "/x", operation="op")
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(probe.requests) == 80
    assert probe.max_in_flight == 4  # the limit holds, and the session does use it


def test_async_operation_done_error_and_timeout(probe: Probe) -> None:
    location = "/api/sdwan/v2/asyncOperations/op-1"
    clock = FakeClock()
    session = session_for(probe.url, clock)
    probe.script = [(200, {}, {"status": "ACCEPTED"}), (200, {}, {"status": "DONE", "id": "op-1"})]
    assert (
        wait_for_operation(
            session, location, operation="put", timeout=60, clock=clock.clock, sleep=clock.sleep
        )["status"]
        == "DONE"
    )
    assert clock.sleeps == pytest.approx(
        [0.2, 0.4]
    )  # never asked at once: an accepted operation is rarely done

    asked = len(probe.requests)
    probe.script = [(200, {}, {"status": "DONE", "id": "op-1"})]
    wait_for_operation(session, location, operation="put", timeout=60, clock=clock.clock, sleep=clock.sleep)
    assert len(probe.requests) == asked + 1, "an operation done by the first poll costs one request"

    probe.script = [(200, {}, {"status": "ERROR", "message": "vlanId 5000 is out of range"})]
    with pytest.raises(AsyncOperationFailed, match="vlanId 5000 is out of range"):
        wait_for_operation(
            session, location, operation="put", timeout=60, clock=clock.clock, sleep=clock.sleep
        )

    probe.default = (200, {}, {"status": "ACCEPTED"})
    with pytest.raises(AsyncOperationTimeout) as info:
        wait_for_operation(
            session, location, operation="put", timeout=3, clock=clock.clock, sleep=clock.sleep
        )
    assert info.value.operation_id == "op-1" and info.value.last_status == "ACCEPTED"
    assert "op-1" in str(info.value)


def test_a_read_back_showing_the_change_replaces_the_first_poll(probe: Probe) -> None:
    location = "/api/sdwan/v2/asyncOperations/op-2"
    clock = FakeClock()
    session = session_for(probe.url, clock)
    looks: list[bool] = []

    def confirm(answer: bool) -> Callable[[], bool]:
        def look() -> bool:
            looks.append(answer)
            return answer

        return look

    asked = len(probe.requests)
    done = wait_for_operation(
        session, location, operation="patch", timeout=60, confirm=confirm(True), clock=clock.clock,
        sleep=clock.sleep,
    )  # fmt: skip
    assert done["status"] == "DONE" and len(probe.requests) == asked, "the operation is not polled"
    assert clock.sleeps == pytest.approx([0.2]) and looks == [True]

    # not visible yet (pending, failed or overwritten): polled as usual, an ERROR still fails
    probe.script = [(200, {}, {"status": "ACCEPTED"}), (200, {}, {"status": "ERROR", "message": "bad vlan"})]
    with pytest.raises(AsyncOperationFailed, match="bad vlan"):
        wait_for_operation(
            session, location, operation="patch", timeout=60, confirm=confirm(False), clock=clock.clock,
            sleep=clock.sleep,
        )  # fmt: skip
    assert len(probe.requests) == asked + 2 and looks == [True, False], "one look, then only polls"


def test_a_404_without_an_api_error_body_is_not_read_as_gone(probe: Probe) -> None:
    probe.script = [(404, {"Content-Type": "text/html"}, None)]
    with pytest.raises(VcoError) as info:
        session_for(probe.url, FakeClock()).call(
            "GET", "/api/sdwan/v2/enterprises/x/", operation="getEnterprise"
        )
    assert not isinstance(info.value, NotFound) and "without an API error body" in str(info.value)
    probe.script = [(404, {}, {"code": "RESOURCE_NOT_FOUND", "message": "no such enterprise"})]
    with pytest.raises(NotFound):
        session_for(probe.url, FakeClock()).call(
            "GET", "/api/sdwan/v2/enterprises/x/", operation="getEnterprise"
        )


def test_tls_failures_are_not_retried_and_say_why(probe: Probe) -> None:
    clock = FakeClock()
    https = probe.url.replace("http://", "https://")  # the probe speaks plain HTTP: the handshake fails
    with pytest.raises(TransportError) as info:
        session_for(https, clock).call("GET", "/x", operation="op")
    assert info.value.permanent and clock.sleeps == [] and "SSL" in str(info.value)


def test_the_environments_proxy_is_honoured(probe: Probe, monkeypatch: pytest.MonkeyPatch) -> None:
    """The proxy settings are looked up once per session, not per request, but still used."""
    monkeypatch.setenv("HTTP_PROXY", probe.url)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    session = session_for("http://localhost:9", FakeClock())
    session.call("GET", "/api/sdwan/v2/enterprises/", operation="getEnterprises")
    assert [path for _, path, _ in probe.requests] == ["http://localhost:9/api/sdwan/v2/enterprises/"]
