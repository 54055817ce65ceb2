"""Enterprise services of one type (non-SD-WAN destinations, hub clusters): finding one by name or
numeric id, and the error for a name taken by a service the stack does not manage.

Not done here: creating, changing or deleting services (each resource does, with its own document).
"""

from __future__ import annotations

from ..client import VcoClient
from ..client.errors import NotFound
from ..ids import VcoId
from ..models.enterprise_service import EnterpriseServiceV1
from .errors import VcoResourceError


def service_named(client: VcoClient, enterprise: VcoId, type: str, name: str) -> EnterpriseServiceV1 | None:
    """The enterprise's service of this type named exactly `name`, or None."""
    return next((s for s in client.v1.get_enterprise_services(enterprise, type=type) if s.name == name), None)


def service_by_id(
    client: VcoClient, enterprise: VcoId, type: str, numeric: VcoId, what: str
) -> EnterpriseServiceV1:
    """The enterprise's service of this type with this numeric id (`NotFound` naming `what` if none)."""
    for service in client.v1.get_enterprise_services(enterprise, type=type):
        if service.id == numeric:
            return service
    raise NotFound(
        f"enterprise {enterprise} has no {what} {numeric}", operation="enterprise/getEnterpriseServices"
    )


def name_taken(label: str, what: str, existing: EnterpriseServiceV1) -> VcoResourceError:
    """The error for a create whose name an unmanaged service of the same type holds."""
    return VcoResourceError(
        f"{label}: the enterprise already has a {what} named {existing.name!r} "
        f"(logicalId {existing.logical_id}) that this stack does not manage; set adopt=True to manage it"
    )
