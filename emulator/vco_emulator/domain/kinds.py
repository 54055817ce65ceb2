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
EDGE = "edge"
SITE = "site"
ASYNC_OPERATION = "async_operation"
