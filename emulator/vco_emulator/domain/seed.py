"""The state a new Orchestrator starts with: one network, an operator user, a gateway pool
with two gateways, an operator profile and the default application map. Logical ids are derived
from fixed names, so they are the same after every reset and in every emulator.
"""

from __future__ import annotations

import uuid

from ..store import Record, Tx
from . import application_catalogue, gateways, roles
from .auth import OPERATOR_USER

_NAMESPACE = uuid.UUID("5b0a4f0e-6a53-4c55-9a8e-0c2d1f7e9a10")

OPERATOR_USERNAME = "super@velocloud.net"
GATEWAY_POOL_NAME = "Default Pool"
OPERATOR_PROFILE_NAME = "VMware SD-WAN Default Profile"


def seed_logical_id(name: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, name))


APPLICATION_MAP_LOGICAL_ID = seed_logical_id("application-map")


def seed_application_map(tx: Tx, network_id: int) -> Record:
    """The default application map (`application_catalogue`), assigned to every enterprise."""
    return tx.insert(
        "application_map",
        application_catalogue.MAP_NAME,
        {"networkId": network_id, **application_catalogue.map_document()},
        logical_id=APPLICATION_MAP_LOGICAL_ID,
    )


def seed(tx: Tx) -> Record:
    """Insert the seed objects into an empty store; returns the operator user."""
    network = tx.insert(
        "network", "Emulated Network", {"domain": "vco.local"}, logical_id=seed_logical_id("network")
    )
    operator = tx.insert(
        OPERATOR_USER,
        OPERATOR_USERNAME,
        {
            "networkId": network.id,
            "email": OPERATOR_USERNAME,
            "firstName": "Super",
            "lastName": "User",
            "roleId": roles.OPERATOR_SUPERUSER.id,
            "roleName": roles.OPERATOR_SUPERUSER.name,
            "userType": "OPERATOR",
            "isActive": True,
        },
        logical_id=seed_logical_id("operator"),
    )
    pool = tx.insert(
        "gateway_pool",
        GATEWAY_POOL_NAME,
        {
            "networkId": network.id,
            "enterpriseProxyId": None,
            "description": "Gateway pool created by the emulator",
            "isDefault": True,
            "ipV4Enabled": True,
            "ipV6Enabled": False,
            "handOffType": "ALLOW",
        },
        logical_id=seed_logical_id("gateway-pool"),
    )
    tx.insert(
        "operator_profile",
        OPERATOR_PROFILE_NAME,
        {
            "networkId": network.id,
            "description": "Operator profile created by the emulator",
            "configurationType": "SEGMENT_BASED",
            "version": "1",
            "schemaVersion": "5.1.0",
            "bastionState": "UNCONFIGURED",
        },
        logical_id=seed_logical_id("operator-profile"),
    )
    gateways.seed_gateways(tx, network.id, pool.id, seed_logical_id)
    seed_application_map(tx, network.id)
    tx.set_meta("seed_max_id", str(operator.id))
    return operator


def operator_user(tx: Tx) -> Record:
    found = tx.find(OPERATOR_USER, name=OPERATOR_USERNAME)
    if not found:
        raise RuntimeError("the store has no seeded operator user")
    return found[0]
