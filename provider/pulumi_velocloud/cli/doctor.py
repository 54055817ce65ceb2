"""`velocloud doctor`: check the URL, TLS, token and privileges against the configured Orchestrator.

One line per finding, `ok`, `warn` or `FAIL`, each saying what is wrong and what to do; exit 0
when nothing failed, 1 otherwise. The settings come from the stack's `velocloud:*` config when
`--cwd` is a Pulumi project, else from the environment (see `connection.py`).

What is checked: the settings resolve; a TCP connection to the host and port; the TLS handshake
with the configured verification (CA bundle or the system store); that the token is accepted;
its scope (operator: may list the network's customers; partner: several customers; enterprise:
its own customer only). Not checked: write privileges or a read-only role — proving them would
need a write, and doctor never writes. The token is never printed.
"""

from __future__ import annotations

import argparse
import json
import socket
import ssl
from dataclasses import asdict, dataclass
from typing import Any, Literal
from urllib.parse import urlsplit

from ..client import VcoClient
from ..client.errors import Forbidden, NotFound, TransportError, Unauthorized, VcoError
from ..settings import Settings
from .common import EXIT_ERROR, EXIT_OK, CliError, add_json_argument, add_stack_arguments
from .connection import settings_for
from .pulumi_stack import PulumiStack

Level = Literal["ok", "warn", "FAIL"]
_TIMEOUT = 10.0


@dataclass(frozen=True)
class Finding:
    check: str
    level: Level
    message: str


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "doctor",
        help="check URL, TLS, token and privileges against the configured Orchestrator",
        description=__doc__.split("\n\n")[0] if __doc__ else None,
    )
    add_stack_arguments(parser)
    add_json_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    findings = diagnose(PulumiStack(cwd=args.cwd, stack=args.stack))
    if args.json:
        print(json.dumps([asdict(f) for f in findings], indent=2))
    else:
        width = max(len(f.check) for f in findings)
        for f in findings:
            print(f"{f.level:<4} {f.check:<{width}}  {f.message}")
    return EXIT_ERROR if any(f.level == "FAIL" for f in findings) else EXIT_OK


def diagnose(stack: PulumiStack) -> list[Finding]:
    """Every check in order; stops at the first failure that makes the later ones meaningless."""
    try:
        settings = settings_for(stack)
    except CliError as exc:
        return [Finding("settings", "FAIL", str(exc))]
    findings = [Finding("settings", "ok", f"Orchestrator {settings.url}")]
    parts = urlsplit(settings.url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        with socket.create_connection((host, port), timeout=_TIMEOUT):
            pass
    except OSError as exc:
        findings.append(Finding("url", "FAIL", f"cannot connect to {host}:{port}: {exc.strerror or exc}"))
        return findings
    findings.append(Finding("url", "ok", f"{host}:{port} accepts connections"))
    tls = check_tls(settings, host, port)
    findings.append(tls)
    if tls.level == "FAIL":
        return findings
    findings.extend(check_api(settings))
    return findings


def check_tls(settings: Settings, host: str, port: int) -> Finding:
    """The TLS handshake as the client will make it (plain http is only allowed to localhost)."""
    if urlsplit(settings.url).scheme == "http":
        return Finding("tls", "warn", "plain http (no TLS); only acceptable for a local emulator")
    if settings.verify is False:
        return Finding(
            "tls",
            "warn",
            "certificate verification is off (velocloud:insecure / VCO_INSECURE); set a CA bundle instead",
        )
    context = ssl.create_default_context(cafile=settings.verify if isinstance(settings.verify, str) else None)
    try:
        with (
            socket.create_connection((host, port), timeout=_TIMEOUT) as raw,
            context.wrap_socket(raw, server_hostname=host) as tls,
        ):
            version = tls.version()
    except ssl.SSLCertVerificationError as exc:
        hint = "set velocloud:caBundle / VCO_CA_BUNDLE to the CA that signed it"
        return Finding("tls", "FAIL", f"certificate of {host} not trusted: {exc.verify_message}; {hint}")
    except (ssl.SSLError, OSError) as exc:
        return Finding("tls", "FAIL", f"TLS handshake with {host}:{port} failed: {exc}")
    where = f"CA bundle {settings.verify}" if isinstance(settings.verify, str) else "the system CA store"
    return Finding("tls", "ok", f"{version}, certificate verified against {where}")


def check_api(settings: Settings) -> list[Finding]:
    """Token accepted? Which scope does it have? Read-only calls only, no retries."""
    quick = settings.model_copy(update={"max_attempts": 1, "read_timeout": _TIMEOUT})
    client = VcoClient(quick)
    try:
        try:
            names = [e.name for e in client.v2.get_enterprises(limit=100)]
        except (Forbidden, NotFound):  # a real Orchestrator may refuse the list to enterprise users
            own = client.v1.call("enterprise/getEnterprise", {})
            names = [str(own.get("name"))] if isinstance(own, dict) else []
        token = Finding("token", "ok", "accepted")
        try:
            client.v1.call("network/getNetworkEnterprises", {})
        except (Forbidden, NotFound):
            return [token, _non_operator_scope(names)]
        return [token, Finding("privileges", "ok", f"operator scope: sees {_count(names)} customer(s)")]
    except Unauthorized:
        message = (
            "the Orchestrator refused the token (401): it is wrong, expired or revoked; "
            "create a new API token and set VCO_API_TOKEN"
        )
        return [Finding("token", "FAIL", message)]
    except TransportError as exc:
        return [Finding("token", "FAIL", f"no answer from the API: {exc.message}")]
    except VcoError as exc:
        return [Finding("token", "FAIL", f"the API answered an error: {exc}")]
    finally:
        client.session.close()


def _non_operator_scope(names: list[str]) -> Finding:
    needs = "creating or deleting Enterprise resources needs an operator token"
    if len(names) == 1:
        return Finding("privileges", "warn", f"enterprise scope ({names[0]!r}): this customer only; {needs}")
    return Finding("privileges", "warn", f"partner scope: sees {_count(names)} customer(s); {needs}")


def _count(names: list[str]) -> str:
    return f"{len(names)}{'+' if len(names) >= 100 else ''}"
