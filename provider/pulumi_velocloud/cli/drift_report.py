"""The drift report: its data model (the source of `schemas/drift-report.schema.json`) and renderings.

`DriftReport` is what `velocloud drift --format json` prints; `render_markdown` is the
`--format markdown` text for a pull-request comment or a GitHub job summary (counts first,
then one table per resource type). Values are shown as compact JSON, cut at 80 characters;
a secret is always `[secret]`, never its value. Nothing here runs `pulumi` or calls the API.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SECRET = "[secret]"
_CELL = 80


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FieldDrift(_Model):
    """One input whose declared value differs from the value found on the Orchestrator."""

    field: str = Field(description="Input name as the program spells it (nested: dotted path).")
    declared: Any = Field(description="Value the program declares ([secret] for a secret).")
    found: Any = Field(description="Value found by refresh on the Orchestrator ([secret] for a secret).")


class ResourceDrift(_Model):
    """A managed resource whose object differs from its declaration."""

    type: str = Field(description="Resource type, e.g. Edge.")
    name: str = Field(description="Pulumi resource name.")
    urn: str
    id: str | None = Field(None, description="The object's id (its logicalId).")
    status: Literal["changed", "deleted"] = Field(
        description="changed: fields differ; deleted: the object is gone from the Orchestrator (deleted "
        "out of band) and `pulumi up` would create it again."
    )
    replace: bool = Field(False, description="`pulumi up` would replace the object rather than update it.")
    fields: list[FieldDrift] = Field(default_factory=list)


class PendingChange(_Model):
    """A change the program asks for that is not applied yet (not made on the Orchestrator)."""

    type: str
    name: str
    urn: str
    op: Literal["create", "update", "replace", "delete"]
    fields: list[str] = Field(default_factory=list, description="Inputs that change, for update/replace.")


class UnmanagedObject(_Model):
    """An object inside a managed scope that no resource of the checked stacks declares (information)."""

    kind: Literal["Edge", "FirewallRule", "BusinessPolicyRule", "PortForwardingRule", "OneToOneNatRule"]
    name: str | None
    id: str | None = Field(description="logicalId (edges) or ruleLogicalId (rules), when it has one.")
    scope: str = Field(description="Where it is: the enterprise, or the profile/edge, module and segment.")
    note: str = Field(description="Why it is listed, e.g. made outside Pulumi, or managed by another stack.")


class Summary(_Model):
    resources: int = Field(description="Resources of the stack checked.")
    drifted: int = Field(description="Resources whose fields differ.")
    deleted: int = Field(description="Resources deleted out of band.")
    pending: int = Field(description="Program changes not applied yet.")
    unmanaged: int = Field(description="Unmanaged objects inside managed scopes (information only).")


class DriftReport(_Model):
    """The result of `velocloud drift` for one stack."""

    schema_version: Literal[1] = 1
    stack: str
    in_sync: bool = Field(
        description="True when nothing drifted, nothing was deleted and nothing is pending."
    )
    summary: Summary
    drift: list[ResourceDrift] = Field(default_factory=list)
    pending: list[PendingChange] = Field(default_factory=list)
    unmanaged: list[UnmanagedObject] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list, description="Checks that could not be made, and why.")


def build_report(
    stack: str,
    resources: int,
    drift: list[ResourceDrift],
    pending: list[PendingChange],
    unmanaged: list[UnmanagedObject],
    warnings: list[str],
) -> DriftReport:
    """A report with its summary counted from the lists, each list in a stable order."""
    drift = sorted(drift, key=lambda d: (d.type, d.name))
    pending = sorted(pending, key=lambda p: (p.type, p.name))
    unmanaged = sorted(unmanaged, key=lambda u: (u.kind, u.scope, u.name or "", u.id or ""))
    changed = sum(1 for d in drift if d.status == "changed")
    summary = Summary(
        resources=resources,
        drifted=changed,
        deleted=len(drift) - changed,
        pending=len(pending),
        unmanaged=len(unmanaged),
    )
    return DriftReport(
        stack=stack,
        in_sync=not drift and not pending,
        summary=summary,
        drift=drift,
        pending=pending,
        unmanaged=unmanaged,
        warnings=warnings,
    )


def report_schema() -> dict[str, Any]:
    """The JSON Schema of `velocloud drift --format json`."""
    schema = DriftReport.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "drift-report.schema.json"
    return schema


def render_json(report: DriftReport) -> str:
    return report.model_dump_json(indent=2)


def cell(value: Any) -> str:
    """A value as one Markdown table cell: compact JSON, cut at 80 characters, pipes escaped."""
    text = value if value == SECRET else json.dumps(value, sort_keys=True, separators=(",", ":"))
    if len(text) > _CELL:
        text = text[: _CELL - 1] + "…"
    return "`" + text.replace("|", "\\|").replace("`", "'").replace("\n", " ") + "`"


def render_markdown(report: DriftReport) -> str:
    s = report.summary
    verdict = "in sync" if report.in_sync else "**drift found**"
    lines = [
        f"## Drift report: stack `{report.stack}` — {verdict}",
        "",
        f"{s.resources} resources checked · {s.drifted} drifted · {s.deleted} deleted out of band · "
        f"{s.pending} pending program changes · {s.unmanaged} unmanaged objects (information)",
    ]
    by_type: dict[str, list[ResourceDrift]] = {}
    for d in report.drift:
        by_type.setdefault(d.type, []).append(d)
    for kind in sorted(by_type):
        lines += ["", f"### {kind}", "", "| resource | field | declared | found on the Orchestrator |"]
        lines.append("|---|---|---|---|")
        for d in by_type[kind]:
            if d.status == "deleted":
                lines.append(f"| `{d.name}` | — | (declared) | **deleted out of band** (id `{d.id}`) |")
                continue
            suffix = " (replace)" if d.replace else ""
            for f in d.fields or [FieldDrift(field="?", declared=None, found=None)]:
                lines.append(f"| `{d.name}`{suffix} | {f.field} | {cell(f.declared)} | {cell(f.found)} |")
    if report.pending:
        lines += ["", "### Program changes not applied yet", "", "| type | resource | operation | fields |"]
        lines.append("|---|---|---|---|")
        lines += [f"| {p.type} | `{p.name}` | {p.op} | {', '.join(p.fields)} |" for p in report.pending]
    if report.unmanaged:
        lines += [
            "",
            "### Unmanaged objects inside managed scopes (information, not drift)",
            "",
            "| kind | name | id | where | note |",
            "|---|---|---|---|---|",
        ]
        lines += [
            f"| {u.kind} | {u.name or ''} | {f'`{u.id}`' if u.id else '—'} | {u.scope} | {u.note} |"
            for u in report.unmanaged
        ]
    if report.warnings:
        lines += ["", "### Warnings", ""] + [f"- {w}" for w in report.warnings]
    return "\n".join(lines) + "\n"
