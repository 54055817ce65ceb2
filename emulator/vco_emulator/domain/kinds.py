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
- edge: see domain/edges.py; profiles rely on `configurationId` (id of the enterprise profile
  the edge uses) and `edgeSpecificConfigurationId` (id of its edge-specific profile)
- async_operation (name = its logicalId, the id in /api/sdwan/v2/asyncOperations/{id}):
  operation (executor name, e.g. "deviceSettings"), status (ACCEPTED/DONE/ERROR), target
  (what it changes, e.g. "configuration:<id>:deviceSettings"; operations on one target apply
  in order), resource (v2 `_href` of that resource), request (what to apply: apiOperation,
  configurationId, kind "replace"/"patch", body, href, enterpriseLogicalId), dueAt (epoch
  seconds when it may run), message and errors ([{path, message}]) when ERROR;
  see domain/async_operations.py
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
