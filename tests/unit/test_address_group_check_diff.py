"""AddressGroup check (entries validated with ipaddress, no API calls) and diff (entries as a set)."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_velocloud.resources.address_group import AddressGroupProvider, address_key

GROUP = AddressGroupProvider()


def failures(*entries: dict[str, Any]) -> list[str]:
    news = {"enterprise_id": "ent", "name": "Servers", "addresses": list(entries)}
    return [f.reason for f in GROUP.check({}, news).failures]


@pytest.mark.parametrize(
    "entry",
    [
        {"ip": "10.1.2.3"},
        {"ip": "10.1.2.3", "mask": "255.255.255.255", "rule_type": "exact"},
        {"ip": "2001:db8::1"},
        {"cidr": "10.0.0.0/8"},
        {"cidr": "2001:db8::/32", "rule_type": "netmask"},
        {"ip": "172.16.0.0", "mask": "255.255.240.0", "rule_type": "prefix"},
        {"ip": "172.16.0.0", "mask": "20", "rule_type": "prefix"},
        {"ip": "10.0.0.7", "mask": "255.255.255.0", "rule_type": "netmask"},
        {"ip": "10.0.0.1", "mask": "0.255.0.255", "rule_type": "wildcard"},
        {"domain": "*.example.com"},
        {"domain": "intranet_1.example."},
    ],
)
def test_valid_entries(entry: dict[str, Any]) -> None:
    assert failures(entry) == []


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"ip": "10.0.0.256"}, "addresses.1.ip = '10.0.0.256' is invalid: an IPv4 or IPv6 address"),
        (
            {"ip": "10.0.0.0/8"},
            "addresses.1.ip = '10.0.0.0/8' is invalid: an IPv4 or IPv6 address is expected "
            "(write a network as cidr)",
        ),
        (
            {"cidr": "10.0.0.1/8"},
            "addresses.1.cidr = '10.0.0.1/8' is invalid: a CIDR network with no host bits",
        ),
        (
            {"ip": "10.0.0.0", "mask": "255.0.255.0", "rule_type": "netmask"},
            "addresses.1.mask = '255.0.255.0' is invalid: a netmask has contiguous leading one bits",
        ),
        (
            {"ip": "10.0.0.1", "mask": "24", "rule_type": "prefix"},
            "addresses.1.mask = '24' is invalid: 10.0.0.1/24 has host bits set",
        ),
        (
            {"ip": "10.0.0.1", "mask": "33", "rule_type": "netmask"},
            "addresses.1.mask = '33' is invalid: an IPv4",
        ),
        ({"ip": "10.0.0.1", "mask": "ffff::", "rule_type": "netmask"}, "must be IPv4 like the address"),
        ({"ip": "10.0.0.1", "mask": "255.255.255.0"}, "an exact rule matches one address"),
        (
            {"ip": "10.0.0.1", "rule_type": "wildcard"},
            "addresses.1.mask = None is invalid: a mask is required",
        ),
        (
            {"ip": "10.0.0.1", "mask": "8", "rule_type": "wildcard"},
            "a wildcard mask is written as an address",
        ),
        ({"ip": "10.0.0.1", "rule_type": "range"}, "addresses.1.rule_type = 'range' is invalid"),
        ({"domain": "bad..example"}, "addresses.1.domain = 'bad..example' is invalid: a DNS name"),
        ({"domain": "example.com", "rule_type": "exact"}, "a domain entry takes no rule_type"),
        ({"cidr": "10.0.0.0/8", "rule_type": "wildcard"}, "a cidr takes rule_type prefix or netmask"),
        ({"ip": "10.0.0.1", "domain": "example.com"}, "exactly one of ip, cidr or domain (got ip, domain)"),
        ({"port": 80}, "addresses.1.port = 80 is invalid: Extra inputs are not permitted"),
    ],
)
def test_invalid_entries_name_index_field_and_value(entry: dict[str, Any], message: str) -> None:
    [reason] = failures({"ip": "192.0.2.1"}, entry)
    assert reason.startswith("AddressGroup field addresses.1") and message in reason, reason


def test_same_entries_in_another_order_or_spelling_are_no_change() -> None:
    outputs = {
        "enterprise_id": "ent",
        "name": "Servers",
        "description": None,
        "addresses": [
            {"domain": "Example.com"},
            {"ip": "10.0.0.0", "mask": "255.0.0.0", "rule_type": "prefix"},
            {"ip": "10.0.0.1", "rule_type": "exact"},
            {"ip": "2001:db8:0::", "mask": "ffff:ffff::", "rule_type": "prefix"},
        ],
    }
    inputs = {
        "enterprise_id": "ent",
        "name": "Servers",
        "addresses": [
            {"ip": "10.0.0.1"},
            {"cidr": "2001:db8::/32"},
            {"cidr": "10.0.0.0/8"},
            {"domain": "example.com."},
        ],
    }
    assert GROUP.diff("g1", outputs, inputs).changes is False, GROUP.changed_fields(outputs, inputs)
    fewer = {**inputs, "addresses": inputs["addresses"][:3]}
    assert GROUP.changed_fields(outputs, fewer) == ["addresses"]
    other_rule = {
        **inputs,
        "addresses": [*inputs["addresses"][:2], {"cidr": "10.0.0.0/8", "rule_type": "netmask"}],
    }
    assert GROUP.changed_fields(
        outputs, {**other_rule, "addresses": [*other_rule["addresses"], {"domain": "example.com"}]}
    ) == ["addresses"]
    assert GROUP.diff("g1", outputs, {**inputs, "enterprise_id": "x"}).replaces == ["enterprise_id"]


def test_address_keys() -> None:
    assert address_key({"cidr": "10.0.0.0/8"}) == address_key({"ip": "10.0.0.0/8", "rule_type": "prefix"})
    assert address_key({"ip": "10.0.0.0", "mask": "8", "rule_type": "netmask"}) == ("netmask", "10.0.0.0", 8)
    assert address_key({"ip": "10.0.0.1", "mask": "0.0.0.255", "rule_type": "wildcard"}) == (
        "wildcard",
        "10.0.0.1",
        "0.0.0.255",
    )
    assert address_key({"ip": "::1"}) == ("exact", "::1", 128)
