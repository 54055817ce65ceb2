"""Shared fixtures: the emulator as a real server (one per session, reset per test) and a client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pulumi_velocloud.client import VcoClient
from pulumi_velocloud.settings import Settings
from vco_emulator.process import EmulatorProcess

# Every emulator response the emulator/provider tests receive is checked against the vendor specs.
pytest_plugins = ("tests.fidelity.plugin",)


@pytest.fixture(scope="session")
def emulator_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmulatorProcess]:
    # strict: our own client must never send a v1 param the spec does not declare
    with EmulatorProcess.start(tmp_path_factory.mktemp("emulator"), strict_params=True) as server:
        yield server


@pytest.fixture
def vco(emulator_server: EmulatorProcess) -> EmulatorProcess:
    """The emulator server, reset to its seed (and its stats cleared) for this test."""
    emulator_server.admin("POST", "reset")
    return emulator_server


@pytest.fixture
def settings(vco: EmulatorProcess) -> Settings:
    from pydantic import SecretStr

    return Settings(url=vco.url, token=SecretStr(vco.token))


@pytest.fixture
def client(settings: Settings) -> Iterator[VcoClient]:
    c = VcoClient(settings)
    yield c
    c.session.close()


@pytest.fixture
def repo() -> Path:
    return Path(__file__).resolve().parent.parent
