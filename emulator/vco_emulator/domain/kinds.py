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
- network_segment (name = segment name, unique per enterprise): segmentId (int, 0 = Global Segment,
  unique per enterprise, never changes), type (REGULAR/CDE/PRIVATE), description (null), data (the
  spec's `network_segment_data` without segmentId: serviceVlan (1..4094 or null),
  delegateToEnterprise, delegateToEnterpriseProxy (bools, default true)); see domain/segments.py
- enterprise_property (name = property name, e.g. "vco.enterprise.segments.maximum"): value (string),
  dataType (STRING/NUMBER/BOOLEAN/JSON/DATE/DATETIME), isPassword, description
- object_group (name unique per enterprise and type): type ("address_group" or "port_group"),
  description, data (list of entries: address groups {ip, mask?, rule_type} or {domain}; port
  groups {proto, port_low, port_high?}); modules reference a group by its logicalId (e.g. a
  firewall rule's match.sAddressGroup / dPortGroup); see domain/object_groups.py
- edge: see domain/edges.py
- async_operation (name = operation id): see domain/async_operations.py
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
ENTERPRISE_PROPERTY = "enterprise_property"
OBJECT_GROUP = "object_group"
EDGE = "edge"
ASYNC_OPERATION = "async_operation"
