"""Only this computer's pages may talk to the preview (plangen.serve.guard): the rules,
then a DNS rebinding attack played in a real browser, whose resolver is told to point an
attacker's names at 127.0.0.1."""

from __future__ import annotations

import contextlib
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from plangen.serve.guard import host_allowed, origin_allowed
from serving import chromium, needs, open_page, pages_loaded, seed_copy, serving


@pytest.mark.parametrize(("host", "served", "allowed"), [
    ("127.0.0.1:8000", "127.0.0.1", True),
    ("localhost:8000", "127.0.0.1", True),
    ("LOCALHOST:8000", "127.0.0.1", True),
    ("[::1]:8000", "127.0.0.1", True),
    ("127.0.0.2:8000", "127.0.0.1", True),  # loopback still
    ("127.0.0.1", "127.0.0.1", False),  # port 80 is not the preview's
    ("127.0.0.1:8001", "127.0.0.1", False),
    ("attacker.example:8000", "127.0.0.1", False),
    ("127.0.0.1.nip.io:8000", "127.0.0.1", False),
    ("192.168.1.5:8000", "127.0.0.1", False),
    ("192.168.1.5:8000", "192.168.1.5", True),  # --host 192.168.1.5
    ("192.168.1.5:8000", "0.0.0.0", True),  # --host 0.0.0.0: any address of its own
    ("school-pc.local:8000", "0.0.0.0", False),  # but no name
    ("[fe80::1]:8000", "::", True),
    ("", "127.0.0.1", False),
    ("127.0.0.1:8000 ", "127.0.0.1", False),
    ("127.0.0.1:80x0", "127.0.0.1", False),
    ("user@127.0.0.1:8000", "127.0.0.1", False),
])
def test_the_host_must_name_the_preview(host: str, served: str, allowed: bool) -> None:
    assert host_allowed(host, served, 8000) is allowed


@pytest.mark.parametrize(("origin", "allowed"), [
    ("http://127.0.0.1:8000", True),
    ("http://localhost:8000", True),
    ("http://127.0.0.1:8000/", False),
    ("https://127.0.0.1:8000", False),
    ("http://attacker.example:8000", False),
    ("http://127.0.0.1:9000", False),
    ("null", False),
    ("", False),
])
def test_the_origin_must_be_the_preview(origin: str, allowed: bool) -> None:
    assert origin_allowed(origin, "127.0.0.1", 8000) is allowed


@needs("office", "chromium")
def test_a_page_elsewhere_cannot_read_the_preview_by_dns_rebinding(tmp_path: Path) -> None:
    plan = seed_copy(tmp_path / "work")
    with serving(plan, tmp_path) as served:
        rules = "MAP rebound.example 127.0.0.1"
        with chromium(f"--host-resolver-rules={rules}") as browser:
            # The preview itself: every answer is a success.
            own = open_page(browser, served.url)
            pages_loaded(own)
            assert own.failed == []

            # The attacker's name, now pointing at 127.0.0.1: nothing but 421.
            answer = own.goto(f"http://rebound.example:{served.port}/")
            assert answer is not None and answer.status == 421
            assert own.locator("body").text_content() == "421 Misdirected Request"
            own.goto(f"http://rebound.example:{served.port}/state")
            assert own.locator("body").text_content() == "421 Misdirected Request"

            # A page of another origin on this computer (another program's web page)
            # listens to the preview's event stream: forbidden.
            # The browser sends the page's origin; the answer is read on its way (the
            # page itself is never let read it, for want of CORS headers).
            with other_site() as elsewhere:
                attacker = open_page(browser, elsewhere)
                answers: list[tuple[str | None, int]] = []

                def spy(route: Any) -> None:
                    answer = route.fetch()
                    answers.append((route.request.headers.get("origin"), answer.status))
                    route.fulfill(response=answer)

                attacker.route(f"{served.url}events", spy)
                attacker.evaluate(f"window.stream = new EventSource('{served.url}events')")
                attacker.wait_for_function("() => window.stream.readyState === 2")
                assert answers[0] == (elsewhere.rstrip("/"), 403)


@contextlib.contextmanager
def other_site() -> Iterator[str]:
    """A web server of another program on this computer; its page's address."""
    page = b"<!doctype html><title>elsewhere</title>"

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *_args: object) -> None:
            pass

    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield f"http://localhost:{server.server_address[1]}/"
        finally:
            server.shutdown()
