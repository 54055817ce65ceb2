"""The branch-fleet inventory loader: YAML and CSV, and errors that name file, line and field."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]


def _inventory() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "inventory", REPO / "stacks" / "branch-fleet" / "inventory.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["inventory"] = module  # pydantic resolves the annotations through it
    spec.loader.exec_module(module)
    return module


inventory = _inventory()


def test_the_shipped_inventory_loads() -> None:
    sites = inventory.load_inventory(REPO / "stacks" / "branch-fleet" / "inventory.yaml")
    assert [s.name for s in sites] == ["nyc-01", "bos-01", "chi-01"]
    assert sites[1].wan[0].addressing == "STATIC"


def test_csv_is_accepted(tmp_path: Path) -> None:
    f = tmp_path / "sites.csv"
    f.write_text(
        "name,city,country,model,serial,lan_cidr,wan_interface,wan_addressing,wan_cidr,wan_gateway\n"
        "lyo-01,Lyon,FR,edge510,VC1,10.2.1.1/24,GE3,STATIC,198.51.100.2/30,198.51.100.1\n"
        "nce-01,Nice,FR,edge510,VC2,10.2.2.1/24,,,,\n"
    )
    sites = inventory.load_inventory(f)
    assert sites[0].address.city == "Lyon" and sites[0].wan[0].gateway == "198.51.100.1"
    assert sites[1].wan == []


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("model: edge9", "inventory.yaml:3: site 'x-01': field model = 'edge9' is invalid"),
        (
            "lan_cidr: 10.0.0.0/24",
            "field lan_cidr = '10.0.0.0/24' is invalid: 10.0.0.0/24 is the network address",
        ),
        ("wan: [{interface: GE3, addressing: STATIC}]", "field wan.0 = "),
        ("colour: red", "field colour = 'red' is invalid: Extra inputs are not permitted"),
    ],
)
def test_bad_rows_name_file_line_site_field_and_reason(tmp_path: Path, row: str, message: str) -> None:
    base = {"model": "edge510", "lan_cidr": "10.0.0.1/24"}
    key = row.split(":")[0]
    lines = [f"    {k}: {v}" for k, v in base.items() if k != key] + [f"    {row}"]
    f = tmp_path / "inventory.yaml"
    f.write_text(
        "sites:\n  - name: ok-01\n    model: edge510\n    lan_cidr: 10.0.1.1/24\n  - name: x-01\n"
        + "\n".join(lines)
    )
    with pytest.raises(inventory.InventoryError) as info:
        inventory.load_inventory(f)
    assert message.replace(":3:", ":5:") in str(info.value)


def test_duplicate_names_and_serials_are_refused(tmp_path: Path) -> None:
    f = tmp_path / "inventory.yaml"
    f.write_text(
        "sites:\n"
        "  - {name: a-01, model: edge510, serial: S1, lan_cidr: 10.0.1.1/24}\n"
        "  - {name: b-01, model: edge510, serial: s1, lan_cidr: 10.0.2.1/24}\n"
    )
    with pytest.raises(
        inventory.InventoryError, match=r"inventory.yaml:3: site 'b-01': 's1' is already used on line 2"
    ):
        inventory.load_inventory(f)
