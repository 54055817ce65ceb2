"""`PortGroup`: a v1 port object group (TCP/UDP ports and port ranges, ICMP types and codes).

`ports` entries are `{protocol, port_low, port_high?}`: `protocol` is tcp or udp (or the IP
protocol numbers 6 / 17), ports are 0..65535 and `port_low <= port_high`; a missing
`port_high` means the single port `port_low` and is sent as `port_high = port_low`.
`icmp` entries are `{protocol, icmp_type, code_low, code_high?}` with protocol icmp or icmpv6
(1 / 58), stored as `{proto, type, code_low, code_high}` without ports: the shape real port
groups hold (docs/evidence.md section 6; the v1 spec names only the port form). Entries are
compared as a set (order and `port_high`/`code_high` omitted vs equal are not drift). The
lifecycle is `object_group.ObjectGroupProvider`. Not implemented: other protocols; an entry
of another shape found on the Orchestrator is shown in `ports` as it is (and is drift).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

import pulumi
from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from ..ids import as_int
from ..mechanisms.declare import VcoResource
from ..mechanisms.object_group import (
    OBJECT_GROUPS,
    ObjectGroupArgs,
    ObjectGroupOutputs,
    ObjectGroupProvider,
)
from ..mechanisms.spec import EXAMPLE_ENTERPRISE_ID, register

PROTOCOLS = {"tcp": 6, "udp": 17}
NAMES = {number: name for name, number in PROTOCOLS.items()}
Protocol = Literal["tcp", "udp"]
ICMP_PROTOCOLS = {"icmp": 1, "icmpv6": 58}
ICMP_NAMES = {number: name for name, number in ICMP_PROTOCOLS.items()}
IcmpProtocol = Literal["icmp", "icmpv6"]


def _protocol_name(value: Any, names: dict[str, int], message: str) -> Any:
    """A protocol given by name (any case) or number as its name; else the error `message`."""
    if isinstance(value, bool):
        raise PydanticCustomError("protocol", message)
    value = as_int(value)  # Pulumi hands numbers over as floats
    numbers = {number: name for name, number in names.items()}
    if isinstance(value, int) and value in numbers:
        return numbers[value]
    if isinstance(value, str) and value.strip().casefold() in names:
        return value.strip().casefold()
    raise PydanticCustomError("protocol", message)


class PortArgs(BaseModel):
    """One port group entry: a protocol and a port or port range."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    protocol: Protocol = Field(description="tcp or udp (6 and 17 are accepted too).")
    port_low: int = Field(ge=0, le=65535, description="The port, or the first port of the range.")
    port_high: int | None = Field(
        None, ge=0, le=65535, description="The last port of the range (default: port_low)."
    )

    @field_validator("protocol", mode="before")
    @classmethod
    def _protocol(cls, value: Any) -> Any:
        if isinstance(value, bool):
            return value
        return _protocol_name(
            value, PROTOCOLS, "port groups take protocol tcp (6) or udp (17); ICMP goes in `icmp`"
        )

    @field_validator("port_high")
    @classmethod
    def _range(cls, value: int | None, info: ValidationInfo) -> int | None:
        low = info.data.get("port_low")
        if value is not None and low is not None and value < low:
            raise PydanticCustomError(
                "port_range", "port_high must not be below port_low {low}", {"low": low}
            )
        return value


class IcmpArgs(BaseModel):
    """One ICMP entry of a port group: an ICMP type and a range of its codes."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    protocol: IcmpProtocol = Field("icmp", description="icmp or icmpv6 (1 and 58 are accepted too).")
    icmp_type: int = Field(ge=0, le=255, description="The ICMP type, e.g. 8 (echo request).")
    code_low: int = Field(ge=0, le=255, description="The code, or the first code of the range.")
    code_high: int | None = Field(
        None, ge=0, le=255, description="The last code of the range (default: code_low)."
    )

    @field_validator("protocol", mode="before")
    @classmethod
    def _protocol(cls, value: Any) -> Any:
        return _protocol_name(value, ICMP_PROTOCOLS, "ICMP entries take protocol icmp (1) or icmpv6 (58)")

    @field_validator("code_high")
    @classmethod
    def _range(cls, value: int | None, info: ValidationInfo) -> int | None:
        low = info.data.get("code_low")
        if value is not None and low is not None and value < low:
            raise PydanticCustomError(
                "code_range", "code_high must not be below code_low {low}", {"low": low}
            )
        return value


class PortGroupArgs(ObjectGroupArgs):
    """The inputs of a `PortGroup`."""

    ports: list[PortArgs] = Field([], description="TCP/UDP entries; their order does not matter.")
    icmp: list[IcmpArgs] = Field([], description="ICMP/ICMPv6 entries; their order does not matter.")


class PortGroupOutputs(ObjectGroupOutputs):
    ports: list[dict[str, Any]] = Field(description="The port entries as the Orchestrator holds them.")
    icmp: list[dict[str, Any]] = Field(description="The ICMP entries as the Orchestrator holds them.")


SPEC = register(
    OBJECT_GROUPS.spec(
        name="PortGroup",
        summary="A port object group that firewall rules and business policies reference by logicalId.",
        args=PortGroupArgs,
        outputs=PortGroupOutputs,
        fixture={
            "enterprise_id": EXAMPLE_ENTERPRISE_ID,
            "name": "Web",
            "ports": [{"protocol": "tcp", "port_low": 443}],
        },
        example=(
            "web = velocloud.PortGroup(\n"
            '    "web",\n'
            "    enterprise_id=acme.id,\n"
            '    name="Web",\n'
            "    ports=[\n"
            '        {"protocol": "tcp", "port_low": 443},\n'
            '        {"protocol": "tcp", "port_low": 8000, "port_high": 8080},\n'
            "    ],\n"
            ")"
        ),
        notes=(
            "The order of ports does not matter: a reorder is no change; writes keep your order.",
            "A group that a profile's rules still use cannot be deleted; the error names the profiles.",
        ),
    )
)


class PortGroupProvider(ObjectGroupProvider):
    spec = SPEC
    group_type = "port_group"
    entries_field = "ports"

    data_fields = ("ports", "icmp")

    def wire_entries(self, entries: Sequence[Any]) -> list[dict[str, Any]]:
        body = []
        for e in entries:
            port = PortArgs.model_validate(e) if isinstance(e, dict) else e
            high = port.port_high if port.port_high is not None else port.port_low
            body.append({"proto": PROTOCOLS[port.protocol], "port_low": port.port_low, "port_high": high})
        return body

    def wire_data(self, args: Any) -> list[dict[str, Any]]:
        body = self.wire_entries(args.ports)
        for e in args.icmp:
            icmp = IcmpArgs.model_validate(e) if isinstance(e, dict) else e
            high = icmp.code_high if icmp.code_high is not None else icmp.code_low
            body.append(
                {
                    "proto": ICMP_PROTOCOLS[icmp.protocol],
                    "type": icmp.icmp_type,
                    "code_low": icmp.code_low,
                    "code_high": high,
                }
            )
        return body

    def output_entries(self, data: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [
            {
                "protocol": NAMES.get(e.get("proto"), e.get("proto")),  # type: ignore[arg-type]
                "port_low": e.get("port_low"),
                "port_high": e.get("port_high") if e.get("port_high") is not None else e.get("port_low"),
            }
            for e in data
        ]

    def output_data(self, data: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
        icmp = [e for e in data if _is_icmp(e)]
        return {
            "ports": self.output_entries([e for e in data if not _is_icmp(e)]),
            "icmp": [
                {
                    "protocol": ICMP_NAMES[int(e["proto"])],
                    "icmp_type": e.get("type"),
                    "code_low": e.get("code_low"),
                    "code_high": e.get("code_high") if e.get("code_high") is not None else e.get("code_low"),
                }
                for e in icmp
            ],
        }

    def entry_key(self, entry: Any) -> tuple[Any, ...]:
        return port_key(entry)

    def normalise(self, field: str, value: Any) -> Any:
        if field in self.data_fields and value is None:
            value = []  # state written before `icmp` existed, or an unset input
        return super().normalise(field, value)


class PortGroup(VcoResource[PortGroupArgs], provider=PortGroupProvider):
    """A port group. Its Pulumi id (and `logical_id`) is what firewall rules reference."""

    logical_id: pulumi.Output[str]
    vco_id: pulumi.Output[int]
    name: pulumi.Output[str]
    ports: pulumi.Output[list[dict[str, Any]]]
    icmp: pulumi.Output[list[dict[str, Any]]]


def _is_icmp(entry: dict[str, Any]) -> bool:
    """Whether an API entry is an ICMP one (`{proto: 1 or 58, type, code_low, code_high}`)."""
    return as_int(entry.get("proto")) in ICMP_NAMES and "port_low" not in entry


def port_key(entry: dict[str, Any]) -> tuple[Any, ...]:
    """The canonical form of an entry in input (`protocol`) or API (`proto`) form, port or ICMP."""
    proto = as_int(entry.get("proto", entry.get("protocol")))
    if isinstance(proto, str):
        name = proto.strip().casefold()
        proto = PROTOCOLS.get(name, ICMP_PROTOCOLS.get(name, proto))
    if "icmp_type" in entry or "type" in entry:
        proto = ICMP_PROTOCOLS["icmp"] if proto is None else proto  # the input's default
        low = int(entry["code_low"])
        high = entry.get("code_high")
        return (
            "icmp",
            proto,
            int(entry["icmp_type"] if "icmp_type" in entry else entry["type"]),
            low,
            low if high is None else int(high),
        )
    low = int(entry["port_low"])
    high = entry.get("port_high")
    return (proto, low, low if high is None else int(high))
