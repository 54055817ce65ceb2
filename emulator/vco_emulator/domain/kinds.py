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
- configuration (`PROFILE`: a profile, the v1 object name): description, configurationType,
  version, schemaVersion, bastionState, isStaging, derivedFromId, edgeSpecific (bool), edgeId
  (int or null)
- configuration_module (`PROFILE_MODULE`: a profile's module; name = module name):
  configurationId, type ("ENTERPRISE"), description, schemaVersion, version, data (the module
  document), refs
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
- enterprise_service (name unique per enterprise and type, any case): type (e.g.
  "nvsViaEdgeService"), description, data (the service's document), edgeId, parentGroupId,
  alertsEnabled, operatorAlertsEnabled; profiles' modules reference it by its logicalId;
  see domain/enterprise_services.py
- edge (name = edge name, "" when it has none): configurationId (the enterprise profile it
  uses: a non-edge-specific `configuration` of the same enterprise), edgeSpecificConfigurationId
  (its edge-specific `configuration`, created and deleted with it), siteId (its `site` row),
  serialNumber, modelNumber, deviceFamily, description, customInfo, activationKey
  ("ABCD-EFGH-IJKL-MNOP"), activationKeyExpires, activationState (PENDING at provisioning),
  activationTime, edgeState (NEVER_ACTIVATED at provisioning), edgeStateTime, isLive (bool),
  lastContact, systemUpSince, serviceUpSince, serviceState, softwareVersion, buildNumber,
  softwareUpdated, factorySoftwareVersion, factoryBuildNumber, platformFirmwareVersion,
  platformBuildNumber, modemFirmwareVersion, modemBuildNumber, lteRegion, selfMacAddress,
  deviceId, dnsName, alertsEnabled, operatorAlertsEnabled (bools), bastionState,
  endpointPkiMode, haEnabled, haState, haPreviousState, haLastContact, haSerialNumber,
  analyticsMode. Times are ISO 8601 UTC strings or null. See domain/edges.py.
- site (an edge's site; name = site name, "" when none): contactName, contactPhone,
  contactMobile, contactEmail, streetAddress, streetAddress2, city, state, country, postalCode,
  lat, lon, timezone, locale, shippingSameAsLocation (bool or null), shippingContactName,
  shippingAddress, shippingAddress2, shippingCity, shippingState, shippingCountry,
  shippingPostalCode
- composite_role (a custom role of an enterprise; name unique per enterprise, any case): description,
  functionalRoleIds (ids of domain/functional_roles.py), userType ("ENTERPRISE"); its API id is
  `custom_roles.ROLE_ID_BASE` + the row id (so it never meets a system role id); users hold it as
  their roleId; see domain/custom_roles.py
- enterprise_alert_configuration (name = alert definition name, one per enterprise and definition):
  alertDefinitionId, enabled, firstNotificationSeconds, maxNotifications,
  notificationIntervalSeconds, resetIntervalSeconds; see domain/alerts.py. The enterprise's alert
  recipients live in the enterprise's data `alertRecipients`, its capabilities in `capabilities`
  and its delegation flags in `delegation` (domain/enterprise_settings.py)
- event (enterprise_id = the enterprise it concerns, None for operator-level writes; name =
  the event, e.g. CREATE_ENTERPRISE): one per successful API write, see domain/events.py.
  event, category, severity, message, detail (JSON text), operation, api ("v1"/"v2"),
  username, userId, objectKind, objectId, objectLogicalId, edgeId (int or null)
- application_map (no enterprise; name = map name): networkId, type, description, version,
  manifest, fileName, uploadDetails, contentRefreshed (time of the last content refresh or null);
  its applications are the static catalogue of domain/application_catalogue.py; see
  domain/applications.py
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
ENTERPRISE_PROXY = "enterprise_proxy"
ENTERPRISE_PROXY_USER = "enterprise_proxy_user"
GATEWAY_POOL = "gateway_pool"
OPERATOR_PROFILE = "operator_profile"
ENTERPRISE = "enterprise"
PROFILE = "configuration"  # the v1 object name of a profile
PROFILE_MODULE = "configuration_module"  # the v1 object name of a profile's module
NETWORK_SEGMENT = "network_segment"
ENTERPRISE_PROPERTY = "enterprise_property"
OBJECT_GROUP = "object_group"
ENTERPRISE_SERVICE = "enterprise_service"
EDGE = "edge"
SITE = "site"
ASYNC_OPERATION = "async_operation"
APPLICATION_MAP = "application_map"
EVENT = "event"
COMPOSITE_ROLE = "composite_role"
ALERT_CONFIGURATION = "enterprise_alert_configuration"
