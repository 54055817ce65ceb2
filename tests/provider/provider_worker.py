"""Another provider process for the concurrency tests: runs creates of one provider on 10 threads.

`python -m tests.provider.provider_worker JOB` where JOB is a JSON object
{"url", "token_file", "provider": "module:Class", "creates": {label: props}} prints one JSON object:
label -> the created resource's id, or "error: <message>". Threads, as the Pulumi engine uses.
"""

from __future__ import annotations

import importlib
import json
import sys
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from pulumi_velocloud.context import provider_context


def main(argv: list[str]) -> int:
    job = json.loads(argv[0])
    provider_context().configure({"velocloud:url": job["url"], "velocloud:tokenFile": job["token_file"]})
    module, name = str(job["provider"]).split(":")
    provider = getattr(importlib.import_module(module), name)

    def create(item: tuple[str, dict[str, Any]]) -> tuple[str, str]:
        label, props = item
        try:
            return label, str(provider().create(props).id)
        except Exception as exc:
            return label, f"error: {exc}"

    with ThreadPoolExecutor(10) as pool:
        print(json.dumps(dict(pool.map(create, job["creates"].items()))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
