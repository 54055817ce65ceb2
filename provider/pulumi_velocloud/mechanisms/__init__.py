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
| `address.py` | the contact and address inputs of enterprises and sites |
| `object_group.py` | the lifecycle of v1 object groups (`AddressGroup`, `PortGroup`) |
| `module_edits.py` | pure edits of a configuration module's document (rules placed by position) |
| `module_writer.py` | the serialised, verified read-modify-write of one module document |
| `module_rule.py` | the lifecycle of one rule in a module document (`FirewallRule`, `BusinessPolicyRule`) |
| `rule_match.py` | a rule's `match`: inputs and the document form |
| `managed_paths.py` | managed paths of a JSON document: read, set, snapshot, restore |
| `device_settings_inputs.py` | the typed inputs of the device-settings resources |
| `device_settings_mapping.py` | device-settings inputs -> managed paths of the v2 document |
| `device_settings_provider.py` | the device-settings lifecycle (claim, JSON Patch, restore) |
| `list_snapshots.py` | refresh by lists: the run's snapshot of an API list, shared by all reads |

Connection state (settings, the client, the id resolver) is not here: see `context.py`.
"""
