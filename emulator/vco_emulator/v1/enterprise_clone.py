"""v1 enterprise/cloneEnterpriseV2 (behaviour: `domain/enterprise_clones.py`): answers the new
enterprise as `enterprise/getEnterprise` shows it. Not implemented: `with` (accepted, ignored)."""

from __future__ import annotations

from typing import Any

from ..domain import enterprise_clones
from ..domain.auth import Principal
from ..store import Tx
from .enterprise import enterprise_object
from .rpc import method


@method("enterprise/cloneEnterpriseV2")
def clone_enterprise_v2(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    return enterprise_object(enterprise_clones.clone_enterprise(tx, principal, params))
