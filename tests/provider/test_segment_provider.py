"""NetworkSegment provider, called in-process against the emulator server."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_velocloud.client import VcoClient
from pulumi_velocloud.mechanisms.errors import VcoResourceError
from pulumi_velocloud.resources.segment import NetworkSegmentProvider
from vco_emulator.process import EmulatorProcess

from .object_helpers import calls


def test_segment_lifecycle(enterprise: dict[str, Any], client: VcoClient, vco: EmulatorProcess) -> None:
    p = NetworkSegmentProvider()
    news = {"enterprise_id": enterprise["logical_id"], "name": "PCI", "type": "CDE", "service_vlan": 100}
    before = calls(vco)
    created = p.create({**news, "description": "cards"})
    assert calls(vco) - before <= 3, "create: list (name taken?), insert, read back"
    outs = created.outs
    assert outs is not None and outs["logical_id"] == created.id
    assert outs["segment_id"] == 1 and outs["type"] == "CDE" and outs["service_vlan"] == 100
    assert outs["description"] == "cards"
    assert p.diff(created.id, outs, {**news, "description": "cards"}).changes is False
    assert p.read(created.id, outs).outs == outs

    # in place: rename, retype, new VLAN, no description; the segmentId stays
    changed = {**news, "name": "Payments", "type": "PRIVATE", "service_vlan": 200}
    result = p.diff(created.id, outs, changed)
    assert result.changes is True and result.replaces == []
    before = calls(vco)
    updated = p.update(created.id, outs, changed).outs
    assert calls(vco) - before == 2, "update: one write, one read"
    assert updated is not None and updated["segment_id"] == 1 and updated["vco_id"] == outs["vco_id"]
    assert (updated["name"], updated["type"], updated["service_vlan"]) == ("Payments", "PRIVATE", 200)
    assert updated["description"] is None and updated["delegate_to_enterprise"] is True
    before = calls(vco)
    assert p.update(created.id, updated, changed).outs == updated
    assert calls(vco) == before, "an update with nothing to change makes no calls"

    # drift made by hand is read back, and the VLAN can be removed
    client.v1.update_enterprise_network_segment(
        updated["enterprise_vco_id"], updated["vco_id"], {"data": {"segmentId": 1, "serviceVlan": 999}}
    )
    drifted = p.read(created.id, updated).outs
    assert drifted is not None and drifted["service_vlan"] == 999
    assert p.changed_fields(drifted, changed) == ["service_vlan"]
    healed = p.update(created.id, drifted, {**changed, "service_vlan": None}).outs
    assert healed is not None and healed["service_vlan"] is None

    p.delete(created.id, healed)
    assert p.read(created.id, healed).id is None
    p.delete(created.id, healed)  # already gone: success
    names = [s.name for s in client.v1.get_enterprise_network_segments(healed["enterprise_vco_id"])]
    assert names == ["Global Segment"]


def test_segment_name_taken_says_how_to_adopt(enterprise: dict[str, Any]) -> None:
    p = NetworkSegmentProvider()
    news = {"enterprise_id": enterprise["logical_id"], "name": "Guest"}
    first = p.create(news)
    with pytest.raises(VcoResourceError, match="set adopt=True") as refused:
        p.create({**news, "name": "GUEST"})  # names are unique in any case
    assert first.id in str(refused.value)
    adopted = p.create({**news, "service_vlan": 7, "adopt": True})
    assert adopted.id == first.id and adopted.outs is not None and adopted.outs["service_vlan"] == 7


def test_the_global_segment_is_adopted_and_never_deleted(
    enterprise: dict[str, Any], client: VcoClient
) -> None:
    p = NetworkSegmentProvider()
    news = {"enterprise_id": enterprise["logical_id"], "name": "Global Segment", "adopt": True}
    adopted = p.create({**news, "description": "everything"})
    outs = adopted.outs
    assert outs is not None and outs["segment_id"] == 0 and outs["description"] == "everything"
    with pytest.raises(VcoResourceError, match="Global Segment is always REGULAR"):
        p.update(adopted.id, outs, {**news, "type": "CDE"})
    p.delete(adopted.id, outs)
    [segment] = client.v1.get_enterprise_network_segments(outs["enterprise_vco_id"])
    assert segment.id == outs["vco_id"]
