"""The mechanisms resources are built from; `resources/` holds the resources themselves.

A resource module declares what is particular to one object (its Args, Outputs, spec and
CRUD). What several resources share is here, one role per module:

| module | role |
|---|---|
| `spec.py` | `ResourceSpec`, the one definition of a resource; `SpecFamily`, what a kind shares |
| `provider_base.py` | `VcoProvider`: configure, check and diff driven by the spec |
| `provider_workers.py` | how many engine requests Pulumi's dynamic-provider host serves at once |
| `declare.py` | the Pulumi `Resource` class of a spec: constructor, inputs bag, secret options |
| `errors.py` | `VcoResourceError` and `vco_errors`: what a user sees when a call fails |
| `enterprise_object.py` | read, update, delete of a v1 object of one enterprise (profile, segment, ...) |
| `enterprise_service.py` | enterprise services of one type by name or id (destinations, hub clusters) |
| `address.py` | the contact and address inputs of enterprises and sites |
| `object_group.py` | the lifecycle of v1 object groups (`AddressGroup`, `PortGroup`) |
| `module_edits.py` | pure edits of a configuration module's document (rules placed by position) |
| `module_writer.py` | the serialised, verified read-modify-write of one module document |
| `module_item.py` | the lifecycle of one item a resource owns in a module document (a rule, a WAN link) |
| `module_rule.py` | one rule in a module document (`FirewallRule`, `BusinessPolicyRule`, inbound rules) |
| `inbound_rule.py` | what `PortForwardingRule` and `OneToOneNatRule` share (the firewall's `inbound[]`) |
| `rule_match.py` | a rule's `match`: inputs and the document form |
| `applications.py` | applications by name: the enterprise's application map, names resolved to ids |
| `managed_paths.py` | managed paths of a JSON document: read, set, snapshot, restore |
| `device_settings_inputs.py` | the typed inputs of the device-settings resources |
| `device_settings_routing_inputs.py` | the typed routing sections of a segment: Cloud VPN, BGP, OSPF, BFD |
| `device_settings_mapping.py` | device-settings inputs -> managed paths of the v2 document |
| `device_settings_routing_mapping.py` | the routing sections -> their v2 `deviceSettings` shapes |
| `device_settings_provider.py` | the device-settings lifecycle (claim, JSON Patch, restore) |
| `list_snapshots.py` | refresh by lists: the run's snapshot of an API list, shared by all reads |
| `secret_fingerprint.py` | salted fingerprints of write-only secrets (passwords the API never returns) |

Connection state (settings, the client, the id resolver) is not here: see `context.py`.
"""
