"""v1 portal operations (`POST /portal/rest/<group>/<method>`), one method per operation.

Methods are named after the API's operations (`get_configuration` is `configuration/getConfiguration`);
their parameters and results use the provider's names: a *profile* is what the API calls a
configuration (`profile_id` is sent as `configurationId` or `id`). Numeric ids are `VcoId`s.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from pydantic import BaseModel

from ..ids import LogicalId, VcoId
from ..models.access import Delegated, RoleObjectV1
from ..models.alert import AlertConfigurationV1, AlertDefinitionV1, AlertRecipientsV1
from ..models.api_token import ApiTokenV1
from ..models.application import ApplicationCatalogue
from ..models.edge import EdgeListed, EdgeProvisioned, EdgeRef, EdgeV1, Reactivation
from ..models.enterprise import (
    EnterpriseProperty,
    EnterpriseRef,
    EnterpriseV1,
    GatewayPool,
    OperatorProfile,
    RowsModified,
)
from ..models.enterprise_service import (
    EnterpriseServiceV1,
    GatewayPoolWithGateways,
    RouteConfigurationV1,
)
from ..models.object_group import ObjectGroupV1
from ..models.profile import ProfileModuleV1, ProfileV1, ProfileWithModules
from ..models.segment import Inserted, NetworkSegmentV1
from ..models.user import EnterpriseUserV1, RoleV1
from .errors import NotFound, VcoError
from .idempotency import Found, create_once
from .session import ApiSession

PREFIX = "/portal/rest/"
M = TypeVar("M", bound=BaseModel)
# v1 methods that only read, or that set state to given values, may be repeated safely.
_IDEMPOTENT_PREFIXES = ("get", "update", "delete", "set")


class V1Api:
    def __init__(self, session: ApiSession) -> None:
        self._session = session

    def call(self, method: str, params: dict[str, Any]) -> Any:
        """Call v1 method `<group>/<method>` with `params` and return its result."""
        short = method.rsplit("/", 1)[-1]
        response = self._session.call(
            "POST",
            PREFIX + method,
            operation=method,
            json=params,
            idempotent=short.startswith(_IDEMPOTENT_PREFIXES),
        )
        return response.json()

    def paginate(
        self, method: str, params: dict[str, Any], model: type[M], *, limit: int | None = None
    ) -> Iterator[M]:
        """Yield every item of a paged v1 list (`{metaData: {more, nextPageLink}, data}`), page by page."""
        query = dict(params)
        if limit is not None:
            query["limit"] = limit
        while True:
            body = self.call(method, query)
            for item in body.get("data") or []:
                yield model.model_validate(item)
            meta = body.get("metaData") or {}
            if not meta.get("more") or not meta.get("nextPageLink"):
                return
            query = {**dict(params), "nextPageLink": meta["nextPageLink"]}
            if limit is not None:
                query["limit"] = limit

    def get_enterprise_edge_list(
        self, enterprise_id: VcoId, *, limit: int | None = None
    ) -> Iterator[EdgeRef]:
        """Every edge of an enterprise through the paged `enterprise/getEnterpriseEdgeList`."""
        return self.paginate(
            "enterprise/getEnterpriseEdgeList", {"enterpriseId": enterprise_id}, EdgeRef, limit=limit
        )

    def _rows(self, method: str, params: dict[str, Any], what: str) -> int:
        result = RowsModified.model_validate(self.call(method, params))
        if result.rows == 0:
            raise NotFound(
                result.error or f"{what} not found",
                operation=method,
                method="POST",
                url=self._session.base_url + PREFIX + method,
            )
        return result.rows

    def get_enterprise(self, enterprise_id: VcoId) -> EnterpriseV1:
        return EnterpriseV1.model_validate(
            self.call("enterprise/getEnterprise", {"enterpriseId": enterprise_id})
        )

    def get_own_enterprise(self) -> EnterpriseV1:
        """The caller's own enterprise (`enterprise/getEnterprise` without an id: enterprise users)."""
        return EnterpriseV1.model_validate(self.call("enterprise/getEnterprise", {}))

    def update_enterprise(self, enterprise_id: VcoId, update: dict[str, Any]) -> int:
        return self._rows(
            "enterprise/updateEnterprise",
            {"enterpriseId": enterprise_id, "_update": update},
            f"enterprise {enterprise_id}",
        )

    def get_network_enterprises(self) -> list[EnterpriseRef]:
        return [EnterpriseRef.model_validate(e) for e in self.call("network/getNetworkEnterprises", {})]

    def get_network_gateway_pools(self) -> list[GatewayPool]:
        return [GatewayPool.model_validate(p) for p in self.call("network/getNetworkGatewayPools", {})]

    def get_network_configurations(self) -> list[OperatorProfile]:
        return [OperatorProfile.model_validate(p) for p in self.call("network/getNetworkConfigurations", {})]

    def get_enterprise_operator_configuration(self, enterprise_id: VcoId) -> OperatorProfile:
        """The operator profile assigned to an enterprise (operator and partner tokens only)."""
        params = {"enterpriseId": enterprise_id}
        return OperatorProfile.model_validate(
            self.call("enterprise/getEnterpriseOperatorConfiguration", params)
        )

    def get_enterprise_property(self, enterprise_id: VcoId, name: str) -> EnterpriseProperty | None:
        """`enterprise/getEnterpriseProperty` by name; None when the enterprise never set it (a null
        answer; callers treat a NotFound error the same, as Orchestrators may answer either)."""
        params = {"enterpriseId": enterprise_id, "name": name}
        found = self.call("enterprise/getEnterpriseProperty", params)
        return None if found is None else EnterpriseProperty.model_validate(found)

    def update_edge_image_management(self, enterprise_id: VcoId, enabled: bool) -> None:
        """Switch the enterprise's edge image management (operator and partner tokens only)."""
        params = {"enterpriseId": enterprise_id, "edgeImageManagement": enabled}
        self.call("enterprise/updateEdgeImageManagement", params)

    # -- configuration profiles ------------------------------------------------------

    def get_enterprise_configurations(self, enterprise_id: VcoId) -> list[ProfileV1]:
        result = self.call("enterprise/getEnterpriseConfigurations", {"enterpriseId": enterprise_id})
        return [ProfileV1.model_validate(p) for p in result]

    def clone_enterprise_template(
        self, enterprise_id: VcoId, name: str, description: str | None = None
    ) -> VcoId:
        """Create a profile from the enterprise template (with `description`, when given); returns its
        numeric id.

        An ambiguous failure is recovered by the profile's name within the enterprise.
        """

        def create() -> VcoId:
            params: dict[str, Any] = {"enterpriseId": enterprise_id, "name": name}
            if description is not None:
                params["description"] = description
            return VcoId(int(self.call("configuration/cloneEnterpriseTemplate", params)["id"]))

        def find() -> Found[VcoId] | None:
            matches = [p for p in self.get_enterprise_configurations(enterprise_id) if p.name == name]
            newest = max(matches, key=lambda p: p.created or "", default=None)
            return None if newest is None else Found(newest.id, newest.created)

        return create_once(create, find, what=f"profile {name!r}", clock=self._session)

    def get_configuration(self, enterprise_id: VcoId, profile_id: VcoId) -> ProfileV1:
        params = {"enterpriseId": enterprise_id, "id": profile_id}
        result = self.call("configuration/getConfiguration", params)
        if not result:
            raise NotFound(f"profile {profile_id} not found", operation="getConfiguration")
        return ProfileV1.model_validate(result)

    def update_configuration(self, enterprise_id: VcoId, profile_id: VcoId, update: dict[str, Any]) -> int:
        params = {"enterpriseId": enterprise_id, "id": profile_id, "_update": update}
        return self._rows("configuration/updateConfiguration", params, f"profile {profile_id}")

    def delete_configuration(self, enterprise_id: VcoId, profile_id: VcoId) -> int:
        params = {"enterpriseId": enterprise_id, "id": profile_id}
        return self._rows("configuration/deleteConfiguration", params, f"profile {profile_id}")

    # -- edges -----------------------------------------------------------------------

    def edge_provision(
        self, enterprise_id: VcoId, params: dict[str, Any], *, find: Callable[[], VcoId | None]
    ) -> EdgeProvisioned:
        """Provision an edge; an ambiguous failure is recovered with `find` (its natural key)."""

        def create() -> EdgeProvisioned:
            return EdgeProvisioned.model_validate(
                self.call("edge/edgeProvision", {"enterpriseId": enterprise_id, **params})
            )

        def existing() -> Found[EdgeProvisioned] | None:
            edge_id = find()
            if edge_id is None:
                return None
            edge = self.get_edge(enterprise_id, edge_id)
            return Found(EdgeProvisioned(id=edge.id, activation_key=edge.activation_key or ""), edge.created)

        return create_once(create, existing, what=f"edge {params.get('name')!r}", clock=self._session)

    def get_edge(self, enterprise_id: VcoId, edge_id: VcoId) -> EdgeV1:
        """`edge/getEdge` by numeric id, with site and profile."""
        return self._edge({"enterpriseId": enterprise_id, "id": edge_id}, edge_id)

    def get_edge_by_logical_id(self, enterprise_id: VcoId, edge_id: LogicalId) -> EdgeV1:
        """`edge/getEdge` by logicalId (no numeric id needed), with site and profile."""
        return self._edge({"enterpriseId": enterprise_id, "logicalId": edge_id}, edge_id)

    def _edge(self, params: dict[str, Any], edge_id: VcoId | LogicalId) -> EdgeV1:
        result = self.call("edge/getEdge", {**params, "with": ["site", "configuration"]})
        if not result:
            raise NotFound(f"edge {edge_id} not found", operation="edge/getEdge")
        return EdgeV1.model_validate(result)

    def get_enterprise_edges_detailed(self, enterprise_id: VcoId) -> list[EdgeListed]:
        """Every edge of an enterprise with its site and profile, in one call (refresh by lists)."""
        params = {"enterpriseId": enterprise_id, "with": ["site", "configuration"]}
        return [EdgeListed.model_validate(e) for e in self.call("enterprise/getEnterpriseEdges", params)]

    def get_enterprise_edges(self, enterprise_id: VcoId) -> list[EdgeRef]:
        """Every edge of an enterprise: ids, logicalIds and names (to map logicalId to id)."""
        params = {"enterpriseId": enterprise_id}
        return [EdgeRef.model_validate(e) for e in self.call("enterprise/getEnterpriseEdges", params)]

    def set_edge_enterprise_configuration(
        self, enterprise_id: VcoId, edge_id: VcoId, profile_id: VcoId
    ) -> None:
        params = {"enterpriseId": enterprise_id, "edgeId": edge_id, "configurationId": profile_id}
        self.call("edge/setEdgeEnterpriseConfiguration", params)

    # -- edge lifecycle: reactivation (RMA), software image ----------------------------

    def edge_request_reactivation(self, enterprise_id: VcoId, edge_id: VcoId) -> Reactivation:
        """`edge/edgeRequestReactivation`: a new activation key for a replacement device (never
        repeated automatically: a second request would issue yet another key)."""
        params = {"enterpriseId": enterprise_id, "edgeId": edge_id}
        return Reactivation.model_validate(self.call("edge/edgeRequestReactivation", params))

    def edge_cancel_reactivation(self, enterprise_id: VcoId, edge_id: VcoId) -> int:
        params = {"enterpriseId": enterprise_id, "edgeId": edge_id}
        return self._rows("edge/edgeCancelReactivation", params, f"pending reactivation of edge {edge_id}")

    def update_edge_admin_password(self, edge_id: VcoId, username: str | None, password: str) -> str:
        """`edge/updateEdgeAdminPassword`: queue new local UI credentials for the edge; the id of
        the queued action. The body holds the password: it is never logged, and errors carry only
        the server's message."""
        params: dict[str, Any] = {"id": edge_id, "password": password}
        if username is not None:
            params["username"] = username
        return str(self.call("edge/updateEdgeAdminPassword", params).get("id"))

    def set_enterprise_operator_configuration(self, enterprise_id: VcoId, profile_id: VcoId) -> None:
        """Make an operator profile (software image) the enterprise's (operator tokens only)."""
        params = {"enterpriseId": enterprise_id, "configurationId": profile_id}
        self.call("enterprise/setEnterpriseOperatorConfiguration", params)

    def get_enterprise_specific_operator_configurations(self, enterprise_id: VcoId) -> list[OperatorProfile]:
        """The operator profiles (software images) assigned to an enterprise."""
        params = {"enterpriseId": enterprise_id}
        result = self.call("enterprise/getEnterpriseSpecificOperatorConfigurations", params)
        return [OperatorProfile.model_validate(p) for p in result]

    def set_edge_operator_configuration(self, enterprise_id: VcoId, edge_id: VcoId, profile_id: VcoId) -> int:
        params = {"enterpriseId": enterprise_id, "edgeId": edge_id, "configurationId": profile_id}
        return self._rows("edge/setEdgeOperatorConfiguration", params, f"edge {edge_id}")

    def unset_edge_operator_configuration(
        self, enterprise_id: VcoId, edge_id: VcoId, profile_id: VcoId
    ) -> int:
        params = {"enterpriseId": enterprise_id, "edgeId": edge_id, "configurationId": profile_id}
        return self._rows("edge/unsetEdgeOperatorConfiguration", params, f"software image of edge {edge_id}")

    # -- API tokens --------------------------------------------------------------------

    def get_api_tokens(self, enterprise_id: VcoId) -> list[ApiTokenV1]:
        """The enterprise's users' tokens (never their values)."""
        result = self.call("enterprise/getApiTokens", {"enterpriseId": enterprise_id})
        items = result if isinstance(result, list) else [result] if result else []  # the spec says one
        return [ApiTokenV1.model_validate(t) for t in items]

    def create_api_token(self, enterprise_id: VcoId, params: dict[str, Any]) -> VcoId:
        """Create a token (`enterpriseUserId`, `name`, `description`, `lifetimeMs`): its numeric id.

        An ambiguous failure is recovered by a not yet downloaded token of the same user and name.
        """
        user, name = params["enterpriseUserId"], str(params["name"])

        def create() -> VcoId:
            body = {"enterpriseId": enterprise_id, **params}
            return Inserted.model_validate(self.call("enterprise/createApiToken", body)).id

        def find() -> Found[VcoId] | None:
            token = next(
                (
                    t
                    for t in self.get_api_tokens(enterprise_id)
                    if t.name == name and t.created_for_enterprise_user_id == user and t.state == "PENDING"
                ),
                None,
            )
            return None if token is None else Found(token.id, token.created)

        return create_once(create, find, what=f"API token {name!r}", clock=self._session)

    def download_api_token(self, enterprise_id: VcoId, token_id: VcoId) -> str:
        """The token's value: the Orchestrator gives it once, on the first download."""
        result = self.call("enterprise/downloadApiToken", {"enterpriseId": enterprise_id, "id": token_id})
        return str(result["token"])

    def revoke_api_token(self, enterprise_id: VcoId, token_id: VcoId) -> int:
        """Revoke a token (NotFound when it is unknown or revoked already)."""
        params = {"enterpriseId": enterprise_id, "id": token_id}
        return self._rows("enterprise/revokeApiToken", params, f"API token {token_id}")

    # -- enterprise services (non-SD-WAN destinations, ...) -------------------------------

    def get_identifiable_applications(self, enterprise_id: VcoId) -> ApplicationCatalogue:
        """The enterprise's application map: every application DPI identifies, and the class names."""
        result = self.call("configuration/getIdentifiableApplications", {"enterpriseId": enterprise_id})
        return ApplicationCatalogue.model_validate(result or {})

    def get_enterprise_services(
        self, enterprise_id: VcoId, *, type: str | None = None
    ) -> list[EnterpriseServiceV1]:
        params: dict[str, Any] = {"enterpriseId": enterprise_id}
        if type is not None:
            params["type"] = type
        result = self.call("enterprise/getEnterpriseServices", params)
        return [EnterpriseServiceV1.model_validate(s) for s in result or []]

    def insert_enterprise_service(self, enterprise_id: VcoId, params: dict[str, Any]) -> VcoId:
        """Create a service (`type`, `name`, `data`); returns its numeric id.

        An ambiguous failure is recovered by the service's name and type within the enterprise.
        """
        name, kind = str(params["name"]), str(params["type"])

        def create() -> VcoId:
            body = {"enterpriseId": enterprise_id, **params}
            return Inserted.model_validate(self.call("enterprise/insertEnterpriseService", body)).id

        def find() -> Found[VcoId] | None:
            services = self.get_enterprise_services(enterprise_id, type=kind)
            service = next((s for s in services if s.name == name), None)
            return None if service is None else Found(service.id, service.created)

        return create_once(create, find, what=f"{kind} {name!r}", clock=self._session)

    def update_enterprise_service(self, enterprise_id: VcoId, id: VcoId, update: dict[str, Any]) -> int:
        params = {"enterpriseId": enterprise_id, "id": id, "_update": update}
        return self._rows("enterprise/updateEnterpriseService", params, f"enterprise service {id}")

    def delete_enterprise_service(self, enterprise_id: VcoId, id: VcoId) -> int:
        params = {"enterpriseId": enterprise_id, "id": id}
        return self._rows("enterprise/deleteEnterpriseService", params, f"enterprise service {id}")

    # -- hub clusters (enterprise services of type edgeHubCluster) -------------------------

    def insert_enterprise_edge_cluster(self, enterprise_id: VcoId, params: dict[str, Any]) -> VcoId:
        """Create a cluster (`name`, `data`, `edges`); returns its numeric id.

        An ambiguous failure is recovered by the cluster's name among the enterprise's hub clusters.
        """
        name = str(params["name"])

        def create() -> VcoId:
            body = {"enterpriseId": enterprise_id, "type": "edgeHubCluster", **params}
            return EnterpriseServiceV1.model_validate(
                self.call("enterprise/insertEnterpriseEdgeCluster", body)
            ).id

        def find() -> Found[VcoId] | None:
            found = self.get_enterprise_services(enterprise_id, type="edgeHubCluster")
            cluster = next((s for s in found if s.name == name), None)
            return None if cluster is None else Found(cluster.id, cluster.created)

        return create_once(create, find, what=f"hub cluster {name!r}", clock=self._session)

    def update_enterprise_edge_cluster(self, enterprise_id: VcoId, id: VcoId, params: dict[str, Any]) -> None:
        """Change a cluster: `_update` (name, data), `addEdges`, `deleteEdges`."""
        self.call(
            "enterprise/updateEnterpriseEdgeCluster", {"enterpriseId": enterprise_id, "id": id, **params}
        )

    # -- overlay flow control --------------------------------------------------------

    def get_enterprise_route_configuration(self, enterprise_id: VcoId) -> RouteConfigurationV1:
        result = self.call("enterprise/getEnterpriseRouteConfiguration", {"enterpriseId": enterprise_id})
        return RouteConfigurationV1.model_validate(result)

    def update_enterprise_route_configuration(
        self, enterprise_id: VcoId, id: VcoId, data: dict[str, Any]
    ) -> int:
        params = {"enterpriseId": enterprise_id, "id": id, "data": data}
        return self._rows("enterprise/updateEnterpriseRouteConfiguration", params, "route configuration")

    # -- gateways --------------------------------------------------------------------

    def get_network_gateway_pools_with_gateways(self) -> list[GatewayPoolWithGateways]:
        """Every gateway pool with its gateways (operator and partner users only)."""
        result = self.call("network/getNetworkGatewayPools", {"with": ["gateways"]})
        return [GatewayPoolWithGateways.model_validate(p) for p in result or []]

    # -- network segments ------------------------------------------------------------

    def get_enterprise_network_segments(self, enterprise_id: VcoId) -> list[NetworkSegmentV1]:
        result = self.call("enterprise/getEnterpriseNetworkSegments", {"enterpriseId": enterprise_id})
        return [NetworkSegmentV1.model_validate(s) for s in result]

    def insert_enterprise_network_segment(self, enterprise_id: VcoId, params: dict[str, Any]) -> VcoId:
        """Create a segment (`name`, `type`, `description`, `data`); returns its numeric id.

        An ambiguous failure is recovered by the segment's name within the enterprise.
        """
        name = str(params["name"])

        def create() -> VcoId:
            body = {"enterpriseId": enterprise_id, **params}
            return Inserted.model_validate(self.call("enterprise/insertEnterpriseNetworkSegment", body)).id

        def find() -> Found[VcoId] | None:
            segments = self.get_enterprise_network_segments(enterprise_id)
            match = next((s for s in segments if s.name.casefold() == name.casefold()), None)
            return None if match is None else Found(match.id, match.created)

        return create_once(create, find, what=f"segment {name!r}", clock=self._session)

    def update_enterprise_network_segment(
        self, enterprise_id: VcoId, id: VcoId, update: dict[str, Any]
    ) -> int:
        params = {"enterpriseId": enterprise_id, "id": id, "_update": update}
        return self._rows("enterprise/updateEnterpriseNetworkSegment", params, f"segment {id}")

    def delete_enterprise_network_segment(self, enterprise_id: VcoId, id: VcoId) -> int:
        params = {"enterpriseId": enterprise_id, "id": id}
        return self._rows("enterprise/deleteEnterpriseNetworkSegment", params, f"segment {id}")

    # -- object groups ---------------------------------------------------------------

    def get_object_groups(
        self, enterprise_id: VcoId, *, type: str | None = None, id: VcoId | None = None
    ) -> list[ObjectGroupV1]:
        params: dict[str, Any] = {"enterpriseId": enterprise_id}
        if type is not None:
            params["type"] = type
        if id is not None:
            params["id"] = id
        return [ObjectGroupV1.model_validate(g) for g in self.call("enterprise/getObjectGroups", params)]

    def insert_object_group(self, enterprise_id: VcoId, params: dict[str, Any]) -> VcoId:
        """Create an object group (`name`, `type`, `description`, `data`); returns its numeric id.

        An ambiguous failure is recovered by the group's name and type within the enterprise.
        """
        name, group_type = str(params["name"]), str(params["type"])

        def create() -> VcoId:
            body = {"enterpriseId": enterprise_id, **params}
            return Inserted.model_validate(self.call("enterprise/insertObjectGroup", body)).id

        def find() -> Found[VcoId] | None:
            groups = self.get_object_groups(enterprise_id, type=group_type)
            match = next((g for g in groups if g.name.casefold() == name.casefold()), None)
            return None if match is None else Found(match.id, match.created)

        return create_once(create, find, what=f"{group_type} {name!r}", clock=self._session)

    def update_object_group(self, enterprise_id: VcoId, id: VcoId, fields: dict[str, Any]) -> int:
        params = {"enterpriseId": enterprise_id, "id": id, **fields}
        return self._rows("enterprise/updateObjectGroup", params, f"object group {id}")

    def delete_object_group(self, enterprise_id: VcoId, id: VcoId) -> int:
        params = {"enterpriseId": enterprise_id, "id": id}
        return self._rows("enterprise/deleteObjectGroup", params, f"object group {id}")

    # -- enterprise users ------------------------------------------------------------

    def get_enterprise_users(self, enterprise_id: VcoId) -> list[EnterpriseUserV1]:
        result = self.call("enterprise/getEnterpriseUsers", {"enterpriseId": enterprise_id})
        return [EnterpriseUserV1.model_validate(u) for u in result]

    def get_enterprise_user(self, enterprise_id: VcoId, id: VcoId) -> EnterpriseUserV1:
        params = {"enterpriseId": enterprise_id, "id": id}
        result = self.call("enterpriseUser/getEnterpriseUser", params)
        if not result:
            raise NotFound(f"enterprise user {id} not found", operation="enterpriseUser/getEnterpriseUser")
        return EnterpriseUserV1.model_validate(result)

    def insert_enterprise_user(self, enterprise_id: VcoId, user: dict[str, Any]) -> VcoId:
        """Create an enterprise user (`new_enterprise_user`); returns its numeric id.

        An ambiguous failure is recovered by the username within the enterprise. The body
        holds the password: it is never logged, and errors carry only the server's message.
        """
        username = str(user["username"])

        def create() -> VcoId:
            body = {"enterpriseId": enterprise_id, **user}
            return Inserted.model_validate(self.call("enterprise/insertEnterpriseUser", body)).id

        def find() -> Found[VcoId] | None:
            users = self.get_enterprise_users(enterprise_id)
            match = next((u for u in users if u.username.casefold() == username.casefold()), None)
            return None if match is None else Found(match.id, match.created)

        return create_once(create, find, what=f"enterprise user {username!r}", clock=self._session)

    def update_enterprise_user(self, enterprise_id: VcoId, id: VcoId, update: dict[str, Any]) -> int:
        params = {"enterpriseId": enterprise_id, "id": id, "_update": update}
        return self._rows("enterpriseUser/updateEnterpriseUser", params, f"enterprise user {id}")

    def delete_enterprise_user(self, enterprise_id: VcoId, id: VcoId) -> int:
        params = {"enterpriseId": enterprise_id, "id": id}
        return self._rows("enterpriseUser/deleteEnterpriseUser", params, f"enterprise user {id}")

    def get_user_type_roles(self, user_type: str) -> list[RoleV1]:
        result = self.call("role/getUserTypeRoles", {"userType": user_type})
        return [RoleV1.model_validate(r) for r in result]

    # -- custom roles, delegation ----------------------------------------------------

    def get_functional_roles(self, enterprise_id: VcoId) -> list[RoleObjectV1]:
        params = {"userType": "ENTERPRISE", "enterpriseId": enterprise_id}
        return [RoleObjectV1.model_validate(r) for r in self.call("functionalRole/getByEnterprise", params)]

    def get_composite_roles(self, enterprise_id: VcoId) -> list[RoleObjectV1]:
        params = {"userTypes": ["ENTERPRISE"], "enterpriseId": enterprise_id}
        return [RoleObjectV1.model_validate(r) for r in self.call("compositeRole/getByEnterprise", params)]

    def create_composite_role(
        self, enterprise_id: VcoId, name: str, description: str, functional_role_ids: list[int]
    ) -> VcoId:
        """Create a custom role; an ambiguous failure is recovered by its name within the enterprise."""

        def create() -> VcoId:
            body = {
                "userType": "ENTERPRISE",
                "enterpriseId": enterprise_id,
                "name": name,
                "description": description,
                "functionalRoleIds": functional_role_ids,
            }
            return Inserted.model_validate(self.call("compositeRole/createByEnterprise", body)).id

        def find() -> Found[VcoId] | None:
            roles = self.get_composite_roles(enterprise_id)
            match = next((r for r in roles if r.name.casefold() == name.casefold()), None)
            return None if match is None else Found(match.id, match.created)

        return create_once(create, find, what=f"custom role {name!r}", clock=self._session)

    def update_composite_role(self, enterprise_id: VcoId, role_id: VcoId, update: dict[str, Any]) -> None:
        self.call(
            "compositeRole/updateByEnterprise",
            {"enterpriseId": enterprise_id, "roleId": role_id, "_update": update},
        )

    def delete_composite_role(self, enterprise_id: VcoId, role_id: VcoId) -> None:
        self.call("compositeRole/deleteByEnterprise", {"enterpriseId": enterprise_id, "roleIds": [role_id]})

    def is_enterprise_delegated(self, enterprise_id: VcoId, method: str) -> bool:
        """`role/isEnterprise<what>DelegatedTo<whom>` (served by real VCOs, absent from the 5.1 spec)."""
        return Delegated.model_validate(
            self.call(f"role/is{method}", {"enterpriseId": enterprise_id})
        ).is_delegated

    def set_enterprise_delegated(self, enterprise_id: VcoId, method: str, value: bool) -> bool:
        """`role/setEnterprise<what>DelegatedTo<whom>`; only the customer's own users may call it."""
        params: dict[str, Any] = {"isDelegated": value}
        if method == "EnterpriseDelegatedToEnterpriseProxy":  # the only one declaring enterpriseId
            params["enterpriseId"] = enterprise_id
        return Delegated.model_validate(self.call(f"role/set{method}", params)).is_delegated

    # -- alerts ----------------------------------------------------------------------

    def get_enterprise_alert_definitions(self, enterprise_id: VcoId) -> list[AlertDefinitionV1]:
        result = self.call("enterprise/getEnterpriseAlertDefinitions", {"enterpriseId": enterprise_id})
        return [AlertDefinitionV1.model_validate(d) for d in result]

    def get_enterprise_alert_configurations(self, enterprise_id: VcoId) -> list[AlertConfigurationV1]:
        result = self.call("enterprise/getEnterpriseAlertConfigurations", {"enterpriseId": enterprise_id})
        return [AlertConfigurationV1.model_validate(c) for c in result]

    def insert_or_update_enterprise_alert_configurations(
        self, enterprise_id: VcoId, configurations: list[dict[str, Any]]
    ) -> None:
        params = {"enterpriseId": enterprise_id, "enterpriseAlertConfigurations": configurations}
        self.call("enterprise/insertOrUpdateEnterpriseAlertConfigurations", params)

    def get_enterprise_all_alerts_recipients(self, enterprise_id: VcoId) -> AlertRecipientsV1:
        result = self.call("enterprise/getEnterpriseAllAlertsRecipients", {"enterpriseId": enterprise_id})
        return AlertRecipientsV1.model_validate(result)

    def set_enterprise_all_alerts_recipients(self, enterprise_id: VcoId, recipients: dict[str, Any]) -> None:
        """Replace the recipient lists named in `recipients` (webhook URLs may hold secrets: never logged)."""
        self.call(
            "enterprise/setEnterpriseAllAlertsRecipients", {"enterpriseId": enterprise_id, **recipients}
        )

    # -- configuration modules -------------------------------------------------------

    def get_configuration_with_modules(self, enterprise_id: VcoId, profile_id: VcoId) -> ProfileWithModules:
        """A profile with its modules (`configuration/getConfiguration` with `modules`)."""
        params = {"enterpriseId": enterprise_id, "id": profile_id, "with": ["modules"]}
        result = self.call("configuration/getConfiguration", params)
        if not result:
            raise NotFound(f"profile {profile_id} not found", operation="getConfiguration")
        return ProfileWithModules.model_validate(result)

    def get_configuration_modules(
        self,
        enterprise_id: VcoId,
        profile_id: VcoId,
        modules: list[str] | None = None,
        *,
        with_data: bool = True,
    ) -> list[ProfileModuleV1]:
        """The modules of a profile (only those named in `modules` when given); `with_data=False`
        leaves their documents out (`noData`)."""
        params: dict[str, Any] = {"enterpriseId": enterprise_id, "configurationId": profile_id}
        if modules is not None:
            params["modules"] = modules
        if not with_data:
            params["noData"] = True
        result = self.call("configuration/getConfigurationModules", params)
        return [ProfileModuleV1.model_validate(m) for m in result or []]

    def update_configuration_module(
        self, enterprise_id: VcoId, module_id: VcoId, update: dict[str, Any]
    ) -> int:
        """`configuration/updateConfigurationModule`; `update` is the `_update` object (`data` replaces
        the whole document; a `description` alone leaves the data alone)."""
        params = {"enterpriseId": enterprise_id, "configurationModuleId": module_id, "_update": update}
        return self._rows(
            "configuration/updateConfigurationModule", params, f"configuration module {module_id}"
        )

    def insert_configuration_module(
        self, enterprise_id: VcoId, profile_id: VcoId, name: str, data: dict[str, Any]
    ) -> VcoId:
        """`configuration/insertConfigurationModule`: a new module `name` in a profile; its numeric id.

        An ambiguous failure is recovered by the module's name within the profile (a profile
        holds at most one module of a name), never sent twice.
        """

        body = {"enterpriseId": enterprise_id, "configurationId": profile_id, "name": name, "data": data}
        try:
            return Inserted.model_validate(self.call("configuration/insertConfigurationModule", body)).id
        except VcoError as exc:
            if not exc.ambiguous:
                raise
            # Whoever inserted it, the module of this name is the profile's one module: using it is
            # safe, as every write to it is a verified read-modify-write (mechanisms/module_writer).
            found = self.get_configuration_modules(enterprise_id, profile_id, [name], with_data=False)
            module = next((m.id for m in found if m.name == name), None)
            if module is None:
                raise
            return module

    def get_edge_configuration_stack(self, enterprise_id: VcoId, edge_id: VcoId) -> list[ProfileWithModules]:
        """The edge-specific profile, then the edge's enterprise profile, each with its modules."""
        params = {"enterpriseId": enterprise_id, "edgeId": edge_id}
        result = self.call("edge/getEdgeConfigurationStack", params)
        return [ProfileWithModules.model_validate(p) for p in result or []]
