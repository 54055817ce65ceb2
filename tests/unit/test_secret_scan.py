"""secret_scan: secret-looking keys are found wherever they nest, and split off and put back."""

from __future__ import annotations

import pytest

from pulumi_velocloud.secret_scan import (
    REDACTED,
    is_secret_key,
    merge_secrets,
    redact,
    secret_paths,
    split_secrets,
)

RAW = {
    "bgp": {
        "enabled": True,
        "neighbors": [
            {"neighborIp": "192.0.2.1", "md5Password": "bgp-md5-1"},
            {"neighborIp": "192.0.2.2", "md5Enabled": False},
        ],
    },
    "tacacs": {"servers": [{"host": "198.51.100.9", "sharedSecret": "tacacs-s3cret"}]},
    "snmp": {"snmpv2c": {"enabled": True, "community": "public-c0mm"}},
    "vpn": {"psk": "ipsec-psk", "authKeys": {"primary": "k1", "backup": "k2"}},
    "apiToken": "tok-123",
    "wifi": {"passphrase": "wpa-pass", "ssid": "guest"},
    "description": "no secret here",
}
SECRETS = ("bgp-md5-1", "tacacs-s3cret", "public-c0mm", "ipsec-psk", "k1", "k2", "tok-123", "wpa-pass")


@pytest.mark.parametrize(
    "key",
    ["password", "md5Password", "sharedSecret", "community", "psk", "preSharedKey", "passphrase", "apiToken",
     "authKey", "md5", "PASSWORD", "snmpCredential"],
)  # fmt: skip
def test_secret_keys(key: str) -> None:
    assert is_secret_key(key)


@pytest.mark.parametrize("key", ["name", "neighborIp", "enabled", "ssid", "description", "vlanId", 3])
def test_ordinary_keys(key: object) -> None:
    assert not is_secret_key(key)


def test_paths_of_every_nested_secret() -> None:
    assert secret_paths(RAW) == [
        ("bgp", "neighbors", 0, "md5Password"),
        ("bgp", "neighbors", 1, "md5Enabled"),  # a flag, hidden all the same: the safe side
        ("tacacs", "servers", 0, "sharedSecret"),
        ("snmp", "snmpv2c", "community"),
        ("vpn", "psk"),
        ("vpn", "authKeys"),
        ("apiToken",),
        ("wifi", "passphrase"),
    ]


def test_split_leaves_no_secret_in_the_public_part_and_merge_restores_it() -> None:
    public, secrets = split_secrets(RAW)
    assert not any(s in repr(public) for s in SECRETS)
    assert public["bgp"]["neighbors"][0] == {"neighborIp": "192.0.2.1", "md5Password": REDACTED}
    assert public["wifi"]["ssid"] == "guest" and public["description"] == "no secret here"
    assert secrets["bgp.neighbors.0.md5Password"] == "bgp-md5-1"
    assert secrets["vpn.authKeys"] == {"primary": "k1", "backup": "k2"}
    assert merge_secrets(public, secrets) == RAW
    assert redact(RAW) == public


def test_merge_drops_a_secret_whose_place_is_gone() -> None:
    public, secrets = split_secrets({"a": [{"psk": "x"}]})
    assert merge_secrets({"a": []}, secrets) == {"a": []}
    assert merge_secrets(public, {}) == public
