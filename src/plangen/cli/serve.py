"""``plangen serve PLAN``: the live preview, on this computer only unless ``--host``.

The port is opened before anything is printed: a port in use is said in the user's
language, with exit 1, and ``--port 0`` takes a free port, which the printed address
gives. Ctrl-C (SIGINT, which a terminal sends to the whole process group) ends the
preview at once: the builds and LibreOffice are killed, the pages' event streams end, and
one line is printed. A second Ctrl-C while it stops ends it there, cleaned up the same.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import importlib.util
import os
import signal
import socket
from pathlib import Path
from types import FrameType
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
    serve.add_argument("--port", type=int, default=8000,
                       help="port (default: 8000; 0: a free port, printed)")
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
    import asyncio  # here, not at the top: 40 ms of every other command's start
    import webbrowser

    import uvicorn

    from plangen.serve.app import create_app
    from plangen.serve.preview import Preview

    listener = listen(args.host, args.port, lang)
    port = int(listener.getsockname()[1])
    preview = Preview(args.plan, lang, args.templates)
    host = f"[{args.host}]" if ":" in args.host else args.host
    url = f"http://{host}:{port}/"

    class Server(uvicorn.Server):
        """uvicorn, with the preview stopped the moment a signal asks the server to end:
        uvicorn would wait for the event streams, which never end by themselves."""

        loop: asyncio.AbstractEventLoop | None = None

        async def serve(self, sockets: list[socket.socket] | None = None) -> None:
            self.loop = asyncio.get_running_loop()
            await super().serve(sockets)

        def handle_exit(self, sig: int, frame: FrameType | None) -> None:
            if self.should_exit:  # Ctrl-C again: out now, cleaned up all the same
                signal.signal(signal.SIGINT, signal.SIG_IGN)
                preview.close()
                print(message("serve_stopped_cli", lang), flush=True)
                os._exit(EXIT_OK)
            super().handle_exit(sig, frame)
            if self.loop is not None:
                self.loop.call_soon_threadsafe(preview.stop)

    server = Server(uvicorn.Config(create_app(preview, args.host, port), log_level="warning"))
    print(message("serve_listening", lang, plan=args.plan, url=url), flush=True)
    if args.open:
        webbrowser.open(url)
    try:
        server.run(sockets=[listener])
    except KeyboardInterrupt:  # uvicorn hands the signal on once it has stopped
        pass
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # stopping already
        preview.close()  # done already, unless the server did not start
        listener.close()
    print(message("serve_stopped_cli", lang), flush=True)
    return EXIT_OK


def listen(host: str, port: int, lang: Lang) -> socket.socket:
    """A socket listening on ``host`` and ``port`` (0: one the system picks)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    try:
        if os.name == "posix":  # a port left in TIME_WAIT by the last run is free
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((host, port))
        listener.listen(128)
    except OSError as err:
        listener.close()
        if err.errno == errno.EADDRINUSE:
            raise UserError([message("serve_port_busy", lang, port=port,
                                     other=port + 1)]) from None
        raise UserError([message("serve_cannot_listen", lang, host=host, port=port,
                                 reason=err.strerror or err)]) from None
    with contextlib.suppress(OSError):
        listener.set_inheritable(False)
    return listener
