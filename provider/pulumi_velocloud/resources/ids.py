"""logicalId -> numeric id, cached per provider process.

Resources are addressed by logicalId (the Pulumi id) but the v1 API wants numeric ids.
The mapping of an object never changes and logicalIds are never reused, so it is cached
for the life of the provider process: a stack of 1000 edges in one enterprise resolves
the enterprise and its profiles once, not once per edge.
"""

from __future__ import annotations

import threading

from ..client import VcoClient
from ..client.errors import NotFound

_lock = threading.Lock()
_enterprises: dict[tuple[str, str], int] = {}
_profiles: dict[tuple[str, str], int] = {}


def remember_enterprise(client: VcoClient, logical_id: str, vco_id: int) -> None:
    with _lock:
        _enterprises[(client.base_url, logical_id)] = vco_id


def enterprise_vco_id(client: VcoClient, logical_id: str) -> int:
    """The numeric id of the enterprise with this logicalId."""
    key = (client.base_url, logical_id)
    with _lock:
        if key in _enterprises:
            return _enterprises[key]
    refs = client.v1.get_network_enterprises()
    with _lock:
        for ref in refs:
            _enterprises[(client.base_url, ref.logical_id)] = ref.id
        if key in _enterprises:
            return _enterprises[key]
    raise NotFound(f"no enterprise has logicalId {logical_id!r}", operation="network/getNetworkEnterprises")


def remember_profile(client: VcoClient, logical_id: str, vco_id: int) -> None:
    with _lock:
        _profiles[(client.base_url, logical_id)] = vco_id


def profile_vco_id(client: VcoClient, enterprise_id: int, logical_id: str) -> int:
    """The numeric id of the profile with this logicalId in the enterprise with this numeric id."""
    key = (client.base_url, logical_id)
    with _lock:
        if key in _profiles:
            return _profiles[key]
    profiles = client.v1.get_enterprise_configurations(enterprise_id)
    with _lock:
        for profile in profiles:
            if profile.logical_id:
                _profiles[(client.base_url, profile.logical_id)] = profile.id
        if key in _profiles:
            return _profiles[key]
    raise NotFound(
        f"enterprise {enterprise_id} has no profile with logicalId {logical_id!r}",
        operation="enterprise/getEnterpriseConfigurations",
    )
