"""The kinds of stored objects, and the fields each keeps in its JSON `data`.

One place that says what every `objects` row means, so that each domain module reads and
writes the others' objects the same way.

Each row has a `kind`, an optional owning `enterprise_id`, a `name` and JSON `data`
(v1 field names):

- network (no enterprise; name): domain
- operator_user / enterprise_user (name = username): email, firstName, lastName, roleName,
  userType, isActive; enterprise users also passwordSha256
- gateway_pool (no enterprise): networkId, isDefault, handOffType, ...
- operator_profile (no enterprise): description, configurationType, version, schemaVersion
- enterprise (no enterprise; name = customer name): see domain/enterprises.py
- configuration (a profile): description, configurationType, version, schemaVersion,
  bastionState, isStaging, derivedFromId, edgeSpecific (bool), edgeId (int or null)
- configuration_module (name = module name): configurationId, type ("ENTERPRISE"),
  description, schemaVersion, version, data (the module document), refs
- network_segment: segmentId (0 = Global Segment), type (REGULAR/CDE/PRIVATE), description, data
- edge: see domain/edges.py
- async_operation (name = operation id): see domain/async_operations.py
- event (enterprise_id = the enterprise it concerns, None for operator-level writes; name =
  the event, e.g. CREATE_ENTERPRISE): one per successful API write, see domain/events.py.
  event, category, severity, message, detail (JSON text), operation, api ("v1"/"v2"),
  username, userId, objectKind, objectId, objectLogicalId, edgeId (int or null)
"""

NETWORK = "network"
OPERATOR_USER = "operator_user"
ENTERPRISE_USER = "enterprise_user"
GATEWAY_POOL = "gateway_pool"
OPERATOR_PROFILE = "operator_profile"
ENTERPRISE = "enterprise"
CONFIGURATION = "configuration"
CONFIGURATION_MODULE = "configuration_module"
NETWORK_SEGMENT = "network_segment"
EDGE = "edge"
ASYNC_OPERATION = "async_operation"
EVENT = "event"
