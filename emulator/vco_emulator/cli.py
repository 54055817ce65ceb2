"""The `vco-emulator` command: `vco-emulator serve --host H --port N --db FILE --token-file FILE`.

`--port 0` picks a free port; the first line printed is always
`vco-emulator listening on http://HOST:PORT` (`https://` with `--tls`), so a parent process can
read the address. With `--tls` and no `--certfile`, a certificate is generated next to the
database and the second line is `vco-emulator CA bundle: PATH` (the file clients pass as CA
bundle). Rate limiting is off unless `--rate-limit-requests` or `--max-concurrent` is given.
`--strip-unknown-fields` stores firewall/QOS module documents with only the fields the v1 spec
names, to test clients against an Orchestrator that drops the rest. v1 params a method does not
declare are ignored (and counted in the admin stats), as the real Orchestrator does;
`--strict-params` refuses them instead (-32602), which test suites use to prove their client
sends only declared params.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
from pathlib import Path

from aiohttp import web

from . import tls
from .app import create_app
from .domain import module_schemas
from .lifecycle import ensure_seeded
from .ratelimit import RateLimitConfig
from .store import Store

CA_BUNDLE_PREFIX = "vco-emulator CA bundle: "


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
    serve.add_argument(
        "--operator-password-file",
        type=Path,
        help="file holding a password for the seeded operator (enables login/operatorLogin)",
    )
    serve.add_argument("--tls", action="store_true", help="serve HTTPS (a certificate is generated)")
    serve.add_argument(
        "--strip-unknown-fields",
        action="store_true",
        help="store firewall/QOS module documents with only the fields the v1 spec names",
    )
    serve.add_argument(
        "--strict-params",
        action="store_true",
        help="refuse v1 params a method does not declare (default: ignore them, as the real VCO does)",
    )
    serve.add_argument("--certfile", type=Path, help="PEM server certificate (chain) for --tls")
    serve.add_argument("--keyfile", type=Path, help="PEM private key of --certfile")
    limits = serve.add_argument_group("rate limiting (off by default)")
    limits.add_argument("--rate-limit-requests", type=int, metavar="N", help="requests per window per caller")
    limits.add_argument("--rate-limit-window", type=float, default=5.0, metavar="S", help="window (5 s)")
    limits.add_argument("--max-concurrent", type=int, metavar="M", help="requests in flight per caller")
    limits.add_argument(
        "--rate-limit-penalty", type=float, default=5.0, metavar="S", help="429 for this long once throttled"
    )
    return parser


async def _serve(args: argparse.Namespace, rate_limit: RateLimitConfig) -> None:
    db: Path = args.db
    db.parent.mkdir(parents=True, exist_ok=True)
    files: tls.TlsFiles | None = None
    if args.certfile:
        files = tls.TlsFiles(args.certfile, args.keyfile or args.certfile, None)
    elif args.tls:
        files = tls.self_signed(db.parent, args.host)
    module_schemas.set_strip_unknown_fields(args.strip_unknown_fields)
    store = Store(db)
    password_file: Path | None = args.operator_password_file
    password = password_file.read_text().strip() if password_file is not None else None
    ensure_seeded(store, args.token_file, operator_password=password)
    runner = web.AppRunner(create_app(store, rate_limit, strict_params=args.strict_params), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, args.host, args.port, ssl_context=tls.server_context(files) if files else None)
    await site.start()
    bound = runner.addresses[0][1] if runner.addresses else args.port
    scheme = "https" if files else "http"
    print(f"vco-emulator listening on {scheme}://{args.host}:{bound}", flush=True)
    if files is not None and files.ca_bundle is not None:
        print(CA_BUNDLE_PREFIX + str(files.ca_bundle.resolve()), flush=True)

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    await runner.cleanup()
    store.close()


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "serve":
        try:
            rate_limit = RateLimitConfig(
                requests=args.rate_limit_requests,
                windowSeconds=args.rate_limit_window,
                maxConcurrent=args.max_concurrent,
                penaltySeconds=args.rate_limit_penalty,
            )
        except ValueError as exc:
            parser.error(f"invalid rate limit: {exc}")
        if args.keyfile and not args.certfile:
            parser.error("--keyfile needs --certfile")
        try:
            asyncio.run(_serve(args, rate_limit))
        except OSError as exc:
            print(f"vco-emulator: cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
