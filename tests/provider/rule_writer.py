"""A second provider process for the concurrency tests: creates N firewall rules at once.

`python -m tests.provider.rule_writer URL TOKEN_FILE ENTERPRISE PROFILE PREFIX FIRST N` creates
rules PREFIX-FIRST ... with the FirewallRule provider on 10 threads (as the Pulumi engine does)
and prints one JSON object: rule name -> its ruleLogicalId, or "error: <message>".
"""

from __future__ import annotations

import json
import sys
from concurrent.futures import ThreadPoolExecutor

from pulumi_velocloud.resources import base
from pulumi_velocloud.resources.firewall_rule import FirewallRuleProvider


def main(argv: list[str]) -> int:
    url, token_file, enterprise, profile, prefix, first, count = argv
    base.set_connection_config({"velocloud:url": url, "velocloud:tokenFile": token_file})

    def create(n: int) -> tuple[str, str]:
        name = f"{prefix}-{n:03}"
        props = {
            "enterprise_id": enterprise,
            "profile_id": profile,
            "name": name,
            "position": n,
            "action": "allow",
            "match": {"protocol": "tcp", "destination_ports": str(2000 + n)},
        }
        try:
            return name, str(FirewallRuleProvider().create(props).id)
        except Exception as exc:
            return name, f"error: {exc}"

    numbers = range(int(first), int(first) + int(count))
    with ThreadPoolExecutor(10) as pool:
        print(json.dumps(dict(pool.map(create, numbers))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
