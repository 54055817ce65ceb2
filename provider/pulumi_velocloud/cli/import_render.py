"""Write an imported enterprise as a readable Pulumi Python program, its Pulumi.yaml and a README.

The program is grouped by kind (enterprise, profiles, segments, groups, edges, device settings,
firewall rules, business policies, users), one resource per call with one argument per line,
references as the Python variables of the resources they point at, secrets read from stack
config, and `adopt=True` on every resource. The text is deterministic for the same
Orchestrator content, so importing twice gives the same files. Nothing here calls the API.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from ..version import __version__
from .import_read import Declared, ImportedEnterprise, Ref, SecretRef, slug

SECTIONS = (
    ("Enterprise", "The enterprise"),
    ("Profile", "Profiles"),
    ("NetworkSegment", "Segments"),
    ("AddressGroup", "Address groups"),
    ("PortGroup", "Port groups"),
    ("Edge", "Edges and their sites"),
    ("ProfileDeviceSettings", "Device settings of profiles (keys that differ from the enterprise defaults)"),
    ("EdgeDeviceSettings", "Device settings of edges (keys that differ from their profile)"),
    ("EdgeWanLink", "WAN links of edges"),
    ("FirewallRule", "Firewall rules"),
    ("PortForwardingRule", "Port forwarding rules"),
    ("OneToOneNatRule", "1:1 NAT rules"),
    ("BusinessPolicyRule", "Business policies"),
    ("EnterpriseUser", "Users"),
)
_WIDTH = 100


def literal(value: Any, indent: int = 0) -> str:
    """`value` as Python source; long dicts and lists are spread over lines at `indent`."""
    if isinstance(value, Ref):
        return f"{value.var}.{value.attr}"
    if isinstance(value, SecretRef):
        return f'config.require_secret("{value.key}")'
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, int | float):
        return repr(int(value)) if isinstance(value, float) and value.is_integer() else repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    pad, inner = " " * indent, " " * (indent + 4)
    if isinstance(value, dict):
        items = [
            f"{json.dumps(str(k), ensure_ascii=False)}: {literal(v, indent + 4)}" for k, v in value.items()
        ]
        flat = "{" + ", ".join(items) + "}"
        if len(flat) + indent <= _WIDTH - 10 and "\n" not in flat:
            return flat
        return "{\n" + "".join(f"{inner}{i},\n" for i in items) + pad + "}"
    if isinstance(value, list | tuple):
        items = [literal(v, indent + 4) for v in value]
        flat = "[" + ", ".join(items) + "]"
        if len(flat) + indent <= _WIDTH - 10 and "\n" not in flat:
            return flat
        return "[\n" + "".join(f"{inner}{i},\n" for i in items) + pad + "]"
    raise TypeError(f"cannot write a {type(value).__name__} into the program")


def resource_source(item: Declared) -> str:
    args = [json.dumps(item.name)] + [f"{k}={literal(v, 4)}" for k, v in item.inputs.items()] + ["adopt=True"]
    return f"{item.var} = velocloud.{item.kind}(\n" + "".join(f"    {a},\n" for a in args) + ")\n"


def program(result: ImportedEnterprise) -> str:
    by_kind: dict[str, list[Declared]] = {}
    for item in result.resources:
        by_kind.setdefault(item.kind, []).append(item)
    header = [
        f'"""Enterprise {result.name!r}, imported from {result.url} by `velocloud import` ({__version__}).',
        "",
        "Every resource has adopt=True: the first `pulumi up` takes the existing objects over",
        "without recreating them. See README.md for the secrets to set first.",
        '"""',
        "",
        *(["import pulumi"] if result.secrets else []),
        "import pulumi_velocloud as velocloud",
        "",
        *(["config = pulumi.Config()", ""] if result.secrets else []),
    ]
    body = []
    for kind, title in SECTIONS:
        items = by_kind.get(kind, [])
        if not items:
            continue
        body.append(f"# -- {title} ({len(items)}) " + "-" * max(3, 80 - len(title) - 12))
        body.append("")
        body += [resource_source(item) for item in items]
    return "\n".join(header) + "\n" + "\n".join(body)


def pulumi_yaml(result: ImportedEnterprise, virtualenv: str) -> str:
    return (
        f"name: {slug(result.name)}\n"
        f"description: Enterprise {json.dumps(result.name)} imported by velocloud import\n"
        "runtime:\n"
        "  name: python\n"
        "  options:\n"
        f"    virtualenv: {virtualenv}\n"
    )


def readme(result: ImportedEnterprise) -> str:
    counts = Counter(item.kind for item in result.resources)
    lines = [
        f"# {result.name}",
        "",
        f"Imported from {result.url} (enterprise logicalId `{result.logical_id}`) by `velocloud import`.",
        "`__main__.py` declares what the Orchestrator holds, grouped by kind, every resource with",
        "`adopt=True`, so the first `pulumi up` takes the objects over instead of creating them.",
        "",
        "| kind | resources |",
        "|---|---|",
        *(f"| {kind} | {counts[kind]} |" for kind, _ in SECTIONS if counts[kind]),
        "",
        "## Use it",
        "",
        "```",
        "python -m venv venv && venv/bin/pip install -r requirements.txt",
        "pulumi stack init prod",
        f"pulumi config set velocloud:url {result.url}",
        "export VCO_API_TOKEN=...        # an operator or enterprise-admin token",
    ]
    lines += [f"pulumi config set --secret {s.key} ...   # {s.what}" for s in result.secrets]
    lines += [
        "pulumi up                        # adopts; writes only the ownership marks adoption needs",
        "pulumi preview --refresh --expect-no-changes",
        "```",
        "",
        "User passwords cannot be read from the Orchestrator: the first `up` sets the ones you give.",
        "After that first `up`, `adopt=True` can stay (it only matters when a resource is created).",
    ]
    if result.notes:
        lines += ["", "## Not imported, or worth knowing", ""] + [f"- {n}" for n in result.notes]
    return "\n".join(lines) + "\n"


def requirements() -> str:
    return f"pulumi-velocloud=={__version__}\n"
