"""``python -m dyad.web [--db FILE] [--host HOST] [--port PORT]``: serve a knowledge base.

The same as ``dyad serve``; prints the address, then serves until interrupted.
"""

from __future__ import annotations

import argparse
import sys

from dyad.store import StoreError
from dyad.web.app import serve


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dyad.web", description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="dyad.db", help="the knowledge base (default dyad.db)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args(argv)

    def announce(address: str) -> None:
        print(f"Serving {args.db} at {address}  (Ctrl-C stops)", flush=True)

    try:
        serve(args.db, host=args.host, port=args.port, workers=args.workers, announce=announce)
    except (FileNotFoundError, StoreError) as exc:
        print(f"dyad: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
