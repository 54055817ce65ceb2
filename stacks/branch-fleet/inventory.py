"""The branch inventory: one row per site, from YAML (a list under `sites:`) or CSV.

Each row is validated with pydantic; a bad row raises `InventoryError` naming the file, the
line, the site, the field and the reason, so `pulumi preview` fails before anything is sent.

YAML:
    sites:
      - name: nyc-01
        address: {street: 1 Main St, city: New York, country: US}
        model: edge6X0
        serial: VC0600000001
        lan_cidr: 10.1.1.1/24
        wan: [{interface: GE3, addressing: DHCP}]

CSV columns: name, street, city, state, country, model, serial, lan_cidr, wan_interface,
wan_addressing, wan_cidr, wan_gateway (one WAN link per row).
"""

from __future__ import annotations

import csv
import ipaddress
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

ModelNumber = Literal[
    "edge500", "edge5X0", "edge510", "edge510lte", "edge515", "edge6X0", "edge610lte", "edge840", "edge1000",
    "edge1000qat", "edge3X00", "edge3X10", "virtual",
]  # fmt: skip


class InventoryError(ValueError):
    """A row of the inventory is malformed; the message says where and why."""


class Address(BaseModel):
    model_config = ConfigDict(extra="forbid")
    street: str | None = None
    city: str | None = None
    state: str | None = None
    country: str | None = None


class Wan(BaseModel):
    model_config = ConfigDict(extra="forbid")
    interface: str = Field(min_length=1)
    addressing: Literal["DHCP", "STATIC"] = "DHCP"
    cidr: str | None = None
    gateway: str | None = None

    @model_validator(mode="after")
    def _static_needs_addresses(self) -> Wan:
        if self.addressing == "STATIC" and (not self.cidr or not self.gateway):
            raise ValueError("a STATIC WAN link needs cidr and gateway")
        return self


class Site(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=255, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
    address: Address = Address()
    model: ModelNumber
    serial: str | None = Field(None, min_length=1, max_length=255)
    lan_cidr: str
    wan: list[Wan] = []

    @field_validator("lan_cidr")
    @classmethod
    def _cidr(cls, value: str) -> str:
        interface = ipaddress.ip_interface(value)  # raises ValueError with the reason
        if interface.ip == interface.network.network_address:
            raise ValueError(f"{value} is the network address; give the edge's own address, e.g. x.x.x.1/24")
        return value


def load_inventory(path: Path) -> list[Site]:
    """The sites of a YAML or CSV inventory file, validated; duplicate names and serials refused."""
    if not path.exists():
        raise InventoryError(f"{path}: no such inventory file")
    rows = _csv_rows(path) if path.suffix.lower() == ".csv" else _yaml_rows(path)
    sites: list[Site] = []
    seen: dict[str, int] = {}
    for line, row in rows:
        label = (
            f"{path.name}:{line}: site {row.get('name')!r}"
            if isinstance(row, dict)
            else f"{path.name}:{line}"
        )
        try:
            site = Site.model_validate(row)
        except ValidationError as exc:
            err = exc.errors()[0]
            field = ".".join(str(p) for p in err["loc"]) or "row"
            value = err.get("input") if err["type"] != "missing" else "missing"
            raise InventoryError(
                f"{label}: field {field} = {value!r} is invalid: {err['msg'].removeprefix('Value error, ')}"
            ) from None
        for key in (site.name.casefold(), (site.serial or "").casefold()):
            if key and key in seen:
                raise InventoryError(f"{label}: {key!r} is already used on line {seen[key]}")
            if key:
                seen[key] = line
        sites.append(site)
    return sites


def _yaml_rows(path: Path) -> list[tuple[int, Any]]:
    text = path.read_text()
    try:
        document = yaml.compose(text)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise InventoryError(f"{path.name}: not valid YAML: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("sites"), list) or document is None:
        raise InventoryError(f"{path.name}: expected a mapping with a list under 'sites:'")
    nodes = next(value for key, value in document.value if key.value == "sites").value
    return [(node.start_mark.line + 1, row) for node, row in zip(nodes, data["sites"], strict=True)]


def _csv_rows(path: Path) -> list[tuple[int, Any]]:
    rows: list[tuple[int, Any]] = []
    with path.open(newline="") as f:
        for index, raw in enumerate(csv.DictReader(f)):
            record = {k.strip(): (v.strip() or None) for k, v in raw.items() if k}
            wan = {k.removeprefix("wan_"): record.pop(k) for k in list(record) if k.startswith("wan_")}
            address = {k: record.pop(k) for k in ("street", "city", "state", "country") if k in record}
            row: dict[str, Any] = {**record, "address": {k: v for k, v in address.items() if v}}
            if any(wan.values()):
                row["wan"] = [{k: v for k, v in wan.items() if v}]
            rows.append((index + 2, row))  # line 1 is the header
    return rows
