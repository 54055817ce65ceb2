"""v2 profile deviceSettings against the emulator server: GET shape, async PUT/PATCH, ERROR, timing."""

from __future__ import annotations

import copy
import time
import uuid
from pathlib import Path
from typing import Any

import requests

from vco_emulator.domain.device_settings import shape_errors, v2_keys
from vco_emulator.process import EmulatorProcess

from ..fidelity.spec import v2_spec
from .configuration_helpers import V2, module, new_enterprise, poll, quick_start, set_async
from .helpers import auth


def _settings_url(vco: EmulatorProcess) -> tuple[str, int]:
    eid, logical_id = new_enterprise(vco)
    profile = quick_start(vco, eid)
    return f"{vco.url}{V2}/enterprises/{logical_id}/profiles/{profile['logicalId']}/deviceSettings", profile[
        "id"
    ]


def _get(vco: EmulatorProcess, url: str) -> dict[str, Any]:
    r = requests.get(url, headers=auth(vco), timeout=10)
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


def _put(vco: EmulatorProcess, url: str, body: Any) -> requests.Response:
    return requests.put(url, json=body, headers=auth(vco), timeout=10)


def _patch(vco: EmulatorProcess, url: str, body: Any) -> requests.Response:
    return requests.patch(url, json=body, headers=auth(vco), timeout=10)


def _accepted(r: requests.Response) -> str:
    assert r.status_code == 202, r.text
    location = r.headers["Location"]
    assert location.startswith(f"{V2}/asyncOperations/")
    body = r.json()
    assert body["status"] == "ACCEPTED" and body["_href"] == location
    return location


def test_get_returns_the_spec_shaped_document(vco: EmulatorProcess) -> None:
    url, _ = _settings_url(vco)
    doc = _get(vco, url)
    assert shape_errors(doc) == []
    assert doc["_href"] == url[len(vco.url) :]
    segment = doc["segments"][0]["segment"]
    assert segment["name"] == "Global Segment" and segment["type"] == "REGULAR"
    assert "segmentId" not in segment  # v2's SegmentSchema has no such field
    assert doc["lan"]["networks"][0]["vlanId"] == 1


def test_put_is_accepted_then_done_and_get_shows_the_new_settings(vco: EmulatorProcess) -> None:
    set_async(vco, mode="immediate")
    url, profile_id = _settings_url(vco)
    doc = _get(vco, url)
    doc["lan"]["networks"].append(
        {"name": "Guest", "segmentId": 0, "vlanId": 20, "cidrIp": "192.168.20.1", "cidrPrefix": 24}
    )
    location = _accepted(_put(vco, url, doc))
    done = poll(vco, location)
    assert done["status"] == "DONE" and done["message"] is None
    assert done["resource"]["_href"] == url[len(vco.url) :]
    after = _get(vco, url)
    assert after == doc
    # the v1 module holds the same settings, with v1's segment reference
    stored = module(vco, profile_id, "deviceSettings")["data"]
    assert stored["lan"]["networks"][1]["vlanId"] == 20
    assert stored["segments"][0]["segment"]["segmentId"] == 0


def test_patch_changes_one_path(vco: EmulatorProcess) -> None:
    set_async(vco, mode="immediate")
    url, _ = _settings_url(vco)
    before = _get(vco, url)
    location = _accepted(
        _patch(vco, url, [{"op": "replace", "path": "/lan/networks/0/cidrIp", "value": "10.9.9.1"}])
    )
    assert poll(vco, location)["status"] == "DONE"
    expected = copy.deepcopy(before)
    expected["lan"]["networks"][0]["cidrIp"] = "10.9.9.1"
    assert _get(vco, url) == expected


def test_a_new_profile_has_every_section_and_the_specs_own_patch_example_applies(
    vco: EmulatorProcess,
) -> None:
    set_async(vco, mode="immediate")
    url, _ = _settings_url(vco)
    before = _get(vco, url)
    assert set(before) == set(v2_keys()), "every section of the v2 BaseDeviceSettings schema"
    assert shape_errors(before) == []
    example = v2_spec().raw["components"]["schemas"]["PatchSchema"]["example"][0]
    assert example == {"op": "replace", "path": "/softwareUpdate/windowed", "value": True}
    assert poll(vco, _accepted(_patch(vco, url, [example])))["status"] == "DONE"
    expected = copy.deepcopy(before)
    expected["softwareUpdate"]["windowed"] = True
    assert _get(vco, url) == expected


def test_invalid_settings_end_in_error_and_change_nothing(vco: EmulatorProcess) -> None:
    set_async(vco, mode="immediate")
    url, _ = _settings_url(vco)
    before = _get(vco, url)
    doc = copy.deepcopy(before)
    doc["lan"]["networks"][0].update(cidrIp="10.0.1.256", vlanId=4095)
    doc["lan"]["networks"].append({"name": "x", "segmentId": 9, "vlanId": 30})
    failed = poll(vco, _accepted(_put(vco, url, doc)))
    assert failed["status"] == "ERROR"
    assert {e["path"] for e in failed["errors"]} == {
        "lan.networks.0.cidrIp",
        "lan.networks.0.vlanId",
        "lan.networks.1.segmentId",
    }
    assert "10.0.1.256" in failed["message"] and "4095" in failed["message"]
    assert _get(vco, url) == before


def test_an_unknown_segment_reference_ends_in_error(vco: EmulatorProcess) -> None:
    set_async(vco, mode="immediate")
    url, _ = _settings_url(vco)
    before = _get(vco, url)
    patch = [
        {"op": "replace", "path": "/segments/0/segment", "value": {"_href": f"/x/segments/{uuid.uuid4()}"}}
    ]
    failed = poll(vco, _accepted(_patch(vco, url, patch)))
    assert failed["status"] == "ERROR" and failed["errors"][0]["path"] == "segments.0.segment"
    assert _get(vco, url) == before


def test_a_patch_of_a_missing_path_ends_in_error(vco: EmulatorProcess) -> None:
    set_async(vco, mode="immediate")
    url, _ = _settings_url(vco)
    before = _get(vco, url)
    patch = [
        {"op": "replace", "path": "/lan/networks/0/name", "value": "Renamed"},
        {"op": "remove", "path": "/lan/networks/7"},
    ]
    failed = poll(vco, _accepted(_patch(vco, url, patch)))
    assert failed["status"] == "ERROR" and "cannot be applied" in failed["message"]
    assert _get(vco, url) == before  # the first, valid operation was not applied either


def test_a_body_of_the_wrong_shape_is_400_and_nothing_is_accepted(vco: EmulatorProcess) -> None:
    url, _ = _settings_url(vco)
    r = _put(vco, url, {"lan": {"networks": [{"vlanId": "ten"}]}, "colour": "red"})
    assert r.status_code == 400 and "Location" not in r.headers
    body = r.json()
    assert body["code"] == "VALIDATION_ERROR"
    assert {e["path"] for e in body["errors"]} == {"body", "lan.networks.0.vlanId"}
    r = _patch(vco, url, [{"op": "copy", "from": "/a", "path": "/b"}])
    assert r.status_code == 400
    r = _patch(vco, url, [{"op": "remove", "path": "lan"}])
    assert r.status_code == 400 and r.json()["errors"][0]["path"] == "0.path"
    r = requests.put(url, data="{}", headers={**auth(vco), "Content-Type": "text/plain"}, timeout=10)
    assert r.status_code == 415


def test_unknown_profile_or_operation_is_404(vco: EmulatorProcess) -> None:
    url, _ = _settings_url(vco)
    missing = url.rsplit("/profiles/", 1)[0] + f"/profiles/{uuid.uuid4()}/deviceSettings"
    assert requests.get(missing, headers=auth(vco), timeout=10).status_code == 404
    r = requests.get(f"{vco.url}{V2}/asyncOperations/{uuid.uuid4()}", headers=auth(vco), timeout=10)
    assert r.status_code == 404 and r.json()["code"] == "RESOURCE_NOT_FOUND"


def test_delayed_mode_shows_accepted_then_done(vco: EmulatorProcess) -> None:
    assert set_async(vco, mode="delayed", delaySeconds=1.0) == {"mode": "delayed", "delaySeconds": 1.0}
    url, _ = _settings_url(vco)
    location = _accepted(
        _patch(vco, url, [{"op": "replace", "path": "/lan/networks/0/name", "value": "Office"}])
    )
    first = requests.get(vco.url + location, headers=auth(vco), timeout=10).json()
    assert first["status"] == "ACCEPTED"
    assert _get(vco, url)["lan"]["networks"][0]["name"] == "Corporate"  # not applied yet
    time.sleep(1.1)
    assert requests.get(vco.url + location, headers=auth(vco), timeout=10).json()["status"] == "DONE"
    assert _get(vco, url)["lan"]["networks"][0]["name"] == "Office"


def test_a_large_delay_looks_stuck(vco: EmulatorProcess) -> None:
    set_async(vco, delaySeconds=3600)
    url, _ = _settings_url(vco)
    location = _accepted(
        _patch(vco, url, [{"op": "replace", "path": "/lan/networks/0/name", "value": "Office"}])
    )
    time.sleep(0.3)
    assert requests.get(vco.url + location, headers=auth(vco), timeout=10).json()["status"] == "ACCEPTED"
    assert requests.get(f"{vco.url}/__emulator/async", timeout=10).json()["delaySeconds"] == 3600


def test_admin_async_rejects_bad_settings(vco: EmulatorProcess) -> None:
    for body in ({"mode": "sometimes"}, {"delaySeconds": -1}, {"delaySeconds": "1"}, {"speed": 1}):
        r = requests.post(f"{vco.url}/__emulator/async", json=body, timeout=10)
        assert r.status_code == 400, body
    assert requests.get(f"{vco.url}/__emulator/async", timeout=10).json()["mode"] == "delayed"


def test_operations_survive_a_restart(tmp_path: Path) -> None:
    with EmulatorProcess.start(tmp_path) as first:
        set_async(first, delaySeconds=0.5)
        url, _ = _settings_url(first)
        location = _accepted(
            _patch(first, url, [{"op": "replace", "path": "/lan/networks/0/name", "value": "Office"}])
        )
        path = url[len(first.url) :]
    with EmulatorProcess.start(tmp_path) as second:
        time.sleep(0.5)
        assert poll(second, location)["status"] == "DONE"
        assert _get(second, second.url + path)["lan"]["networks"][0]["name"] == "Office"
