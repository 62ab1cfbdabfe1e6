"""``plangen serve``: what the server refuses, where it listens, what it leaves behind, and
how it rebuilds. The page itself is driven in a real browser in test_serve_browser.py."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from conftest import MINIMAL_PLAN
from plangen.cli import main
from plangen.serve.app import create_app
from plangen.serve.office import Office
from plangen.serve.preview import Preview
from serving import free_port, seed_copy, start, state, wait_for_version

HAS_OFFICE = shutil.which("soffice") is not None and shutil.which("pdftoppm") is not None
needs_office = pytest.mark.skipif(not HAS_OFFICE and not os.environ.get("CI"),
                                  reason="needs LibreOffice and poppler")


class NoOffice(Office):
    """An Office with no LibreOffice: the preview shows errors and findings only."""

    def __init__(self) -> None:
        super().__init__()
        self.program = None


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    plan = tmp_path / "plan.yaml"
    shutil.copy(MINIMAL_PLAN, plan)
    app = create_app(Preview(plan, "en", office=NoOffice()), watch=False)
    with TestClient(app) as test_client:
        yield test_client


@pytest.mark.parametrize("path", [
    "/page/../../etc/passwd", "/page/0/..%2F..%2Fetc%2Fpasswd", "/download/0/..%2Fplan.yaml",
    "/download/0/yaml", "/download/../plan.yaml", "/page/x/1", "/plan.yaml",
    "/download/99/docx", "/page/0/0", "/%2e%2e/plan.yaml",
])
def test_no_path_from_a_request_reaches_the_file_system(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 404


def test_without_libreoffice_the_page_says_so_and_still_shows_findings(
        client: TestClient) -> None:
    body = client.get("/state").json()
    assert body["errors"] == [] and body["pages"] == 0
    assert body["note"].startswith("LibreOffice (or poppler's pdftoppm) was not found")
    assert body["documents"][0]["name"] == "ke-hoach.docx"
    docx = client.get("/download/0/docx")
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    assert 'filename="ke-hoach.docx"' in docx.headers["content-disposition"]


def test_a_broken_plan_keeps_the_last_documents_and_quotes_the_line(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    shutil.copy(MINIMAL_PLAN, plan)
    preview = Preview(plan, "en", office=NoOffice())
    try:
        good = preview.rebuild()
        plan.write_text(plan.read_text(encoding="utf-8").replace("trich_yeu:", "trich_yue:"),
                        encoding="utf-8")
        broken = preview.rebuild()
        assert broken.version == good.version + 1
        assert broken.documents is good.documents
        assert broken.errors[2:4] == [
            f"{plan}:9:1: trich_yue: unknown key \"trich_yue\"; did you mean \"trich_yeu\"?",
            "    9 | trich_yue: Tổ chức hội thi {{ campaign.name }} năm {{ campaign.start.year }}"]
    finally:
        preview.close()
    assert not preview.folder.exists()


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
        server.send_signal(signal.SIGINT)
        server.communicate(timeout=60)


def _office_processes(tmp: Path) -> list[str]:
    done = subprocess.run(["pgrep", "-af", "soffice"], capture_output=True, text=True,
                          check=False)
    return [line for line in done.stdout.splitlines() if str(tmp) in line]


@needs_office
def test_a_burst_of_saves_builds_once_and_ctrl_c_leaves_nothing(tmp_path: Path) -> None:
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    plan = seed_copy(tmp_path / "work")
    port = free_port()
    server = start(plan, port, temporary)
    try:
        first = state(port)
        assert first["pages"] >= 5 and _office_processes(temporary)
        text = plan.read_text(encoding="utf-8")
        for i in range(5):  # five saves inside the debounce window
            plan.write_text(text.replace("Ban Giám hiệu", f"Ban Giám hiệu{' ' * i}"),
                            encoding="utf-8")
            time.sleep(0.02)
        after = wait_for_version(port, first["version"])
        time.sleep(1.0)  # had the burst built twice, a second version would come now
        assert state(port)["version"] == after["version"] == first["version"] + 1
    finally:
        server.send_signal(signal.SIGINT)
        server.communicate(timeout=60)
    assert server.returncode == 0
    assert _office_processes(temporary) == []
    assert list(temporary.iterdir()) == []


@needs_office
def test_saves_by_rename_and_data_file_edits_rebuild(tmp_path: Path) -> None:
    """An editor that saves by writing a new file and renaming it (vim, gedit) is seen
    every time, and so is a save of a data file the plan names."""
    plan = seed_copy(tmp_path / "work")
    port = free_port()
    server = start(plan, port, tmp_path)
    try:
        version = state(port)["version"]
        text = plan.read_text(encoding="utf-8")
        for i in range(2):
            fresh = plan.with_name(f".cchc.yaml.{i}.tmp")
            fresh.write_text(text.replace("Ban Giám hiệu", f"Ban Giám hiệu{' ' * (i + 1)}"),
                             encoding="utf-8")
            os.replace(fresh, plan)
            now = wait_for_version(port, version)
            assert now["version"] == version + 1, f"save {i + 1} by rename was not seen"
            version = now["version"]
        data = plan.parent / "cchc-2023-2025" / "dang-ky-bieu-mau.csv"
        data.write_bytes(data.read_bytes())
        assert wait_for_version(port, version)["version"] == version + 1
    finally:
        server.send_signal(signal.SIGINT)
        server.communicate(timeout=60)
