"""Connection settings: stack config over environment, URL rules, and a token that never shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from pulumi_velocloud.settings import SettingsError, resolve_settings

TOKEN = "tok-SECRET-123"


def test_stack_config_wins_over_environment() -> None:
    s = resolve_settings(
        {"velocloud:url": "https://vco.example.net", "velocloud:token": TOKEN},
        {"VCO_URL": "https://other.example.net", "VCO_API_TOKEN": "other"},
    )
    assert s.url == "https://vco.example.net"
    assert s.token.get_secret_value() == TOKEN


def test_environment_is_the_fallback() -> None:
    s = resolve_settings({}, {"VCO_URL": "https://vco.example.net/", "VCO_API_TOKEN": TOKEN})
    assert s.url == "https://vco.example.net"


def test_token_file(tmp_path: Path) -> None:
    f = tmp_path / "token"
    f.write_text(TOKEN + "\n")
    s = resolve_settings({"velocloud:url": "http://127.0.0.1:8080", "velocloud:tokenFile": str(f)}, {})
    assert s.token.get_secret_value() == TOKEN


def test_missing_token_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match=r"cannot read the API token file .*missing"):
        resolve_settings(
            {"velocloud:url": "http://127.0.0.1:1", "velocloud:tokenFile": str(tmp_path / "missing")}, {}
        )


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("vco.example.net", "must look like https://"),
        ("https://vco.example.net/portal/", "must not have a path"),
        ("http://vco.example.net", "plain http to a remote host"),
    ],
)
def test_bad_urls_are_explained(url: str, problem: str) -> None:
    with pytest.raises(SettingsError, match=problem):
        resolve_settings({"velocloud:url": url, "velocloud:token": TOKEN}, {})


def test_missing_url_and_token_say_how_to_set_them() -> None:
    with pytest.raises(SettingsError, match="velocloud:url"):
        resolve_settings({}, {})
    with pytest.raises(SettingsError, match="VCO_API_TOKEN"):
        resolve_settings({"velocloud:url": "https://vco.example.net"}, {})


def test_insecure_and_ca_bundle() -> None:
    base = {"velocloud:url": "https://vco.example.net", "velocloud:token": TOKEN}
    assert resolve_settings({**base, "velocloud:caBundle": "/etc/ca.pem"}, {}).verify == "/etc/ca.pem"
    assert resolve_settings(base, {"VCO_INSECURE": "true"}).verify is False


def test_token_never_in_repr_or_str() -> None:
    s = resolve_settings({"velocloud:url": "https://vco.example.net", "velocloud:token": TOKEN}, {})
    assert TOKEN not in repr(s)
    assert TOKEN not in str(s)
    assert TOKEN not in str(s.model_dump())


def test_tunables_from_config_and_environment() -> None:
    base = {"velocloud:url": "https://vco.example.net", "velocloud:token": TOKEN}
    s = resolve_settings(
        {**base, "velocloud:maxInFlight": "2"}, {"VCO_READ_TIMEOUT": "5", "VCO_MAX_ATTEMPTS": "3"}
    )
    assert (s.max_in_flight, s.read_timeout, s.max_attempts, s.connect_timeout) == (2, 5.0, 3, 10.0)


def test_invalid_tunable_names_the_key_and_value() -> None:
    base = {"velocloud:url": "https://vco.example.net", "velocloud:token": TOKEN}
    with pytest.raises(SettingsError, match=r"velocloud:maxInFlight / VCO_MAX_IN_FLIGHT = '0' is invalid"):
        resolve_settings({**base, "velocloud:maxInFlight": "0"}, {})
    with pytest.raises(SettingsError, match=r"velocloud:readTimeout / VCO_READ_TIMEOUT = 'soon' is invalid"):
        resolve_settings({**base, "velocloud:readTimeout": "soon"}, {})
