"""Benchmark: from a save of the plan to updated page images in ``plangen serve``.

It runs ``plangen serve`` as a process on a copy of the seed plan, waits for the first
pages, then saves the plan N times (a word changed each time) and measures, for each save,
the time until the server gives the new version with its page images drawn (the moment
the browser's page updates). LibreOffice stays warm between saves.

Usage:  .venv/bin/python bench/serve.py [--saves 10]
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
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def state(port: int) -> dict[str, object]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/state", timeout=120) as answer:
        return dict(json.load(answer))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        shutil.copytree(ROOT / "plans", folder / "plans")
        shutil.copytree(ROOT / "templates", folder / "templates")
        plan = folder / "plans" / "cchc-2023-2025.yaml"
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        server = subprocess.Popen([sys.executable, "-m", "plangen", "serve", str(plan),
                                   "--port", str(port)], cwd=folder,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            start = time.perf_counter()
            while True:
                try:
                    first = state(port)
                    break
                except OSError:
                    time.sleep(0.1)
            print(f"first pages: {time.perf_counter() - start:.2f} s "
                  f"({first['pages']} pages, LibreOffice started)")
            timings = []
            text = plan.read_text(encoding="utf-8")
            for i in range(args.saves):
                version = int(str(state(port)["version"]))
                plan.write_text(text.replace("Ban Giám hiệu", f"Ban Giám hiệu {i}"),
                                encoding="utf-8")
                saved = time.perf_counter()
                while int(str(state(port)["version"])) <= version:
                    time.sleep(0.02)
                timings.append(time.perf_counter() - saved)
            print(f"save → updated pages, {args.saves} saves: median "
                  f"{statistics.median(timings):.2f} s, max {max(timings):.2f} s")
        finally:
            server.send_signal(signal.SIGINT)
            server.wait(timeout=60)


if __name__ == "__main__":
    main()
