"""Running ``plangen serve`` as a process for the tests: a free port, a copy of the seed
plan in a folder of its own, and waiting for the server to answer."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

from conftest import ROOT


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
    """``plangen serve PLAN --port PORT`` with its temporary files under ``tmp``."""
    env = {**os.environ, "TMPDIR": str(tmp), "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-m", "plangen", "serve", str(plan), "--port",
                             str(port), *extra], cwd=plan.parent.parent, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def state(port: int, timeout: float = 120) -> dict[str, Any]:
    """The preview's state, once the server answers."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/state", timeout=60) as r:
                return dict(json.load(r))
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def wait_for_version(port: int, above: int, timeout: float = 60) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        now = state(port)
        if now["version"] > above or time.monotonic() > deadline:
            return now
        time.sleep(0.05)
