"""Benchmark of ``plangen serve`` as a văn thư uses it: saves, a large list, memory.

It runs ``plangen serve`` as a process on a copy of the seed plan and asks it what the
page asks (``/state``, then the page images), as the browser does:

1. the first pages after the start (LibreOffice starting with the server);
2. save → new pages: the plan is saved N times (a word changed each time, two seconds
   apart, as a person saves); for each save, the time until the Kế hoạch of the new
   version is drawn and its first page image is served (the moment the browser swaps
   the pages);
3. a large list: the data files get ``--extra`` more registrations (those of
   ``bench/build.py``); once the build is done, the registration list is chosen, and
   the times to its first page image and to its last page are measured;
4. memory: the resident memory of the server and every process it started (LibreOffice,
   the build processes), at the start, with the large list drawn, and after the data
   files are put back (once its build is done and its pages drawn).

Usage:  .venv/bin/python bench/serve.py [--saves 10] [--extra 1000]
"""

from __future__ import annotations

import argparse
import json
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from build import grown_plan

ROOT = Path(__file__).resolve().parents[1]
PLAN = Path("plans") / "cchc-2023-2025.yaml"
DATA = Path("plans") / "cchc-2023-2025"
LIST = "danh-sach-dang-ky.docx"
FIRST = "ke-hoach.docx"
PAUSE = 2.0  # seconds between two saves


class Preview:
    """A running ``plangen serve`` and the requests the page makes."""

    def __init__(self, folder: Path) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.process = subprocess.Popen(
            [sys.executable, "-m", "plangen", "serve", str(folder / PLAN), "--port",
             str(self.port)], cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def get(self, path: str) -> bytes:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=300) as r:
            return bytes(r.read())

    def state(self, doc: str) -> dict[str, Any]:
        while True:
            try:
                return dict(json.loads(self.get(f"/state?doc={urllib.parse.quote(doc)}")))
            except OSError:
                time.sleep(0.05)

    def first_page(self, doc: str, above: int = 0) -> dict[str, Any]:
        """Wait until ``doc`` of a version past ``above`` has a page; fetch page 1."""
        while True:
            now = self.state(doc)
            shown = now["shown"]
            if now["version"] > above and shown and shown["name"] == doc and shown["pages"]:
                self.get(f"/page/1?doc={urllib.parse.quote(doc)}&v={now['version']}")
                return now
            time.sleep(0.02)

    def complete(self, doc: str) -> dict[str, Any]:
        while True:
            now = self.state(doc)
            if now["shown"] and now["shown"]["complete"]:
                return now
            time.sleep(0.05)

    def built(self, above: int) -> dict[str, Any]:
        """Wait for a build past version ``above`` to be done."""
        while True:
            now = self.state(FIRST)
            if now["version"] > above and not now["building"]:
                return now
            time.sleep(0.05)

    def memory_mb(self) -> float:
        return memory_mb(self.process.pid)

    def stop(self) -> float:
        start = time.perf_counter()
        self.process.send_signal(signal.SIGINT)
        self.process.wait(timeout=60)
        return time.perf_counter() - start


def memory_mb(pid: int) -> float:
    """Resident memory of process ``pid`` and all its descendants, in MB (Linux's /proc)."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    family, grew = {pid}, True
    while grew:
        more = {child for child, parent in parents.items() if parent in family} - family
        family |= more
        grew = bool(more)
    total = 0
    for member in family:
        try:
            status = Path(f"/proc/{member}/status").read_text()
        except OSError:
            continue
        total += next((int(line.split()[1]) for line in status.splitlines()
                       if line.startswith("VmRSS:")), 0)
    return total / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=10)
    parser.add_argument("--extra", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "seed"
        shutil.copytree(ROOT / "plans", folder / "plans")
        shutil.copytree(ROOT / "templates", folder / "templates")
        grown = grown_plan(Path(work) / "grown", args.extra).parent / DATA.name
        seed = {p.name: p.read_bytes() for p in (folder / DATA).iterdir()}
        preview = Preview(folder)
        try:
            measure(preview, folder, grown, seed, args)
        finally:
            print(f"Ctrl-C → stopped: {preview.stop():.2f} s")


def measure(preview: Preview, folder: Path, grown: Path, seed: dict[str, bytes],
            args: argparse.Namespace) -> None:
    start = time.perf_counter()
    first = preview.first_page(FIRST)
    print(f"first page after the start: {time.perf_counter() - start:.2f} s "
          f"(LibreOffice started with the server)")
    preview.complete(FIRST)
    time.sleep(1)
    memory_start = preview.memory_mb()

    plan = folder / PLAN
    text, version, timings = plan.read_text(encoding="utf-8"), first["version"], []
    for i in range(args.saves):
        plan.write_text(text.replace("Ban Giám hiệu", f"Ban Giám hiệu {i}"), encoding="utf-8")
        saved = time.perf_counter()
        version = preview.first_page(FIRST, version)["version"]
        timings.append(time.perf_counter() - saved)
        preview.complete(FIRST)
        time.sleep(PAUSE)
    if timings:
        print(f"save → new pages ({len(timings)} saves of the seed plan): median "
              f"{statistics.median(timings):.2f} s, max {max(timings):.2f} s")
    plan.write_text(text, encoding="utf-8")
    version = preview.built(version)["version"]

    for source in grown.iterdir():  # the registrations and results, grown
        shutil.copy(source, folder / DATA / source.name)
    saved = time.perf_counter()
    version = preview.built(version)["version"]
    print(f"build of {args.extra} more registrations ({len(preview.state(FIRST)['documents'])}"
          f" documents): {time.perf_counter() - saved:.2f} s")
    chosen = time.perf_counter()
    preview.first_page(LIST)
    first_page = time.perf_counter() - chosen
    whole = preview.complete(LIST)
    pages = len(whole["shown"]["pages"])
    print(f"registration list ({pages} pages): first page {first_page:.2f} s after choosing "
          f"it, all pages {time.perf_counter() - chosen:.2f} s")
    memory_grown = preview.memory_mb()

    for name, data in seed.items():  # the plan shrinks back
        (folder / DATA / name).write_bytes(data)
    version = preview.built(version)["version"]
    preview.complete(LIST)
    preview.complete(FIRST)
    time.sleep(1)
    memory_back = preview.memory_mb()
    print(f"memory (server, LibreOffice, build processes): {memory_start:.0f} MB at the "
          f"start, {memory_grown:.0f} MB with the large list, {memory_back:.0f} MB after "
          f"it shrank back ({memory_back / memory_start - 1:+.0%})")


if __name__ == "__main__":
    main()
