"""Running ``plangen serve`` for the tests as a user runs it: a process of its own (its own
process group, as a terminal starts it), a copy of the seed plan in a folder of its own,
its temporary files in a folder of the test's; and Debian's chromium driven by Playwright.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT
from plangen.serve.office import Office

CHROMIUM = next((p for p in ("/usr/bin/chromium", shutil.which("chromium") or "",
                             shutil.which("chromium-browser") or "") if p and Path(p).is_file()),
                None)
HAS_OFFICE = all(shutil.which(tool) for tool in ("soffice", "pdftoppm", "pdfinfo"))
# Flags that let chromium run here: no sandbox as root, no GPU, and none of the
# background connections a closed network refuses.
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"]
TIMEOUT_MS = 60_000


def needs(*what: str) -> pytest.MarkDecorator:
    """Skip unless ``what`` ("office", "chromium") is installed; CI must have it all."""
    missing = [name for name in what
               if not {"office": HAS_OFFICE, "chromium": CHROMIUM is not None}[name]]
    if missing and os.environ.get("CI"):
        raise RuntimeError(f"CI must install {', '.join(missing)} (see .ci/run)")
    return pytest.mark.skipif(bool(missing), reason=f"needs {', '.join(missing)}")


class NoOffice(Office):
    """An Office with no LibreOffice: the preview shows errors and findings only."""

    def __init__(self) -> None:
        super().__init__()
        self.program = None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def seed_copy(folder: Path) -> Path:
    """The seed plan, its data and the templates, copied into ``folder``."""
    shutil.copytree(ROOT / "plans", folder / "plans")
    shutil.copytree(ROOT / "templates", folder / "templates")
    return folder / "plans" / "cchc-2023-2025.yaml"


def start(plan: Path, port: int, tmp: Path, *extra: str) -> subprocess.Popen[str]:
    """``plangen serve PLAN --port PORT`` with its temporary files under ``tmp``, in a
    process group of its own, as a terminal starts a command."""
    env = {**os.environ, "TMPDIR": str(tmp), "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-m", "plangen", "serve", str(plan), "--port",
                             str(port), *extra], cwd=plan.parent.parent, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


def ctrl_c(server: subprocess.Popen[str], timeout: float = 60,
           times: int = 1) -> tuple[float, str, str]:
    """Press Ctrl-C as a terminal does (SIGINT to the process group), ``times`` times a
    twentieth of a second apart; how long the server took to end, and what it printed."""
    started = time.monotonic()
    for press in range(times):
        if press:
            time.sleep(0.05)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGINT)
    out, err = server.communicate(timeout=timeout)
    return time.monotonic() - started, out, err


@dataclass
class Served:
    """A running preview: its process, port and plan."""

    process: subprocess.Popen[str]
    port: int
    plan: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def state(self, doc: str = "", timeout: float = 120) -> dict[str, Any]:
        return state(self.port, doc, timeout)


@contextlib.contextmanager
def serving(plan: Path, tmp: Path, *extra: str) -> Iterator[Served]:
    """``plangen serve`` on ``plan`` until the block ends (then Ctrl-C, if still running)."""
    port = free_port()
    server = start(plan, port, tmp, *extra)
    try:
        state(port)
        yield Served(server, port, plan)
    finally:
        if server.poll() is None:
            ctrl_c(server)


def state(port: int, doc: str = "", timeout: float = 120) -> dict[str, Any]:
    """The preview's state (for the document ``doc``), once the server answers."""
    deadline = time.monotonic() + timeout
    query = f"?doc={urllib.parse.quote(doc)}" if doc else ""
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/state{query}",
                                        timeout=60) as answer:
                return dict(json.load(answer))
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def wait_for(port: int, test: Any, doc: str = "", timeout: float = 120) -> dict[str, Any]:
    """The state once ``test(state)`` holds."""
    deadline = time.monotonic() + timeout
    while True:
        now = state(port, doc)
        if test(now):
            return now
        if time.monotonic() > deadline:
            raise AssertionError(f"still not so after {timeout} s: {now}")
        time.sleep(0.05)


def built(port: int, above: int, doc: str = "") -> dict[str, Any]:
    """The state once a build past version ``above`` is done."""
    return wait_for(port, lambda s: s["version"] > above and not s["building"], doc)


@contextlib.contextmanager
def chromium(*flags: str) -> Iterator[Any]:
    """A Playwright browser: Debian's chromium, no download."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                             args=[*CHROMIUM_FLAGS, *flags])
        try:
            yield browser
        finally:
            browser.close()


def open_page(browser: Any, url: str, width: int = 1280, height: int = 1000) -> Any:
    """A tab on ``url``, its requests and script errors recorded on it."""
    page = browser.new_page(viewport={"width": width, "height": height})
    page.set_default_timeout(TIMEOUT_MS)
    page.failed = []  # (status, url) of every answer of 400 or more
    page.errors = []
    page.on("response", lambda r: r.status >= 400 and page.failed.append((r.status, r.url)))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.goto(url)
    return page


def pages_loaded(page: Any, at_least: int = 1) -> None:
    """Wait until ``at_least`` pages are laid out and every page image on the screen is
    loaded (the others load as they come near it)."""
    page.wait_for_function(
        "n => { const i = [...document.querySelectorAll('#pages img')];"
        " const seen = i.filter(x => { const r = x.getBoundingClientRect();"
        "   return r.bottom > 0 && r.top < innerHeight; });"
        " return i.length >= n && seen.length > 0"
        "   && seen.every(x => x.complete && x.naturalWidth > 0); }", arg=at_least)


def scroll_through(page: Any) -> None:
    """Scroll past every page, so that every image loads."""
    for figure in page.locator("#pages figure").all():
        figure.scroll_into_view_if_needed()
        pages_loaded(page)


def shot(page: Any, folder: Path, name: str) -> None:
    """A screenshot, kept when PLANGEN_SCREENSHOTS names a folder."""
    target = Path(os.environ.get("PLANGEN_SCREENSHOTS") or folder / "shots")
    target.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(target / name))


def own_processes(*folders: Path) -> list[str]:
    """The running processes (not zombies) whose command line names one of ``folders``
    or that run in one of them: those a preview of the test started, whatever their
    name (LibreOffice names its profile there, a build process runs where the server
    does)."""
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            if (entry / "stat").read_text().rsplit(")", 1)[1].split()[0] == "Z":
                continue
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(
                "utf-8", "replace")
            where = Path(os.readlink(entry / "cwd"))
        except OSError:
            continue
        if any(str(f) in command or where.is_relative_to(f) for f in folders):
            found.append(command)
    return found


def _bench(name: str) -> Any:
    """A module of bench/ (the benchmarks and the tests grow plans the same way), loaded
    from its file under a name of its own: ``serve`` is also a folder of tests."""
    import importlib.util

    module_name = f"plangen_bench_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(module_name, ROOT / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return module


def grow(plan: Path, extra: int, work: Path) -> dict[str, bytes]:
    """Give the seed plan ``extra`` more registrations (and their results), as
    bench/build.py does; the data files as they were, to put back."""
    data = plan.parent / plan.stem
    before = {p.name: p.read_bytes() for p in data.iterdir()}
    grown = _bench("build").grown_plan(work, extra).parent / plan.stem
    for source in grown.iterdir():
        shutil.copy(source, data / source.name)
    return before


def own_memory_mb(pid: int) -> float:
    """The resident memory of ``pid`` and every process it started, in MB."""
    return float(_bench("serve").memory_mb(pid))
