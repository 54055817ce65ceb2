"""The kinds of stored objects, and the fields each keeps in its JSON `data`.

API tokens and login sessions are not objects: they live in the store's `api_tokens` and
`sessions` tables, keyed by the SHA-256 of the secret (domain/tokens.py, domain/auth.py).

One place that says what every `objects` row means, so that each domain module reads and
writes the others' objects the same way.

Each row has a `kind`, an optional owning `enterprise_id`, a `name` and JSON `data`
(v1 field names):

- network (no enterprise; name): domain
- operator_user / enterprise_proxy_user / enterprise_user (name = username, unique across
  the three kinds, case-insensitive; enterprise users have enterprise_id set): see
  domain/users.py. email, firstName, lastName, officePhone, mobilePhone, roleId and roleName
  (domain/roles.py), userType (OPERATOR / MSP / ENTERPRISE), isActive, isLocked, isNative,
  disableSecondFactor, sshUsername, accessLevel, lastLogin, passwordModified,
  passwordHash (salted scrypt, domain/passwords.py; never shown), enterpriseProxyId
  (partner users only), networkId
- enterprise_proxy (a partner / MSP; no enterprise; name): networkId, description,
  proxyType ("MSP"); its customers are the enterprises whose data.enterpriseProxyId is its id
- gateway_pool (no enterprise): networkId, isDefault, handOffType, ...
- operator_profile (no enterprise): description, configurationType, version, schemaVersion
- enterprise (no enterprise; name = customer name): see domain/enterprises.py;
  enterpriseProxyId = the partner that manages it, or null
- configuration (a profile): description, configurationType, version, schemaVersion,
  bastionState, isStaging, derivedFromId, edgeSpecific (bool), edgeId (int or null)
- configuration_module (name = module name): configurationId, type ("ENTERPRISE"),
  description, schemaVersion, version, data (the module document), refs
- network_segment: segmentId (0 = Global Segment), type (REGULAR/CDE/PRIVATE), description, data
- edge: see domain/edges.py
- async_operation (name = operation id): see domain/async_operations.py
"""

NETWORK = "network"
OPERATOR_USER = "operator_user"
ENTERPRISE_USER = "enterprise_user"
ENTERPRISE_PROXY = "enterprise_proxy"
ENTERPRISE_PROXY_USER = "enterprise_proxy_user"
GATEWAY_POOL = "gateway_pool"
OPERATOR_PROFILE = "operator_profile"
ENTERPRISE = "enterprise"
CONFIGURATION = "configuration"
CONFIGURATION_MODULE = "configuration_module"
NETWORK_SEGMENT = "network_segment"
EDGE = "edge"
ASYNC_OPERATION = "async_operation"
