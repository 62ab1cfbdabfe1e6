"""Only this computer's pages may talk to the preview: the Host and Origin checks.

Why: a web page on the Internet can make a browser send requests to 127.0.0.1; it cannot
read the answers, unless its own name is made to point at 127.0.0.1 (DNS rebinding), and
then its requests carry its name in ``Host``. A request whose ``Host`` is not an address
of the preview and its port is refused (421 Misdirected Request), and so is one from a
page of another origin (403): the event stream and every other address.

Names a DNS server could point anywhere are refused; ``localhost`` and IP addresses are
not names it controls. Served on a wildcard address (``--host 0.0.0.0``), any IP address
of this computer is accepted, still with the preview's port.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Receive, Scope, Send

LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}
WILDCARDS = {"0.0.0.0", "::", ""}
_HOST = re.compile(r"(?P<name>\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):(?P<port>[0-9]{1,5})")


class Guard:
    """ASGI middleware: refuses what :func:`host_allowed` and the origin check refuse."""

    def __init__(self, app: ASGIApp, host: str, port: int) -> None:
        self.app = app
        self.host = host
        self.port = port

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            headers = dict(scope["headers"])
            host = headers.get(b"host", b"").decode("latin-1")
            origin = headers.get(b"origin")
            if not host_allowed(host, self.host, self.port):
                await PlainTextResponse("421 Misdirected Request", 421)(scope, receive, send)
                return
            if origin is not None and not origin_allowed(origin.decode("latin-1"),
                                                         self.host, self.port):
                await PlainTextResponse("403 Forbidden", 403)(scope, receive, send)
                return
        await self.app(scope, receive, send)


def host_allowed(value: str, served: str, port: int) -> bool:
    """True when ``value`` (a Host header) names the preview: a loopback name or address
    (or the address it is served on) with its port."""
    found = _HOST.fullmatch(value)
    if found is None or int(found["port"]) != port:
        return False
    name = found["name"].strip("[]").lower()
    if name in LOOPBACK_NAMES or name == served.strip("[]").lower():
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False  # a DNS name: it could point anywhere
    return address.is_loopback or served in WILDCARDS


def origin_allowed(value: str, served: str, port: int) -> bool:
    """True when ``value`` (an Origin header) is a page of the preview itself."""
    parts = urlsplit(value)
    return parts.scheme == "http" and not parts.path and host_allowed(parts.netloc, served,
                                                                      port)
