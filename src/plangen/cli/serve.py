"""``plangen serve PLAN``: the live preview, on this computer only unless ``--host``."""

from __future__ import annotations

import argparse
import importlib.util
import webbrowser
from pathlib import Path
from typing import TYPE_CHECKING

from plangen.cli.common import EXIT_OK
from plangen.errors import UserError
from plangen.messages import Lang, message

if TYPE_CHECKING:
    from plangen.cli.common import Commands

LOOPBACK = "127.0.0.1"
EXTRA = ("starlette", "uvicorn", "watchfiles")


def add_parser(commands: Commands, common: argparse.ArgumentParser,
               ) -> argparse.ArgumentParser:
    serve = commands.add_parser("serve", parents=[common],
                                help="a live preview of a plan's documents in the browser")
    serve.add_argument("plan", type=Path, metavar="PLAN")
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    serve.add_argument("--host", default=LOOPBACK,
                       help="address to listen on (default: 127.0.0.1, this computer only)")
    serve.add_argument("--open", action="store_true", help="open the page in the browser")
    serve.add_argument("--templates", type=Path, metavar="DIR",
                       help="folder of the Word templates, as for build")
    return serve


def run(args: argparse.Namespace, lang: Lang) -> int:
    """Serve until Ctrl-C; LibreOffice and the temporary files go with the server."""
    if any(importlib.util.find_spec(name) is None for name in EXTRA):
        raise UserError([message("serve_needs_extra", lang)])
    if not args.plan.is_file():
        raise UserError([f"{args.plan}: {message('file_missing', lang)}"])
    import uvicorn

    from plangen.serve.app import create_app
    from plangen.serve.preview import Preview

    app = create_app(Preview(args.plan, lang, args.templates))
    url = f"http://{args.host}:{args.port}/"
    print(message("serve_listening", lang, plan=args.plan, url=url), flush=True)
    if args.open:
        webbrowser.open(url)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return EXIT_OK
