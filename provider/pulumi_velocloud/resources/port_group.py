"""`PortGroup`: a v1 port object group (TCP/UDP ports and port ranges).

Each entry is `{protocol, port_low, port_high?}`: `protocol` is tcp or udp (or the IP protocol
numbers 6 / 17), ports are 0..65535 and `port_low <= port_high`; a missing `port_high` means
the single port `port_low` and is sent as `port_high = port_low`. Entries are compared as a set
(order and `port_high` omitted vs equal are not drift). The lifecycle is
`object_group.ObjectGroupProvider`. Not implemented: other protocols (the Orchestrator's port
groups take only TCP and UDP).
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
        value = as_int(value)  # Pulumi hands numbers over as floats
        if isinstance(value, int) and value in NAMES:
            return NAMES[value]
        if isinstance(value, str) and value.strip().casefold() in PROTOCOLS:
            return value.strip().casefold()
        raise PydanticCustomError("protocol", "port groups take protocol tcp (6) or udp (17)")

    @field_validator("port_high")
    @classmethod
    def _range(cls, value: int | None, info: ValidationInfo) -> int | None:
        low = info.data.get("port_low")
        if value is not None and low is not None and value < low:
            raise PydanticCustomError(
                "port_range", "port_high must not be below port_low {low}", {"low": low}
            )
        return value


class PortGroupArgs(ObjectGroupArgs):
    """The inputs of a `PortGroup`."""

    ports: list[PortArgs] = Field(description="The entries; their order does not matter.")


class PortGroupOutputs(ObjectGroupOutputs):
    ports: list[dict[str, Any]] = Field(description="The entries as the Orchestrator holds them.")


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

    def wire_entries(self, entries: Sequence[Any]) -> list[dict[str, Any]]:
        body = []
        for e in entries:
            port = PortArgs.model_validate(e) if isinstance(e, dict) else e
            high = port.port_high if port.port_high is not None else port.port_low
            body.append({"proto": PROTOCOLS[port.protocol], "port_low": port.port_low, "port_high": high})
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

    def entry_key(self, entry: Any) -> tuple[Any, ...]:
        return port_key(entry)


class PortGroup(VcoResource[PortGroupArgs], provider=PortGroupProvider):
    """A port group. Its Pulumi id (and `logical_id`) is what firewall rules reference."""

    logical_id: pulumi.Output[str]
    vco_id: pulumi.Output[int]
    name: pulumi.Output[str]
    ports: pulumi.Output[list[dict[str, Any]]]


def port_key(entry: dict[str, Any]) -> tuple[Any, ...]:
    """The canonical form of an entry in input (`protocol`) or API (`proto`) form."""
    proto = as_int(entry.get("proto", entry.get("protocol")))
    if isinstance(proto, str):
        proto = PROTOCOLS.get(proto.strip().casefold(), proto)
    low = int(entry["port_low"])
    high = entry.get("port_high")
    return (proto, low, low if high is None else int(high))
