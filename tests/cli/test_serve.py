"""``plangen serve`` as a command (plangen.cli.serve): where it listens, what it says when
it cannot, and how it stops: Ctrl-C pressed in a terminal (SIGINT to the whole process
group), with or without a page open, during a large conversion too."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import MINIMAL_PLAN
from plangen.cli import main
from plangen.serve.office import pipe_files
from serving import (
    chromium,
    ctrl_c,
    free_port,
    grow,
    needs,
    open_page,
    own_processes,
    pages_loaded,
    seed_copy,
    start,
    state,
    wait_for,
)


def test_without_the_extra_serve_says_how_to_install_it(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "watchfiles" else real(name, *a))
    assert main(["serve", str(MINIMAL_PLAN), "--lang", "en"]) == 1
    assert capsys.readouterr().err.strip() == (
        "plangen serve needs a few more libraries: pip install 'plangen[serve]'")


def _listening(port: int) -> list[str]:
    """The local addresses listening on ``port`` (Linux's /proc/net/tcp)."""
    found = []
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        local, state_code = line.split()[1], line.split()[3]
        address, hex_port = local.split(":")
        if int(hex_port, 16) == port and state_code == "0A":  # LISTEN
            found.append(".".join(str(int(address[i:i + 2], 16)) for i in (6, 4, 2, 0)))
    return found


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads Linux's /proc")
def test_it_listens_on_loopback_unless_told_otherwise(tmp_path: Path) -> None:
    plan = seed_copy(tmp_path / "work")
    port = free_port()
    server = start(plan, port, tmp_path, "--lang", "en")
    try:
        state(port)
        assert _listening(port) == ["127.0.0.1"]
        assert server.stdout is not None
        assert server.stdout.readline().strip() == (
            f"Previewing {plan} at http://127.0.0.1:{port}/ (Ctrl-C to stop)")
    finally:
        _seconds, out, err = ctrl_c(server)
    assert (out, err) == ("Preview stopped.\n", "")
    assert server.returncode == 0


def test_port_0_takes_a_free_port_and_says_which(tmp_path: Path) -> None:
    plan = seed_copy(tmp_path / "work")
    server = start(plan, 0, tmp_path)
    try:
        assert server.stdout is not None
        line = server.stdout.readline().strip()
        found = re.fullmatch(rf"Xem trước {re.escape(str(plan))} tại "
                             r"http://127\.0\.0\.1:(\d+)/ \(Ctrl-C để dừng\)", line)
        assert found, line
        port = int(found.group(1))
        assert port > 0 and state(port)["errors"] == []
    finally:
        ctrl_c(server)


def test_a_port_in_use_is_said_in_vietnamese_with_exit_1(tmp_path: Path) -> None:
    plan = seed_copy(tmp_path / "work")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        server = start(plan, port, tmp_path)
        out, err = server.communicate(timeout=60)
    assert server.returncode == 1
    assert out == ""  # no address printed as if it worked
    assert err == (f"cổng {port} đang được một chương trình khác dùng; chọn cổng khác, ví dụ "
                   f"--port {port + 1}, hoặc --port 0 để plangen tự chọn một cổng trống\n")
    assert list(tmp_path.glob("plangen-*")) == []


def test_an_address_it_cannot_listen_on_is_said(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    plan = seed_copy(tmp_path / "work")
    assert main(["serve", str(plan), "--host", "192.0.2.1", "--port", "0", "--lang",
                 "en"]) == 1
    assert capsys.readouterr().err.startswith("cannot listen on 192.0.2.1:0: ")


@contextlib.contextmanager
def foreign_libreoffice(folder: Path) -> Iterator[list[Path]]:
    """A LibreOffice the user runs meanwhile, of its own profile and pipe; its pipe files
    once it listens."""
    profile, name = (folder / "profile").as_uri(), f"users-own-{os.getpid()}"
    process = subprocess.Popen(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--invisible",
         "--norestore", "--nolockcheck", f"--accept=pipe,name={name};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    pipes = pipe_files([profile], [name])
    try:
        deadline = time.monotonic() + 120
        while not all(p.exists() for p in pipes) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert all(p.exists() for p in pipes)
        yield pipes
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=60)
        for pipe in pipes:
            pipe.unlink(missing_ok=True)


def preview_pipes(temporary: Path) -> list[Path]:
    """The pipe files of the LibreOffice instances a preview started, from its folders."""
    office = next(temporary.glob("plangen-office-*"))
    return pipe_files([(office / "warm").as_uri(), (office / "cold").as_uri()],
                      [office.name])


@needs("office", "chromium")
@pytest.mark.parametrize("while_", ["no page", "a page open", "a large conversion",
                                    "pressed twice"])
def test_ctrl_c_ends_it_within_a_second_and_leaves_nothing(tmp_path: Path,
                                                           while_: str) -> None:
    """Ctrl-C ends the preview within a second, with one line and no traceback (pressed
    twice too: the second one ends it there); no
    process of its own is left, no temporary file, none of its LibreOffice pipes, and
    the pipes of the user's own LibreOffice are still there."""
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    plan = seed_copy(tmp_path / "work")
    port = free_port()
    with foreign_libreoffice(tmp_path / "users") as users_pipes, chromium() as browser:
        server = start(plan, port, temporary)
        try:
            wait_for(port, lambda s: s["shown"] and s["shown"]["complete"], "ke-hoach.docx")
            ours = preview_pipes(temporary)
            assert [p.exists() for p in ours] == [True, True, False]  # no cold one yet
            if while_ != "no page":
                page = open_page(browser, f"http://127.0.0.1:{port}/")
                pages_loaded(page)
            if while_ == "a large conversion":
                version = state(port)["version"]
                grow(plan, 300, tmp_path / "grown")
                wait_for(port, lambda s: s["version"] > version and not s["building"])
                page.locator("#doc").select_option("danh-sach-dang-ky.docx")
                page.locator("#progress span", has_text="Đã hiện").wait_for()
                assert any("--convert-to" in p for p in own_processes(temporary))
        finally:
            seconds, out, err = ctrl_c(server, times=2 if while_ == "pressed twice" else 1)
        assert seconds < 1.0
        assert out.splitlines()[1:] == ["Đã dừng xem trước."]
        assert err == ""
        assert own_processes(temporary, tmp_path / "work") == []
        assert list(temporary.iterdir()) == []
        assert [p for p in ours if p.exists()] == []
        assert all(p.exists() for p in users_pipes)
