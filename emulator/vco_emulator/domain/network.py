"""Operator-level objects of the network: gateway pools and operator profiles."""

from __future__ import annotations

from ..store import Record, Tx
from .auth import Principal


def list_gateway_pools(tx: Tx, principal: Principal) -> list[Record]:
    principal.require_operator()
    return tx.find("gateway_pool")


def list_operator_profiles(tx: Tx, principal: Principal) -> list[Record]:
    principal.require_operator()
    return tx.find("operator_profile")
