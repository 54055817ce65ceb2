"""Edge lifecycle providers, in-process against the emulator server: HA switched in place, an RMA
reactivation requested once, and an edge's software image with drift."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

import pytest

from pulumi_velocloud.context import connect, provider_context
from pulumi_velocloud.ids import logical_id
from pulumi_velocloud.mechanisms.errors import VcoResourceError
from pulumi_velocloud.resources.edge import EdgeProvider
from pulumi_velocloud.resources.edge_reactivation import EdgeReactivationProvider
from pulumi_velocloud.resources.edge_software_image import EdgeSoftwareImageProvider
from pulumi_velocloud.resources.enterprise import EnterpriseProvider
from vco_emulator.process import EmulatorProcess

from .test_profile_edge_providers import edge_inputs


@pytest.fixture
def edge(enterprise: dict[str, Any], profile: dict[str, Any]) -> dict[str, Any]:
    created = EdgeProvider().create(edge_inputs(enterprise, profile))
    assert created.outs is not None
    return created.outs


def _v1(vco: EmulatorProcess, method: str, params: dict[str, Any]) -> Any:
    vco_client = connect().client
    return vco_client.v1.call(method, params)


def test_ha_toggles_in_place(
    enterprise: dict[str, Any], profile: dict[str, Any], edge: dict[str, Any]
) -> None:
    e = EdgeProvider()
    news = edge_inputs(enterprise, profile, ha_enabled=True)
    diff = e.diff(edge["logical_id"], edge, news)
    assert diff.changes is True and not diff.replaces
    on = e.update(edge["logical_id"], edge, news).outs
    assert on is not None and on["ha_enabled"] is True
    kept = ("logical_id", "activation_key", "activation_state", "serial_number")
    assert {k: on[k] for k in kept} == {k: edge[k] for k in kept}
    settings = connect().client.v2.get_edge_device_settings(
        logical_id(enterprise["logical_id"]), logical_id(edge["logical_id"])
    )
    assert settings["ha"]["enabled"] is True

    provider_context().new_run()
    read = e.read(edge["logical_id"], on).outs
    assert read is not None and read["ha_enabled"] is True
    assert e.diff(edge["logical_id"], read, news).changes is False
    off = e.update(edge["logical_id"], read, {**news, "ha_enabled": False}).outs
    assert off is not None and off["ha_enabled"] is False and off["logical_id"] == edge["logical_id"]


def test_reactivation_once_and_cancel_on_destroy(
    enterprise: dict[str, Any], edge: dict[str, Any], vco: EmulatorProcess
) -> None:
    r = EdgeReactivationProvider()
    news = {
        "enterprise_id": enterprise["logical_id"],
        "edge_id": edge["logical_id"],
        "serial_number": "VC-RMA-1",
    }
    with pytest.raises(VcoResourceError, match=r'EdgeReactivation ".*not activated'):
        r.create(news)  # a never-activated edge has its key already
    vco.admin("POST", f"edges/{edge['logical_id']}/activate")
    with pytest.raises(VcoResourceError, match="model_number 'edge510' differs"):
        r.create({**news, "model_number": "edge510"})

    created = r.create(news)
    outs = created.outs
    assert outs is not None and outs["activation_state"] == "REACTIVATION_PENDING"
    assert outs["activation_key"] and outs["activation_key"] != edge["activation_key"]
    provider_context().new_run()
    read = r.read(created.id, outs).outs
    assert read is not None and read == outs  # reading never asks again: the same key
    assert r.diff(created.id, read, news).changes is False
    with pytest.raises(VcoResourceError, match="set adopt=True"):
        r.create(news)  # a second stack's request would issue another key

    # drift: the serial number changed by hand replaces the reactivation
    _v1(vco, "edge/updateEdgeAttributes", {"id": _edge_id(edge), "_update": {"serialNumber": "VC-OTHER"}})
    provider_context().new_run()
    drifted = r.read(created.id, outs).outs
    assert drifted is not None and drifted["serial_number"] == "VC-OTHER"
    assert r.diff(created.id, drifted, news).replaces == ["serial_number"]

    r.delete(created.id, outs)
    state = _v1(vco, "edge/getEdge", {"id": _edge_id(edge)})
    assert state["activationState"] == "ACTIVATED"
    r.delete(created.id, outs)  # nothing pending any more: nothing to cancel


def _edge_id(edge: dict[str, Any]) -> int:
    vco = connect()
    return int(
        vco.ids.edge(vco.ids.enterprise(logical_id(edge["enterprise_id"])), logical_id(edge["logical_id"]))
    )


def test_software_image(enterprise: dict[str, Any], edge: dict[str, Any], vco: EmulatorProcess) -> None:
    vco.admin("POST", "seed", {"fixture": "software-images"})
    images = {p["name"]: p["id"] for p in _v1(vco, "network/getNetworkConfigurations", {})}
    eid = connect().ids.enterprise(logical_id(enterprise["logical_id"]))
    _v1(
        vco,
        "enterprise/assignEnterpriseOperatorConfigurations",
        {"enterpriseId": eid, "configurationIds": list(images.values())},
    )

    s = EdgeSoftwareImageProvider()
    news = {
        "enterprise_id": enterprise["logical_id"],
        "edge_id": edge["logical_id"],
        "software_image": "Edge 9 image",
    }
    with pytest.raises(VcoResourceError, match=r"'Edge 9 image' is not assigned.*'Edge 5\.2\.0 image'"):
        s.create(news)
    news["software_image"] = "Edge 5.2.0 image"
    created = s.create(news)
    outs = created.outs
    assert outs is not None and outs["software_image"] == "Edge 5.2.0 image" and outs["operator_profile_id"]
    provider_context().new_run()
    read = s.read(created.id, outs).outs
    assert read == outs and s.diff(created.id, read, news).changes is False

    # changed by hand: drift on the one field, put back in place
    params = {"edgeId": _edge_id(edge), "configurationId": images["Edge 4.5.2 image"]}
    _v1(vco, "edge/setEdgeOperatorConfiguration", params)
    provider_context().new_run()
    drifted = s.read(created.id, outs).outs
    assert drifted is not None and drifted["software_image"] == "Edge 4.5.2 image"
    diff = s.diff(created.id, drifted, news)
    assert diff.changes is True and not diff.replaces
    fixed = s.update(created.id, drifted, news).outs
    assert fixed is not None and fixed["software_image"] == "Edge 5.2.0 image"

    s.delete(created.id, fixed)
    provider_context().new_run()
    after = s.read(created.id, fixed).outs
    assert after is not None and after["software_image"] == "VMware SD-WAN Default Profile"


def test_enterprise_edge_image_management(connected: None, vco: EmulatorProcess) -> None:
    p = EnterpriseProvider()
    news = {"name": "Images Corp", "edge_image_management": True}
    created = p.create(news)
    outs = created.outs
    assert outs is not None and outs["edge_image_management"] is True
    assert p.diff(created.id, outs, news).changes is False
    _v1(
        vco,
        "enterprise/updateEdgeImageManagement",
        {"enterpriseId": outs["vco_id"], "edgeImageManagement": False},
    )
    read = p.read(created.id, outs).outs
    assert read is not None and read["edge_image_management"] is False
    assert p.changed_fields(read, news) == ["edge_image_management"]
    fixed = p.update(created.id, read, news).outs
    assert fixed is not None and fixed["edge_image_management"] is True
    unmanaged = p.read(created.id, {**fixed, "edge_image_management": None}).outs
    assert unmanaged is not None and unmanaged["edge_image_management"] is None  # not read when unset
    p.delete(created.id, fixed)


def test_local_ui_password_is_written_once_and_never_kept(
    enterprise: dict[str, Any], profile: dict[str, Any], edge: dict[str, Any], vco: EmulatorProcess
) -> None:
    e = EdgeProvider()
    news = edge_inputs(enterprise, profile, local_ui_username="admin", local_ui_password="Ui-Secret-1")
    assert e.changed_fields(edge, news) == ["local_ui_username", "local_ui_password"]
    outs = e.update(edge["logical_id"], edge, news).outs
    assert outs is not None and outs["local_ui_username"] == "admin"
    assert "Ui-Secret-1" not in str(outs) and outs["local_ui_password_fingerprint"].startswith("sha256$")
    with sqlite3.connect(f"file:{vco.db}?mode=ro", uri=True) as conn:  # what the emulator keeps
        [(data,)] = conn.execute("SELECT data FROM objects WHERE logical_id = ?", (edge["logical_id"],))
    assert "Ui-Secret-1" not in data and json.loads(data)["localUiCredentials"]["username"] == "admin"

    provider_context().new_run()
    read = e.read(edge["logical_id"], outs).outs
    assert read is not None and read["local_ui_password_fingerprint"] == outs["local_ui_password_fingerprint"]
    assert e.changed_fields(read, news) == []  # the same password: nothing to write
    changed = {**news, "local_ui_password": "Ui-Secret-2"}
    assert e.changed_fields(read, changed) == ["local_ui_password"]
    again = e.update(edge["logical_id"], read, changed).outs
    assert (
        again is not None and again["local_ui_password_fingerprint"] != outs["local_ui_password_fingerprint"]
    )
    assert e.changed_fields(again, {**news, "local_ui_password": None}) == []  # unset: not managed
