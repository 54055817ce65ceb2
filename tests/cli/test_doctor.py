"""`velocloud doctor` against the emulator as a real server: each check passes or names what is wrong."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from pulumi_velocloud.cli import main
from tests.emulator.tenants import add_user, enterprise, issue_token
from vco_emulator.process import EmulatorProcess


def doctor(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path, **env: str
) -> tuple[int, dict[str, dict[str, str]]]:
    for var in ("VCO_URL", "VCO_API_TOKEN", "VCO_API_TOKEN_FILE", "VCO_CA_BUNDLE", "VCO_INSECURE"):
        monkeypatch.delenv(var, raising=False)
    for var, value in env.items():
        monkeypatch.setenv(var, value)
    code = main(["doctor", "--cwd", str(tmp_path), "--json"])
    findings = {f["check"]: f for f in json.loads(capsys.readouterr().out)}
    return code, findings


def test_a_working_operator_token_passes_every_check(
    vco: EmulatorProcess, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, findings = doctor(monkeypatch, capsys, tmp_path, VCO_URL=vco.url, VCO_API_TOKEN=vco.token)
    assert code == 0
    assert [f["level"] for f in findings.values()] == ["ok", "ok", "warn", "ok", "ok"]
    assert "plain http" in findings["tls"]["message"]
    assert findings["privileges"]["message"].startswith("operator scope")


def test_a_refused_token_fails_and_is_never_printed(
    vco: EmulatorProcess, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    wrong = "not-a-real-token-0123456789"
    code, findings = doctor(monkeypatch, capsys, tmp_path, VCO_URL=vco.url, VCO_API_TOKEN=wrong)
    assert code == 1
    assert findings["token"]["level"] == "FAIL" and "401" in findings["token"]["message"]
    assert wrong not in json.dumps(findings)


def test_an_enterprise_token_is_told_its_scope(
    vco: EmulatorProcess, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    enterprise_id, _ = enterprise(vco, "Doctor Corp")
    token = issue_token(vco, add_user(vco, enterprise_id, "admin@doctor.example"))
    code, findings = doctor(monkeypatch, capsys, tmp_path, VCO_URL=vco.url, VCO_API_TOKEN=token)
    assert code == 0
    assert findings["privileges"]["level"] == "warn"
    assert "enterprise scope ('Doctor Corp')" in findings["privileges"]["message"]


def test_missing_settings_and_a_closed_port_fail_naming_the_cause(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, findings = doctor(monkeypatch, capsys, tmp_path)
    assert code == 1 and "VCO_URL" in findings["settings"]["message"]
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code, findings = doctor(
        monkeypatch, capsys, tmp_path, VCO_URL=f"http://127.0.0.1:{port}", VCO_API_TOKEN="x"
    )
    assert code == 1
    assert findings["url"]["level"] == "FAIL" and f"127.0.0.1:{port}" in findings["url"]["message"]
    assert "token" not in findings


def test_tls_is_verified_with_the_ca_bundle_and_fails_without(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with EmulatorProcess.start(tmp_path / "tls", tls=True) as vco:
        assert vco.ca_bundle is not None
        code, findings = doctor(monkeypatch, capsys, tmp_path, VCO_URL=vco.url, VCO_API_TOKEN=vco.token)
        assert code == 1
        assert findings["tls"]["level"] == "FAIL" and "not trusted" in findings["tls"]["message"]
        assert "token" not in findings
        code, findings = doctor(
            monkeypatch,
            capsys,
            tmp_path,
            VCO_URL=vco.url,
            VCO_API_TOKEN=vco.token,
            VCO_CA_BUNDLE=str(vco.ca_bundle),
        )
        assert code == 0, findings
        assert findings["tls"]["level"] == "ok" and "CA bundle" in findings["tls"]["message"]


def test_version_and_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("velocloud 0.")
    assert main(["no-such-command"]) == 1
