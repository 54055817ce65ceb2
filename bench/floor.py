"""Pulumi's own floor for the fleet benchmark: dynamic resources whose create returns at once.

`Floor` mirrors an `Edge` as the engine sees it (same inputs, outputs of the same size and
names, one of them secret, the same dependencies on two parent resources) but its provider
calls nothing. What a `pulumi up` of N `Floor` resources costs is what Pulumi's engine,
language host and dynamic-provider host cost before any of our code runs.

Not a resource for users: it lives in `bench/`, importable by the dynamic-provider process
only because the benchmark puts the repository on PYTHONPATH.
"""

from __future__ import annotations

import hashlib
import os
import time
from typing import Any

import pulumi
from pulumi.dynamic import CreateResult, DiffResult, ReadResult, Resource, ResourceProvider


def _outputs(props: dict[str, Any], logical_id: str) -> dict[str, Any]:
    """Outputs shaped like an Edge's, derived from the inputs (no clock, no randomness)."""
    return {
        **props,
        "logical_id": logical_id,
        "vco_id": int(logical_id[:6], 16),
        "enterprise_vco_id": 1,
        "activation_key": logical_id[:4].upper() + "-" + logical_id[4:8].upper(),
        "activation_state": "PENDING",
        "edge_state": "NEVER_ACTIVATED",
        "software_version": None,
    }


CREATE_LOG = "FLOOR_CREATE_LOG"  # when set: a file each create appends "<unix time> <name>" to


class FloorProvider(ResourceProvider):
    """Creates nothing: the id and outputs are computed from the inputs."""

    serialize_as_secret_always = False

    def create(self, props: dict[str, Any]) -> CreateResult:
        name = str(props.get("name", ""))
        log = os.environ.get(CREATE_LOG)
        if log:  # when the engine asked for each create (bench.fleet's bound under latency)
            with open(log, "a", encoding="utf-8") as out:
                out.write(f"{time.time():.3f} {name}\n")
        digest = hashlib.sha256(name.encode()).hexdigest()
        logical_id = f"{digest[:8]}-{digest[8:12]}-4{digest[13:16]}-8{digest[17:20]}-{digest[20:32]}"
        return CreateResult(logical_id, _outputs(props, logical_id))

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        return ReadResult(id_, props)

    def diff(self, _id: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        changed = any(olds.get(k) != v for k, v in news.items() if k != "__provider")
        return DiffResult(changes=changed)

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        return None


class Floor(Resource, module="bench", name="Floor"):
    """A do-nothing resource with an Edge's inputs and outputs; `activation_key` is secret."""

    logical_id: pulumi.Output[str]

    def __init__(self, name: str, props: dict[str, Any], opts: pulumi.ResourceOptions | None = None) -> None:
        outputs = dict.fromkeys(
            ("logical_id", "vco_id", "enterprise_vco_id", "activation_key", "activation_state"), None
        )
        outputs.update(edge_state=None, software_version=None)
        secret = pulumi.ResourceOptions(additional_secret_outputs=["activation_key"])
        super().__init__(
            FloorProvider(), name, {**props, **outputs}, pulumi.ResourceOptions.merge(opts, secret)
        )
