"""The `vco-emulator` command: `vco-emulator serve --host H --port N --db FILE --token-file FILE`.

`--port 0` picks a free port; the first line printed is always
`vco-emulator listening on http://HOST:PORT`, so a parent process can read the address.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
from pathlib import Path

from aiohttp import web

from .app import create_app
from .lifecycle import ensure_seeded
from .store import Store


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vco-emulator", description="A local VeloCloud Orchestrator")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="serve the v2 and v1 APIs over HTTP")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8443, help="port; 0 picks a free one (default 8443)")
    serve.add_argument("--db", type=Path, required=True, help="SQLite database file (created if missing)")
    serve.add_argument(
        "--token-file", type=Path, required=True, help="where the operator API token is written (mode 0600)"
    )
    return parser


async def _serve(host: str, port: int, db: Path, token_file: Path) -> None:
    db.parent.mkdir(parents=True, exist_ok=True)
    store = Store(db)
    ensure_seeded(store, token_file)
    runner = web.AppRunner(create_app(store), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    bound = runner.addresses[0][1] if runner.addresses else port
    print(f"vco-emulator listening on http://{host}:{bound}", flush=True)

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    await runner.cleanup()
    store.close()


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "serve":
        try:
            asyncio.run(_serve(args.host, args.port, args.db, args.token_file))
        except OSError as exc:
            print(f"vco-emulator: cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
