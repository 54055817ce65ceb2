"""Pulumi's real dynamic-provider host serves more than its own four requests at once with our provider.

Starts `python -m pulumi.dynamic` (Pulumi's host, as the engine does), sends it eight `Create`
requests at once over gRPC for a provider whose creates wait for each other
(`host_probe.HostProbe`): with the host's four workers the fifth never starts and they fail;
after `VcoProvider.configure` widened the pool all eight meet and succeed.
"""

from __future__ import annotations

import asyncio
import base64
import os
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import dill
import grpc
import pytest
from pulumi.runtime import proto, rpc
from pulumi.runtime.proto import provider_pb2_grpc

from pulumi_velocloud.mechanisms.provider_workers import HOST_WORKERS
from tests.provider.host_probe import PARTIES, HostProbe

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def host() -> Iterator[provider_pb2_grpc.ResourceProviderStub]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    process = subprocess.Popen(
        [sys.executable, "-u", "-m", "pulumi.dynamic"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert process.stdout is not None
        port = int(process.stdout.readline().decode().strip())
        with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
            yield provider_pb2_grpc.ResourceProviderStub(channel)
    finally:
        process.kill()
        process.wait()


def _create(stub: provider_pb2_grpc.ResourceProviderStub, label: str) -> dict[str, object]:
    provider = base64.b64encode(dill.dumps(HostProbe(), recurse=True)).decode()
    props = asyncio.run(rpc.serialize_properties({"__provider": provider, "label": label}, {}))
    answer = stub.Create(proto.CreateRequest(urn=f"urn:pulumi:test::probe::probe::{label}", properties=props))
    outs: dict[str, object] = rpc.deserialize_properties(answer.properties)
    return {"id": answer.id, **outs}


def test_the_host_serves_more_than_four_creates_at_once(host: provider_pb2_grpc.ResourceProviderStub) -> None:
    with ThreadPoolExecutor(PARTIES) as pool:
        results = list(pool.map(lambda i: _create(host, f"probe-{i}"), range(PARTIES)))
    assert sorted(str(r["id"]) for r in results) == sorted(f"probe-{i}" for i in range(PARTIES))
    assert all(r["limits"] == [HOST_WORKERS] for r in results)
