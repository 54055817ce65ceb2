"""v2 monitoring: enterprise events and alerts, and the enterprise- and edge-level metrics.

Events are real: one per successful write made through the API (`domain/events.py`), newest
first, with `start`/`end` (epoch ms), `limit`/page links and the spec's `field[op]` filters
(also on `enterpriseUsername`, `edgeName`, `segmentName`, which the event body does not show).

Simplified (the emulator has no devices sending telemetry):
- alerts, BGP sessions and client devices are
  empty lists in the right envelope; a client device or application by id is not implemented;
- edges have no WAN links, so link, link-quality, path and flow metrics (and their time
  series) are empty arrays;
- health metrics are synthetic zeros in the right shape: enterprise `healthStats` has one
  row per edge, edge `healthStats` min/max/average 0 per metric, `healthStats/timeSeries`
  one series of zeros (5-minute ticks) per metric over `start`..`end` (default: the last 12 h);
- `include`, `sortBy`, `groupBy`, `metrics` on link/flow/path stats are accepted and ignored.
Edge-level routes answer 404 for an edge that does not exist in that enterprise.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import Any

from aiohttp import web
from multidict import MultiMapping

from ..context import call_domain
from ..domain import edges, enterprises
from ..domain import events as events_
from ..domain.auth import Principal
from ..domain.errors import FieldError, InvalidRequest
from ..domain.kinds import EDGE
from ..store import Record, Tx
from ..timestamps import epoch_ms, from_epoch_ms
from .edges import edge_href
from .http import PREFIX, endpoint, href
from .listing import list_body

HEALTH_METRICS = (
    "tunnelCount",
    "memoryPct",
    "flowCount",
    "cpuPct",
    "cpuCoreTemp",
    "handoffQueueDrops",
    "tunnelCountV6",
)
TICK_MS = 5 * 60 * 1000
DEFAULT_SPAN_MS = 12 * 60 * 60 * 1000
MAX_SAMPLES = 2016  # one week of 5-minute ticks
_HIDDEN_EVENT_FIELDS = ("enterpriseUsername", "edgeName", "segmentName")


def _int_param(query: Mapping[str, str], name: str) -> int | None:
    raw = query.get(name)
    if raw is None or raw == "":
        return None
    try:
        return int(raw)
    except ValueError:
        raise InvalidRequest(
            f"{name} must be an integer (epoch milliseconds), got {raw!r}",
            [FieldError(name, "not an integer")],
        ) from None


def _interval(query: Mapping[str, str]) -> tuple[int, int]:
    end = _int_param(query, "end")
    end = end if end is not None else int(time.time() * 1000)
    start = _int_param(query, "start")
    start = start if start is not None else end - DEFAULT_SPAN_MS
    if start > end:
        raise InvalidRequest(f"start {start} is after end {end}", [FieldError("start", "must be <= end")])
    return start, end


def _metrics(query: MultiMapping[str]) -> list[str]:
    names = [m for value in query.getall("metrics", []) for m in value.split(",") if m]
    for name in names:
        if name not in HEALTH_METRICS:
            raise InvalidRequest(
                f"metrics {name!r} is not one of {', '.join(HEALTH_METRICS)}",
                [FieldError("metrics", f"unknown metric {name!r}")],
            )
    return names or list(HEALTH_METRICS)


def edge_ref(edge: Record, enterprise: Record) -> dict[str, Any]:
    """A short `EdgeResource` naming an edge (the full one is the edges module's)."""
    return {
        "_href": edge_href(enterprise, edge),
        "logicalId": edge.logical_id,
        "name": edge.name,
    }


def _enterprise(tx: Tx, principal: Principal, request: web.Request) -> Record:
    return enterprises.get_enterprise(tx, principal, logical_id=request.match_info["enterpriseLogicalId"])


def _edge(tx: Tx, principal: Principal, request: web.Request) -> Record:
    info = request.match_info
    return edges.get_enterprise_edge(tx, principal, info["enterpriseLogicalId"], info["edgeLogicalId"])


# -- enterprise events and alerts --------------------------------------------------------


def event_resource(tx: Tx, record: Record, enterprise: Record) -> dict[str, Any]:
    """An event as `EnterpriseEventResource`, plus the hidden filter fields (removed later)."""
    data = record.data
    body: dict[str, Any] = {
        "eventTime": record.created,
        "event": data["event"],
        "category": data["category"],
        "severity": data["severity"],
        "message": data["message"],
        "detail": data.get("detail"),
        "enterpriseUsername": data.get("username"),
        "edgeName": None,
        "segmentName": None,
    }
    edge = tx.get(EDGE, id=data["edgeId"]) if data.get("edgeId") else None
    if edge is not None:
        body["edge"] = edge_ref(edge, enterprise)
        body["edgeName"] = edge.name
    return body


@endpoint("getEnterpriseEvents")
async def get_enterprise_events(request: web.Request) -> web.Response:
    query = request.query

    def work(tx: Tx, principal: Principal) -> list[dict[str, Any]]:
        enterprise = _enterprise(tx, principal, request)
        start, end = _int_param(query, "start"), _int_param(query, "end")
        items = []
        for record in events_.list_events(tx, enterprise.id):
            moment = epoch_ms(record.created)
            if (start is None or moment >= start) and (end is None or moment <= end):
                items.append(event_resource(tx, record, enterprise))
        return items

    items = await call_domain(request, work)
    logical_id = request.match_info["enterpriseLogicalId"]
    body = list_body(href(f"/enterprises/{logical_id}/events"), items, query)
    for item in body["data"]:
        for field in _HIDDEN_EVENT_FIELDS:
            item.pop(field, None)
    return web.json_response(body)


def _check_parent(tx: Tx, principal: Principal, request: web.Request) -> None:
    """The addressed enterprise (and edge, on edge-level routes) must exist and be visible."""
    if "edgeLogicalId" in request.match_info:
        _edge(tx, principal, request)
    else:
        _enterprise(tx, principal, request)
    _interval(request.query)


def _empty_collection(operation: str) -> Callable[[web.Request], Any]:
    """A paged collection that is always empty (alerts, BGP sessions, tunnel status)."""

    @endpoint(operation)
    async def handler(request: web.Request) -> web.Response:
        await call_domain(request, lambda tx, p: _check_parent(tx, p, request))
        return web.json_response(list_body(href(request.path[len(PREFIX) :]), [], request.query))

    return handler


def _empty_array(operation: str) -> Callable[[web.Request], Any]:
    """An array-shaped answer with nothing in it (no links, flows, devices or applications)."""

    @endpoint(operation)
    async def handler(request: web.Request) -> web.Response:
        await call_domain(request, lambda tx, p: _check_parent(tx, p, request))
        return web.json_response([])

    return handler


# -- health ------------------------------------------------------------------------------


@endpoint("getEnterpriseAggregateHealthStats")
async def get_enterprise_health(request: web.Request) -> web.Response:
    def work(tx: Tx, principal: Principal) -> list[dict[str, Any]]:
        enterprise = _enterprise(tx, principal, request)
        _interval(request.query)
        metrics = _metrics(request.query)
        rows = []
        for edge in tx.find(EDGE, enterprise_id=enterprise.id):
            row: dict[str, Any] = {"edge": edge_ref(edge, enterprise)}
            row.update({m: 0 for m in metrics})
            rows.append(row)
        return rows

    rows = await call_domain(request, work)
    logical_id = request.match_info["enterpriseLogicalId"]
    return web.json_response(list_body(href(f"/enterprises/{logical_id}/healthStats"), rows, {}))


@endpoint("getEdgeHealthMetrics")
async def get_edge_health(request: web.Request) -> web.Response:
    def work(tx: Tx, principal: Principal) -> list[str]:
        _edge(tx, principal, request)
        _interval(request.query)
        return _metrics(request.query)

    metrics = await call_domain(request, work)
    body: dict[str, Any] = {"_href": href(request.path[len(PREFIX) :]), "total": 0}
    body.update({m: {"min": 0, "max": 0, "average": 0} for m in metrics})
    return web.json_response(body)


@endpoint("getEdgeHealthSeries")
async def get_edge_health_series(request: web.Request) -> web.Response:
    def work(tx: Tx, principal: Principal) -> tuple[int, int, list[str]]:
        _edge(tx, principal, request)
        start, end = _interval(request.query)
        return start, end, _metrics(request.query)

    start, end, metrics = await call_domain(request, work)
    first = start - start % TICK_MS
    samples = max(1, min(MAX_SAMPLES, (end - first) // TICK_MS))
    series = [
        {
            "metric": m,
            "startTime": from_epoch_ms(first),
            "tickInterval": TICK_MS,
            "data": [0] * samples,
            "total": 0,
            "min": 0,
            "max": 0,
        }
        for m in metrics
    ]
    return web.json_response({"_href": href(request.path[len(PREFIX) :]), "series": series})


def add_routes(app: web.Application) -> None:
    ent = PREFIX + "/enterprises/{enterpriseLogicalId}"
    edge = ent + "/edges/{edgeLogicalId}"
    get = app.router.add_get
    get(ent + "/events{slash:/?}", get_enterprise_events)
    get(ent + "/alerts{slash:/?}", _empty_collection("getEnterpriseAlerts"))
    get(ent + "/bgpSessions{slash:/?}", _empty_collection("getEnterpriseBgpSessions"))
    get(ent + "/flowStats{slash:/?}", _empty_array("getEnterpriseFlowMetrics"))
    get(ent + "/linkStats{slash:/?}", _empty_array("getEnterpriseLinkMetrics"))
    get(ent + "/clientDevices{slash:/?}", _empty_array("getEnterpriseClientDevices"))
    get(ent + "/healthStats{slash:/?}", get_enterprise_health)
    get(edge + "/linkStats{slash:/?}", _empty_array("getEdgeLinkMetrics"))
    get(edge + "/linkStats/timeSeries{slash:/?}", _empty_array("getEdgeLinkSeries"))
    get(edge + "/flowStats{slash:/?}", _empty_array("getEdgeFlowMetrics"))
    get(edge + "/flowStats/timeSeries{slash:/?}", _empty_array("getEdgeFlowSeries"))
    get(edge + "/linkQualityStats{slash:/?}", _empty_array("getEdgeLinkQualityEvents"))
    get(edge + "/linkQualityStats/timeSeries{slash:/?}", _empty_array("getEdgeLinkQualitySeries"))
    get(edge + "/pathStats{slash:/?}", _empty_array("getEdgePathMetrics"))
    get(edge + "/pathStats/timeSeries{slash:/?}", _empty_array("getEdgePathSeries"))
    get(edge + "/healthStats{slash:/?}", get_edge_health)
    get(edge + "/healthStats/timeSeries{slash:/?}", get_edge_health_series)
