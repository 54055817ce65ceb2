"""An unexpected exception in an emulator handler is answered in the addressed API's error format
(v2 `InternalServerError` body, v1 error envelope, JSON-RPC error) with an X-Request-ID, not with
aiohttp's plain-text 500. Runs the app over real HTTP on a local port (aiohttp's TestServer)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

import vco_emulator.context
import vco_emulator.v1.rpc
from vco_emulator.app import create_app
from vco_emulator.store import Store


def _crash(*_: Any) -> Any:
    raise RuntimeError("invariant broken")


async def _call(tmp_path: Path, method: str, path: str, body: Any) -> tuple[int, dict[str, str], Any]:
    store = Store(tmp_path / "vco.db")
    async with TestClient(TestServer(create_app(store))) as client:
        response = await client.request(method, path, json=body, headers={"Authorization": "Token x"})
        return response.status, dict(response.headers), await response.json(content_type=None)


@pytest.mark.parametrize(
    ("method", "path", "body", "expected"),
    [
        ("GET", "/api/sdwan/v2/enterprises/", None, {"code": "INTERNAL_SERVER_ERROR"}),
        ("POST", "/portal/rest/enterprise/getEnterprise", {}, {"error": {"code": -32603}}),
        (
            "POST",
            "/portal/",
            {"jsonrpc": "2.0", "method": "enterprise/getEnterprise", "params": {}, "id": 1},
            {"jsonrpc": "2.0", "error": {"code": -32603}},
        ),
    ],
)
def test_an_unexpected_exception_is_a_500_in_the_api_error_format(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    method: str,
    path: str,
    body: Any,
    expected: dict[str, Any],
) -> None:
    monkeypatch.setattr(vco_emulator.context, "authenticate", _crash)
    monkeypatch.setattr(vco_emulator.v1.rpc, "authenticate", _crash)
    status, headers, got = asyncio.run(_call(tmp_path, method, path, body))
    assert status == 500
    assert headers.get("X-Request-ID")
    for key, value in expected.items():
        if isinstance(value, dict):
            assert value.items() <= got[key].items(), got
        else:
            assert got[key] == value, got
    message = got.get("message") or got["error"]["message"]
    assert "RuntimeError" in message and "invariant broken" not in message  # no internals leaked
    assert headers["X-Request-ID"] in message
