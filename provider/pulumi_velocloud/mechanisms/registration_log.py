"""Keep the Python SDK's three debug messages per registration of our resources off the engine's wire.

Pulumi's Python SDK sends, for every resource the program registers, three debug messages
("registering resource", "resource registration prepared", "resource registration
successful") to the engine, each as a *blocking* gRPC `Log` call from the program's event
loop (Pulumi's code, `pulumi/runtime/resource.py` and `pulumi/log.py`). The engine shows them
only under `pulumi --debug`. With 1000 edges that is 3000 round trips on the program's
critical path: while the program sends them it registers nothing, so the first edge create
waits for them (docs/performance.md, "Wave 4"). Pulumi itself cut the other per-resource
debug calls for this reason (pulumi/pulumi#7295, `excessive_debug_output`).

`drop_registration_debug(module)` (called once when our resource classes are declared)
wraps `pulumi.log.debug` so that exactly those three messages, and only for our own resource
types (`pulumi-python:dynamic/velocloud:*`, as `pulumi.dynamic.Resource` names them), are not
sent. Every other message (any other provider's, any warning or error, our resources'
failures) goes through unchanged. Set `VCO_SDK_DEBUG_LOG=true` to keep them (e.g. with
`pulumi up --debug` when debugging the SDK itself). Not done: anything in the engine or in
the dynamic-provider process.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import pulumi.log

REGISTRATION_MESSAGES = (
    "registering resource: ty=",
    "resource registration prepared: ty=",
    "resource registration successful: ty=",
)
KEEP_ENV = "VCO_SDK_DEBUG_LOG"


def dynamic_type_prefix(module: str) -> str:
    """The start of the Pulumi type of every dynamic resource of `module` (`pulumi.dynamic.Resource`)."""
    return f"pulumi-python:dynamic/{module}:"


def is_registration_message(message: object, type_prefix: str) -> bool:
    """Whether `message` is one of the SDK's per-registration debug lines about a resource whose type
    starts with `type_prefix`."""
    return (
        isinstance(message, str)
        and message.startswith(REGISTRATION_MESSAGES)
        and message.split(",", 1)[0].partition("ty=")[2].startswith(type_prefix)
    )


def filtered(debug: Callable[..., Any], type_prefix: str) -> Callable[..., Any]:
    """`debug` without the registration messages of the types starting with `type_prefix`."""

    def debug_without_our_registrations(msg: str, *args: Any, **kwargs: Any) -> Any:
        if is_registration_message(msg, type_prefix):
            return None
        return debug(msg, *args, **kwargs)

    debug_without_our_registrations.__wrapped__ = debug  # type: ignore[attr-defined]
    return debug_without_our_registrations


def drop_registration_debug(module: str) -> bool:
    """Install the filter for the dynamic resources of `module` on `pulumi.log.debug` (once); False
    when `VCO_SDK_DEBUG_LOG` keeps the messages."""
    if os.environ.get(KEEP_ENV, "").strip().lower() in ("1", "true", "yes"):
        return False
    current = pulumi.log.debug
    if getattr(current, "__name__", "") != "debug_without_our_registrations":
        pulumi.log.debug = filtered(current, dynamic_type_prefix(module))
    return True
