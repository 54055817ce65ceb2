"""Read a live enterprise into the resources a Pulumi program would declare to adopt it.

Each object is read through its own resource's provider (`read` / `read_outputs`, the code
`pulumi refresh` runs), and its inputs are the outputs named like the resource's inputs: so
the program declares exactly what the provider will find, and `pulumi up` with `adopt=True`
has nothing to change but what adoption itself records. Rules come from the profiles'
`firewall` / `QOS` documents through the rule resources' own `inputs_from_rule` (the firewall's
top-level `inbound[]` as `PortForwardingRule` / `OneToOneNatRule`); an edge's WAN links come
from its own `WAN` module as `EdgeWanLink`s. References
between objects (enterprise, profile, segment, address and port groups) become `Ref`s to the
Python variable of the object they point at; secrets (user passwords, secret-looking keys of
device settings) become `SecretRef`s to stack config the user sets.

Device settings: only keys that differ from the enterprise's defaults are declared, as raw
sections (`extra`, and per-segment `extra`). The APIs give no read of the template the
profiles are cloned from, so a profile's defaults are the values more than half of the
enterprise's profiles hold (a guess: a key deliberately set alike on most profiles is left out
of them; with a single profile nothing counts as a default); an edge's defaults are its
profile's settings.

Rules are read from every profile and from every edge's own (edge-specific) profile. Not
imported (listed in the README's notes): the firewall switches (`FirewallSettings`), the Global
Segment (built in), inactive users, API tokens, and rule criteria the rule resources do not
model (`rule_match`).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ..client import VcoClient
from ..client.errors import VcoError
from ..context import Connection
from ..ids import LogicalId, VcoId
from ..mechanisms import module_edits as me
from ..mechanisms import module_writer as mw
from ..mechanisms.device_settings_inputs import SEGMENT_LEVEL, TOP_LEVEL
from ..mechanisms.enterprise_object import EnterpriseObjectProvider
from ..mechanisms.inbound_rule import InboundRuleProvider
from ..mechanisms.provider_base import VcoProvider
from ..resolver import Resolver
from ..resources.address_group import AddressGroupProvider
from ..resources.business_policy_rule import BusinessPolicyRuleProvider
from ..resources.edge import EdgeProvider
from ..resources.edge_wan_link import inputs_from_link
from ..resources.enterprise import EnterpriseProvider
from ..resources.firewall_rule import FirewallRuleProvider
from ..resources.one_to_one_nat_rule import OneToOneNatRuleProvider
from ..resources.port_forwarding_rule import PortForwardingRuleProvider
from ..resources.port_group import PortGroupProvider
from ..resources.profile import ProfileProvider
from ..resources.segment import NetworkSegmentProvider
from ..resources.user import EnterpriseUserProvider
from ..secret_scan import is_secret_key
from .common import CliError

GLOBAL_SEGMENT = "Global Segment"
WORKERS = 4  # per-object reads in parallel: the vendor's advice of a handful of requests in flight
T = TypeVar("T")
_RULES = (("firewall", FirewallRuleProvider), ("QOS", BusinessPolicyRuleProvider))
# inbound rules of the firewall module, by `action.type`
_INBOUND: dict[str, type[InboundRuleProvider]] = {
    "port_forwarding": PortForwardingRuleProvider,
    "one_to_one_nat": OneToOneNatRuleProvider,
}
_FIRST = ("enterprise_id", "profile_id", "name", "username")  # written first, in this order
_GROUP_FIELDS = (
    "source_address_group",
    "destination_address_group",
    "source_port_group",
    "destination_port_group",
)


@dataclass(frozen=True)
class Ref:
    """A reference to another declared resource: `<var>.<attr>` in the program."""

    var: str
    attr: str = "id"


@dataclass(frozen=True)
class SecretRef:
    """A secret the program reads from stack config: `config.require_secret(<key>)`."""

    key: str
    what: str


@dataclass
class Declared:
    """One resource of the generated program."""

    kind: str
    name: str
    var: str
    inputs: dict[str, Any]


@dataclass
class ImportedEnterprise:
    name: str
    logical_id: str
    url: str
    resources: list[Declared] = field(default_factory=list)
    secrets: list[SecretRef] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


Step = Callable[[str, int], Callable[[], None]]  # (what, total) -> advance by one


def slug(text: str) -> str:
    """A Pulumi resource name from an object name: lower case, [a-z0-9-], never empty."""
    out = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")
    return out or "unnamed"


class _Names:
    """Unique resource names per kind and unique Python variables, in the order asked for."""

    def __init__(self) -> None:
        self.taken: set[tuple[str, str]] = set()
        self.vars: set[str] = {"pulumi", "velocloud", "config"}

    def name(self, kind: str, base: str) -> str:
        candidate, n = base, 1
        while (kind, candidate) in self.taken:
            n += 1
            candidate = f"{base}-{n}"
        self.taken.add((kind, candidate))
        return candidate

    def var(self, prefix: str, name: str) -> str:
        base = f"{prefix}_{name.replace('-', '_')}" if prefix else name.replace("-", "_")
        if base[0].isdigit():
            base = f"_{base}"
        candidate, n = base, 1
        while candidate in self.vars:
            n += 1
            candidate = f"{base}_{n}"
        self.vars.add(candidate)
        return candidate


def inputs_of(provider: VcoProvider, outputs: dict[str, Any], *, drop: Iterable[str] = ()) -> dict[str, Any]:
    """The resource's inputs that its outputs hold, set ones only (defaults left out)."""
    fields = provider.spec.args.model_fields
    out = {}
    order = sorted(
        provider.spec.managed_fields, key=lambda f: (f not in _FIRST, _FIRST.index(f) if f in _FIRST else 0)
    )
    for name in order:
        value = outputs.get(name)
        if name in drop or value is None or value == fields[name].default:
            continue
        out[name] = value
    return out


@dataclass(frozen=True)
class _RuleContext:
    """What rules refer to: the enterprise, segments by name, address and port groups by logicalId."""

    enterprise: Ref
    segments: dict[str, Declared]
    groups: dict[str, Ref]


class EnterpriseReader:
    """Reads one enterprise (see the module docstring); `step` reports progress."""

    def __init__(self, connection: Connection, step: Step) -> None:
        self.vco = connection
        self.client: VcoClient = connection.client
        self.ids: Resolver = connection.ids
        self.step = step
        self.names = _Names()

    def find(self, wanted: str) -> tuple[LogicalId, VcoId, str]:
        """The enterprise with this logicalId or exact name."""
        try:
            refs = self.client.v1.get_network_enterprises()
            matches = [(r.logical_id, r.id, r.name) for r in refs if wanted in (r.logical_id, r.name)]
        except VcoError:  # an enterprise token cannot list the network's customers
            own = self.client.v1.call("enterprise/getEnterprise", {})
            matches = [
                (own["logicalId"], own["id"], own["name"])
                for _ in [0]
                if isinstance(own, dict) and wanted in (own.get("logicalId"), own.get("name"))
            ]
        if len(matches) != 1:
            found = "no enterprise" if not matches else f"{len(matches)} enterprises"
            raise CliError(f"{found} with name or logicalId {wanted!r} on {self.client.base_url}")
        return matches[0]

    def read(self, wanted: str) -> ImportedEnterprise:
        ent_lid, ent, ent_name = self.find(wanted)
        result = ImportedEnterprise(name=ent_name, logical_id=ent_lid, url=self.client.base_url)
        result.notes.append(
            "not imported: the firewall switches (FirewallSettings), the Global Segment (built in), "
            "API tokens, and rule criteria the rule resources do not model (MAC, VLAN, OS, hostname, IPv6)"
        )
        declared = result.resources
        outs = EnterpriseProvider().read(ent_lid, {"vco_id": ent}).outs or {}
        ent_var = self.names.var("", slug(ent_name))
        declared.append(
            Declared(
                "Enterprise",
                self.names.name("Enterprise", slug(ent_name)),
                ent_var,
                inputs_of(EnterpriseProvider(), outs, drop=("gateway_pool_id", "operator_profile_id")),
            )
        )
        base = {"enterprise_id": ent_lid, "enterprise_vco_id": ent}
        enterprise_ref = Ref(ent_var)

        def add(
            kind: str, prefix: str, name: str, provider: VcoProvider, outputs: dict[str, Any]
        ) -> Declared:
            resource_name = self.names.name(kind, slug(name))
            item = Declared(
                kind, resource_name, self.names.var(prefix, resource_name), inputs_of(provider, outputs)
            )
            item.inputs["enterprise_id"] = enterprise_ref
            declared.append(item)
            return item

        profiles: dict[str, Declared] = {}
        profile_ids: dict[str, VcoId] = {}
        listed = sorted(self.client.v1.get_enterprise_configurations(ent), key=lambda p: (p.name, p.id))
        for p in listed:
            if not p.logical_id:
                continue
            outputs = self._object_outputs(ProfileProvider(), base, p)
            profiles[p.logical_id] = add("Profile", "profile", p.name, ProfileProvider(), outputs)
            profile_ids[p.logical_id] = p.id

        segments: dict[str, Declared] = {}
        for s in sorted(self.client.v1.get_enterprise_network_segments(ent), key=lambda s: s.name):
            if s.name == GLOBAL_SEGMENT:
                continue
            outputs = self._object_outputs(NetworkSegmentProvider(), base, s)
            segments[s.name] = add("NetworkSegment", "segment", s.name, NetworkSegmentProvider(), outputs)

        groups: dict[str, Ref] = {}
        for provider, kind, prefix in (
            (AddressGroupProvider(), "AddressGroup", "addresses"),
            (PortGroupProvider(), "PortGroup", "ports"),
        ):
            listed_groups = self.client.v1.get_object_groups(ent, type=provider.group_type)
            for g in sorted(listed_groups, key=lambda g: (g.name, g.id)):
                item = add(kind, prefix, g.name, provider, self._object_outputs(provider, base, g))
                if g.logical_id:
                    groups[g.logical_id] = Ref(item.var)

        edges = sorted(
            self.client.v2.get_enterprise_edges(ent_lid), key=lambda e: (e.name or "", e.logical_id)
        )
        advance = self.step("edges", len(edges))
        if edges:
            self.ids.edge(ent, edges[0].logical_id)  # one list read fills the resolver for all threads

        def read_edge(logical: LogicalId) -> dict[str, Any]:
            outs = EdgeProvider().read(logical, {**base, "vco_id": self.ids.edge(ent, logical)}).outs
            advance()
            return dict(outs or {})

        edge_items: list[tuple[Declared, str, dict[str, Any]]] = []
        for e, outputs in zip(edges, self._parallel(read_edge, [e.logical_id for e in edges]), strict=True):
            item = add("Edge", "edge", e.name or e.logical_id, EdgeProvider(), outputs)
            profile_lid = outputs.get("profile_id")
            if profile_lid in profiles:
                item.inputs["profile_id"] = Ref(profiles[profile_lid].var)
            edge_items.append((item, e.logical_id, outputs))

        self._device_settings(result, ent_lid, profiles, edge_items, enterprise_ref)
        advance = self.step("rules", len(profiles) + len(edge_items))

        def profile_modules(lid: str) -> dict[str, Any]:
            documents = self._module_documents(ent, profile=profile_ids[lid])
            advance()
            return documents

        def edge_modules(lid: str) -> dict[str, Any]:
            documents = self._module_documents(ent, edge=self.ids.edge(ent, LogicalId(lid)), also=("WAN",))
            advance()
            return documents

        owners = [
            (profile, "profile_id", documents)
            for profile, documents in zip(
                profiles.values(), self._parallel(profile_modules, list(profiles)), strict=True
            )
        ] + [
            (edge, "edge_id", documents)
            for (edge, _, _), documents in zip(
                edge_items, self._parallel(edge_modules, [lid for _, lid, _ in edge_items]), strict=True
            )
        ]
        self._rules(result, ent, owners, _RuleContext(enterprise_ref, segments, groups))
        self._users(result, ent, base, enterprise_ref)
        return result

    def _parallel(self, read: Callable[[Any], T], keys: list[Any]) -> list[T]:
        """`read` of every key, `WORKERS` at a time (the client caps requests in flight), in order."""
        with ThreadPoolExecutor(max_workers=WORKERS) as pool:
            return list(pool.map(read, keys))

    def _object_outputs(
        self, provider: EnterpriseObjectProvider, base: dict[str, Any], current: Any
    ) -> dict[str, Any]:
        return provider.read_outputs(self.vco, base, base["enterprise_vco_id"], current)

    # -- rules -----------------------------------------------------------------------

    def _rules(
        self,
        result: ImportedEnterprise,
        ent: VcoId,
        owners: list[tuple[Declared, str, dict[str, Any]]],
        context: _RuleContext,
    ) -> None:
        """The rules of every owner: (the profile or edge, its input name, its module documents)."""
        for owner, owner_field, documents in owners:
            for module, provider_class in _RULES:
                provider = provider_class()
                kind = provider.spec.name
                for segment, position, rule in _module_rules(
                    documents.get(module) or {}, me.RULES_KEY[module]
                ):
                    name = rule.get("name")
                    if not isinstance(name, str) or not name:
                        result.notes.append(
                            f"a {kind} without a name in {owner.kind} {owner.name!r}: skipped"
                        )
                        continue
                    inputs = {
                        k: v for k, v in provider.inputs_from_rule(rule).items() if v not in (None, {}, False)
                    }
                    match = {
                        k: context.groups.get(v, v) if k in _GROUP_FIELDS else v
                        for k, v in inputs.get("match", {}).items()
                    }
                    if match:
                        inputs["match"] = match
                    resource_name = self.names.name(kind, slug(f"{owner.name}-{name}"))
                    declared = {
                        "enterprise_id": context.enterprise,
                        owner_field: Ref(owner.var),
                        **_segment_input(segment, context.segments),
                        "name": name,
                        "position": position,
                        **inputs,
                    }
                    var = self.names.var("fw" if module == "firewall" else "policy", resource_name)
                    result.resources.append(Declared(kind, resource_name, var, declared))
            self._inbound_rules(result, owner, owner_field, documents.get("firewall") or {}, context)
            if owner_field == "edge_id":
                self._wan_links(result, owner, documents.get("WAN") or {}, context)

    def _wan_links(
        self, result: ImportedEnterprise, edge: Declared, document: dict[str, Any], context: _RuleContext
    ) -> None:
        """The links of an edge's own WAN module, as `EdgeWanLink`s."""
        for link in document.get("links") or []:
            if not isinstance(link, dict):
                continue
            inputs = {k: v for k, v in inputs_from_link(link).items() if v not in (None, [], False)}
            if not inputs.get("name") or not inputs.get("interfaces"):
                result.notes.append(f"a WAN link of edge {edge.name!r} without a name or interfaces: skipped")
                continue
            resource_name = self.names.name("EdgeWanLink", slug(f"{edge.name}-{inputs['name']}"))
            declared = {"enterprise_id": context.enterprise, "edge_id": Ref(edge.var), **inputs}
            var = self.names.var("link", resource_name)
            result.resources.append(Declared("EdgeWanLink", resource_name, var, declared))

    def _inbound_rules(
        self,
        result: ImportedEnterprise,
        owner: Declared,
        owner_field: str,
        document: dict[str, Any],
        context: _RuleContext,
    ) -> None:
        """The port-forwarding and 1:1 NAT rules of a firewall document (top-level `inbound[]`)."""
        inbound = document.get("inbound")
        for position, rule in enumerate(r for r in inbound or [] if isinstance(r, dict)):
            kind_of = (rule.get("action") or {}).get("type") if isinstance(rule.get("action"), dict) else None
            provider_class = _INBOUND.get(str(kind_of))
            name = rule.get("name")
            if provider_class is None or not isinstance(name, str) or not name:
                result.notes.append(
                    f"inbound rule {name!r} ({kind_of!r}) of {owner.kind} {owner.name!r}: skipped"
                )
                continue
            provider = provider_class()
            kind = provider.spec.name
            inputs = {k: v for k, v in provider.inputs_from_rule(rule).items() if v not in (None, {}, False)}
            resource_name = self.names.name(kind, slug(f"{owner.name}-{name}"))
            declared = {
                "enterprise_id": context.enterprise,
                owner_field: Ref(owner.var),
                "name": name,
                "position": position,
                **inputs,
            }
            var = self.names.var("nat", resource_name)
            result.resources.append(Declared(kind, resource_name, var, declared))

    def _module_documents(
        self, ent: VcoId, profile: VcoId | None = None, edge: VcoId | None = None, also: tuple[str, ...] = ()
    ) -> dict[str, Any]:
        """{module: document} of the rule modules (and the modules `also` names) of a profile or of an
        edge's own profile, read as the resources read them (an edge that does not override a module
        has no rules in it)."""
        documents: dict[str, Any] = {}
        for module in [m for m, _ in _RULES] + list(also):
            target = mw.ModuleTarget(
                self.client.base_url, ent, module, profile_vco_id=profile, edge_vco_id=edge
            )
            try:
                documents[module] = mw.read_module(self.client, target).data
            except mw.ModuleAbsent:  # an edge that inherits the module: no rules of its own
                documents[module] = {}
        return documents

    # -- device settings -----------------------------------------------------------------

    def _device_settings(
        self,
        result: ImportedEnterprise,
        ent_lid: LogicalId,
        profiles: dict[str, Declared],
        edge_items: list[tuple[Declared, str, dict[str, Any]]],
        enterprise_ref: Ref,
    ) -> None:
        advance = self.step("device settings", len(profiles) + len(edge_items))
        documents: dict[str, dict[str, Any]] = {}
        for lid in profiles:
            documents[lid] = _strip(self.client.v2.get_profile_device_settings(ent_lid, LogicalId(lid)))
            advance()
        defaults = _majority(list(documents.values())) if len(documents) > 1 else {}
        if len(documents) > 1:
            result.notes.append(
                "device settings: the value most profiles hold (more than half) counts as the enterprise's "
                "default and is not declared (the template profiles are cloned from cannot be read)"
            )
        for lid, profile in profiles.items():
            self._settings_resource(
                result,
                "ProfileDeviceSettings",
                profile,
                "profile_id",
                documents[lid],
                defaults,
                enterprise_ref,
            )

        def read_settings(edge_lid: str) -> dict[str, Any]:
            doc = _strip(self.client.v2.get_edge_device_settings(ent_lid, LogicalId(edge_lid)))
            advance()
            return doc

        edge_documents = self._parallel(read_settings, [edge_lid for _, edge_lid, _ in edge_items])
        for (edge, _, outputs), doc in zip(edge_items, edge_documents, strict=True):
            baseline = documents.get(str(outputs.get("profile_id")), {})
            self._settings_resource(
                result, "EdgeDeviceSettings", edge, "edge_id", doc, baseline, enterprise_ref
            )

    def _settings_resource(
        self,
        result: ImportedEnterprise,
        kind: str,
        owner: Declared,
        owner_field: str,
        doc: dict[str, Any],
        defaults: dict[str, Any],
        enterprise_ref: Ref,
    ) -> None:
        extra = {k: v for k, v in _differing(doc, defaults).items() if k in TOP_LEVEL and k != "segments"}
        segments = []
        default_segments = {_segment_name(s): s for s in defaults.get("segments") or []}
        for entry in doc.get("segments") or []:
            name = _segment_name(entry)
            changed = _differing(entry, default_segments.get(name, {}))
            raw = {k: v for k, v in changed.items() if k in SEGMENT_LEVEL}
            if name and raw:
                segments.append({"segment": name, "extra": raw})
        if not extra and not segments:
            return
        resource_name = self.names.name(kind, f"{owner.name}-settings")
        secrets = _SecretPaths(resource_name)
        inputs: dict[str, Any] = {"enterprise_id": enterprise_ref, owner_field: Ref(owner.var)}
        if segments:
            inputs["segments"] = secrets.replace(segments, "segments")
        if extra:
            inputs["extra"] = secrets.replace(extra, "extra")
        result.secrets += secrets.found
        result.resources.append(
            Declared(kind, resource_name, self.names.var("settings", resource_name), inputs)
        )

    # -- users -----------------------------------------------------------------------

    def _users(
        self, result: ImportedEnterprise, ent: VcoId, base: dict[str, Any], enterprise_ref: Ref
    ) -> None:
        provider = EnterpriseUserProvider()
        for u in sorted(self.client.v1.get_enterprise_users(ent), key=lambda u: u.username):
            if u.is_active is False:
                result.notes.append(f"user {u.username!r} is inactive: not imported")
                continue
            outputs = self._object_outputs(provider, base, u)
            resource_name = self.names.name("EnterpriseUser", slug(u.username.split("@")[0]))
            secret = SecretRef(f"password-{resource_name}", f"password of user {u.username}")
            result.secrets.append(secret)
            inputs = inputs_of(provider, outputs, drop=("enterprise_id",))
            if str(inputs.get("email", "")).casefold() == u.username.casefold():
                inputs.pop("email")  # the default
            result.resources.append(
                Declared(
                    "EnterpriseUser",
                    resource_name,
                    self.names.var("user", resource_name),
                    {"enterprise_id": enterprise_ref, **inputs, "password": secret},
                )
            )


def _module_rules(doc: dict[str, Any], key: str) -> Iterator[tuple[str, int, dict[str, Any]]]:
    """(segment name, position within its segment, rule) for every rule of a module document."""
    for entry in doc.get("segments") or []:
        if not isinstance(entry, dict):
            continue
        segment = str((entry.get("segment") or {}).get("name") or GLOBAL_SEGMENT)
        rules = [r for r in entry.get(key) or [] if isinstance(r, dict)]
        for position, rule in enumerate(rules):
            yield segment, position, rule


def _segment_input(segment: str, segments: dict[str, Declared]) -> dict[str, Any]:
    """The rule's `segment` input: none for the Global Segment, else the segment resource's name."""
    if segment == GLOBAL_SEGMENT:
        return {}
    return {"segment": Ref(segments[segment].var, "name") if segment in segments else segment}


def _segment_name(entry: Any) -> str:
    return str(((entry or {}).get("segment") or {}).get("name") or "") if isinstance(entry, dict) else ""


def _strip(doc: dict[str, Any]) -> dict[str, Any]:
    """A deviceSettings document without the fields the API adds to every answer."""
    return {k: v for k, v in doc.items() if not k.startswith("_")}


def _differing(doc: dict[str, Any], defaults: dict[str, Any]) -> dict[str, Any]:
    """The keys of `doc` whose values differ from `defaults`: dicts followed, lists taken whole."""
    out: dict[str, Any] = {}
    for key, value in doc.items():
        if key == "segment":
            continue
        default = defaults.get(key)
        if isinstance(value, dict) and isinstance(default, dict):
            inner = _differing(value, default)
            if inner:
                out[key] = inner
        elif value != default and value not in (None, {}, []):
            out[key] = value
    return out


def _majority(documents: list[dict[str, Any]]) -> dict[str, Any]:
    """The values more than half of the documents hold, key by key (dicts followed, lists whole,
    segments matched by name): what a profile of this enterprise has unless someone changed it."""
    counts: dict[tuple[str, ...], Counter[str]] = {}
    for doc in documents:
        for path, value in _leaves(doc, ()):
            counts.setdefault(path, Counter())[json.dumps(value, sort_keys=True)] += 1
    out: dict[str, Any] = {}
    for path, seen in counts.items():
        value, count = seen.most_common(1)[0]
        if count * 2 > len(documents):
            _put(out, path, json.loads(value))
    segments = out.pop("segments", {})
    if segments:
        out["segments"] = [{**entry, "segment": {"name": name}} for name, entry in segments.items()]
    return out


def _leaves(value: Any, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], Any]]:
    if path == ("segments",) and isinstance(value, list):
        for entry in value:
            name = _segment_name(entry)
            if name:
                yield from _leaves({k: v for k, v in entry.items() if k != "segment"}, (*path, name))
    elif isinstance(value, dict) and value:
        for key, inner in value.items():
            yield from _leaves(inner, (*path, key))
    else:
        yield path, value


def _put(doc: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for key in path[:-1]:
        doc = doc.setdefault(key, {})
    doc[path[-1]] = value


class _SecretPaths:
    """Replaces secret-looking values in raw sections by stack-config secrets."""

    def __init__(self, owner: str) -> None:
        self.owner = owner
        self.found: list[SecretRef] = []

    def replace(self, value: Any, path: str) -> Any:
        if isinstance(value, dict):
            return {k: self._entry(k, v, f"{path}-{k}") for k, v in value.items()}
        if isinstance(value, list):
            return [self.replace(v, f"{path}-{i}") for i, v in enumerate(value)]
        return value

    def _entry(self, key: str, value: Any, path: str) -> Any:
        if isinstance(value, str) and value and is_secret_key(key):
            secret = SecretRef(f"{self.owner}-{slug(path)}", f"{key} in {self.owner}")
            self.found.append(secret)
            return secret
        return self.replace(value, path)
