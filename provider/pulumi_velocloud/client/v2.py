"""v2 REST operations (`/api/sdwan/v2/...`), one method per operation, named after it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeVar
from urllib.parse import quote, urlsplit

from pydantic import BaseModel

from ..ids import LogicalId
from ..models.edge import EdgeV2
from ..models.enterprise import EnterpriseV2
from .async_operations import wait_for_operation
from .idempotency import Found, create_once
from .session import ApiSession

PREFIX = "/api/sdwan/v2"
M = TypeVar("M", bound=BaseModel)


def next_page_request(path: str, link: str) -> tuple[str, dict[str, Any]]:
    """The (path or URL, query) that fetches the page a `nextPageLink` names."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or link.startswith("/"):
        return link, {}
    return path, {"nextPageLink": link}


class V2Api:
    def __init__(self, session: ApiSession) -> None:
        self._session = session

    def paginate(
        self, path: str, model: type[M], *, operation: str, params: dict[str, Any] | None = None
    ) -> Iterator[M]:
        """Yield every item of a v2 list, page by page, following `metaData.nextPageLink`.

        The link is the spec's opaque token, sent back as `?nextPageLink=`; a server that hands
        out a URL instead has it followed only on its own origin (`session.resolve_url`)."""
        url, query = PREFIX + path, dict(params or {})
        while True:
            body = self._session.call("GET", url, operation=operation, params=query).json()
            for item in body.get("data") or []:
                yield model.model_validate(item)
            meta = body.get("metaData") or {}
            if not meta.get("more") or not meta.get("nextPageLink"):
                return
            url, query = next_page_request(PREFIX + path, str(meta["nextPageLink"]))

    def get_enterprises(
        self, *, limit: int | None = None, filters: dict[str, str] | None = None
    ) -> Iterator[EnterpriseV2]:
        """Every customer, page by page; `filters` are v2 `field[op]` filters ({"name[contains]": "a"})."""
        params: dict[str, Any] = dict(filters or {})
        if limit is not None:
            params["limit"] = limit
        return self.paginate("/enterprises/", EnterpriseV2, operation="getEnterprises", params=params)

    def create_enterprise(self, body: dict[str, Any]) -> EnterpriseV2:
        """Create a customer; an ambiguous failure is recovered by its name (never a duplicate)."""
        name = str(body["name"])

        def create() -> EnterpriseV2:
            response = self._session.call(
                "POST", PREFIX + "/enterprises/", operation="createEnterprise", json=body
            )
            return EnterpriseV2.model_validate(response.json())

        def find() -> Found[EnterpriseV2] | None:
            found = self.find_enterprise(name)
            return None if found is None else Found(found, found.created)

        return create_once(create, find, what=f"enterprise {name!r}", clock=self._session)

    def find_enterprise(self, name: str) -> EnterpriseV2 | None:
        """The customer named exactly `name`, or None."""
        matches = [e for e in self.get_enterprises(filters={"name[contains]": name}) if e.name == name]
        return matches[0] if matches else None

    def get_enterprise(self, enterprise_logical_id: LogicalId) -> EnterpriseV2:
        response = self._session.call(
            "GET", f"{PREFIX}/enterprises/{quote(enterprise_logical_id)}/", operation="getEnterprise"
        )
        return EnterpriseV2.model_validate(response.json())

    def delete_enterprise(self, enterprise_logical_id: LogicalId) -> None:
        self._session.call(
            "DELETE", f"{PREFIX}/enterprises/{quote(enterprise_logical_id)}/", operation="deleteEnterprise"
        )

    # -- edges -----------------------------------------------------------------------

    def get_enterprise_edges(
        self,
        enterprise_logical_id: LogicalId,
        *,
        limit: int | None = None,
        filters: dict[str, str] | None = None,
    ) -> Iterator[EdgeV2]:
        """Every edge of a customer, page by page (`limit` per page, server cap 2048)."""
        params: dict[str, Any] = dict(filters or {})
        if limit is not None:
            params["limit"] = limit
        path = f"/enterprises/{quote(enterprise_logical_id)}/edges/"
        return self.paginate(path, EdgeV2, operation="getEnterpriseEdges", params=params)

    def create_edge(self, enterprise_logical_id: LogicalId, body: dict[str, Any]) -> EdgeV2:
        """Provision an edge (`createEdge`, `EdgeProvisionSchema`) and return it with its site.

        An ambiguous failure is recovered by the edge's name within the enterprise (never a duplicate).
        """
        path = f"{PREFIX}/enterprises/{quote(enterprise_logical_id)}/edges/"
        name = str(body.get("name") or "")

        def create() -> EdgeV2:
            response = self._session.call(
                "POST", path, operation="createEdge", json=body, params={"include": "site"}
            )
            return EdgeV2.model_validate(response.json())

        def find() -> Found[EdgeV2] | None:
            found = self.get_enterprise_edges(enterprise_logical_id, filters={"name[is]": name})
            match = next((e for e in found if e.name == name), None)
            if match is None:
                return None
            edge = self.get_enterprise_edge(enterprise_logical_id, match.logical_id)
            return Found(edge, edge.created)

        return create_once(create, find, what=f"edge {name!r}", clock=self._session)

    def get_enterprise_edge(self, enterprise_logical_id: LogicalId, edge_logical_id: LogicalId) -> EdgeV2:
        """One edge, with its site."""
        path = f"{PREFIX}/enterprises/{quote(enterprise_logical_id)}/edges/{quote(edge_logical_id)}/"
        response = self._session.call("GET", path, operation="getEnterpriseEdge", params={"include": "site"})
        return EdgeV2.model_validate(response.json())

    def update_edge(
        self, enterprise_id: LogicalId, edge_id: LogicalId, patch: list[dict[str, Any]]
    ) -> EdgeV2:
        """Apply one RFC 6902 JSON Patch to an edge (`updateEdge`); ids are logicalIds."""
        path = f"{PREFIX}/enterprises/{quote(enterprise_id)}/edges/{quote(edge_id)}/"
        response = self._session.call("PATCH", path, operation="updateEdge", json=patch, idempotent=True)
        return EdgeV2.model_validate(response.json())

    def delete_edge(self, enterprise_logical_id: LogicalId, edge_logical_id: LogicalId) -> None:
        path = f"{PREFIX}/enterprises/{quote(enterprise_logical_id)}/edges/{quote(edge_logical_id)}/"
        self._session.call("DELETE", path, operation="deleteEdge")

    # -- device settings (asynchronous writes) ----------------------------------------

    def _device_settings_path(self, enterprise_id: LogicalId, kind: str, object_id: LogicalId) -> str:
        return f"{PREFIX}/enterprises/{quote(enterprise_id)}/{kind}/{quote(object_id)}/deviceSettings"

    def get_profile_device_settings(self, enterprise_id: LogicalId, profile_id: LogicalId) -> dict[str, Any]:
        path = self._device_settings_path(enterprise_id, "profiles", profile_id)
        return dict(self._session.call("GET", path, operation="getEnterpriseProfileDeviceSettings").json())

    def get_edge_device_settings(self, enterprise_id: LogicalId, edge_id: LogicalId) -> dict[str, Any]:
        path = self._device_settings_path(enterprise_id, "edges", edge_id)
        return dict(self._session.call("GET", path, operation="getEdgeProfileDeviceSettings").json())

    def update_profile_device_settings(
        self,
        enterprise_id: LogicalId,
        profile_id: LogicalId,
        patch: list[dict[str, Any]],
        *,
        confirm: Callable[[], bool] | None = None,
    ) -> dict[str, Any]:
        """PATCH (JSON Patch) a profile's device settings and wait for the operation to end
        (`confirm`: see `async_operations.wait_for_operation`)."""
        path = self._device_settings_path(enterprise_id, "profiles", profile_id)
        return self._write_and_wait(
            "PATCH", path, patch, "updateEnterpriseProfileDeviceSettings", confirm=confirm
        )

    def update_edge_device_settings(
        self,
        enterprise_id: LogicalId,
        edge_id: LogicalId,
        patch: list[dict[str, Any]],
        *,
        confirm: Callable[[], bool] | None = None,
    ) -> dict[str, Any]:
        path = self._device_settings_path(enterprise_id, "edges", edge_id)
        return self._write_and_wait("PATCH", path, patch, "updateEdgeProfileDeviceSettings", confirm=confirm)

    def _write_and_wait(
        self, method: str, path: str, body: Any, operation: str, *, confirm: Callable[[], bool] | None = None
    ) -> dict[str, Any]:
        """Send an asynchronous write; 202 + Location is polled until DONE (200 is done already).

        Not repeated after it may have been carried out (a JSON Patch that removes a key fails the
        second time, and one computed from an older document may undo someone's change): such a
        failure is `ambiguous`, and the caller re-reads the document to decide.
        """
        response = self._session.call(method, path, operation=operation, json=body, idempotent=False)
        location = response.headers.get("Location")
        if response.status_code == 202 and location:
            return wait_for_operation(
                self._session,
                location,
                operation=operation,
                timeout=self._session.async_timeout,
                confirm=confirm,
            )
        return dict(response.json()) if response.content else {}
