"""The client verifies the Orchestrator with the configured CA bundle even when REQUESTS_CA_BUNDLE is set."""

from __future__ import annotations

from pathlib import Path

import certifi
import pytest
from pydantic import SecretStr

from pulumi_velocloud.client import VcoClient
from pulumi_velocloud.client.errors import TransportError
from pulumi_velocloud.settings import Settings
from vco_emulator.process import EmulatorProcess


def test_configured_ca_bundle_wins_over_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # requests would otherwise take these (a public CA store here) instead of the session's bundle
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", certifi.where())
    monkeypatch.setenv("CURL_CA_BUNDLE", certifi.where())
    with EmulatorProcess.start(tmp_path, tls=True) as vco:
        assert vco.ca_bundle is not None
        trusted = VcoClient(Settings(url=vco.url, token=SecretStr(vco.token), verify=str(vco.ca_bundle)))
        assert [e.name for e in trusted.v2.get_enterprises()] == []
        untrusted = VcoClient(Settings(url=vco.url, token=SecretStr(vco.token), max_attempts=1))
        with pytest.raises(TransportError, match="CERTIFICATE_VERIFY_FAILED"):
            list(untrusted.v2.get_enterprises())
