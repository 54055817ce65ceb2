"""v1 portal operations (`POST /portal/rest/<group>/<method>`), one method per operation."""

from __future__ import annotations

from typing import Any

from ..models.enterprise import EnterpriseRef, EnterpriseV1, GatewayPool, OperatorProfile, RowsModified
from .errors import NotFound
from .session import ApiSession

PREFIX = "/portal/rest/"
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

    def get_enterprise(self, enterprise_id: int) -> EnterpriseV1:
        return EnterpriseV1.model_validate(
            self.call("enterprise/getEnterprise", {"enterpriseId": enterprise_id})
        )

    def update_enterprise(self, enterprise_id: int, update: dict[str, Any]) -> int:
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
