"""The preview's web application (plangen.serve.app), through Starlette's test client:
what it refuses, what it answers, and the state the page reads. The page itself is
driven in a real browser in test_page.py."""

from __future__ import annotations

import shutil
import struct
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from conftest import MINIMAL_PLAN, SEED_PLAN
from plangen.serve.app import create_app
from plangen.serve.preview import Preview
from serving import NoOffice

PORT = 8123
BASE = f"http://127.0.0.1:{PORT}"



def settled(client: TestClient, doc: str = "") -> dict[str, Any]:
    """The state once the first build is done."""
    deadline = time.monotonic() + 120
    while True:
        body: dict[str, Any] = client.get(f"/state?doc={doc}").json()
        if not body["building"] or time.monotonic() > deadline:
            return body
        time.sleep(0.05)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """One preview of the minimal plan for the tests that only read it."""
    plan = tmp_path_factory.mktemp("app") / "plan.yaml"
    shutil.copy(MINIMAL_PLAN, plan)
    app = create_app(Preview(plan, "en", office=NoOffice()), port=PORT, watch_files=False)
    with TestClient(app, base_url=BASE) as test_client:
        settled(test_client)
        yield test_client


@pytest.mark.parametrize("path", [
    "/page/../../etc/passwd", "/page/1?doc=..%2F..%2Fetc%2Fpasswd",
    "/download/docx?doc=..%2Fplan.yaml",
    "/download/yaml?doc=ke-hoach.docx", "/download/../plan.yaml", "/page/x?doc=ke-hoach.docx",
    "/plan.yaml", "/download/docx?doc=0.docx", "/page/0?doc=ke-hoach.docx", "/%2e%2e/plan.yaml",
    "/download/docx", "/page/1?doc=/etc/passwd",
])
def test_no_path_from_a_request_reaches_the_file_system(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 404


def test_without_libreoffice_the_page_says_so_and_still_shows_findings(
        client: TestClient) -> None:
    body = client.get("/state?doc=ke-hoach.docx").json()
    assert body["errors"] == [] and body["shown"]["pages"] == []
    assert body["note"].startswith("LibreOffice (or poppler's pdftoppm and pdfinfo) was not")
    assert body["documents"][0] == {"name": "ke-hoach.docx", "kind": "ke-hoach",
                                    "state": "clean", "problems": 0}
    docx = client.get("/download/docx?doc=ke-hoach.docx")
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    assert 'filename="ke-hoach.docx"' in docx.headers["content-disposition"]
    assert client.get("/download/pdf?doc=ke-hoach.docx").status_code == 404


def test_a_document_is_asked_for_by_its_name_and_a_gone_one_is_said(
        client: TestClient) -> None:
    body = client.get("/state?doc=khong-co.docx").json()
    assert body["missing"] == "khong-co.docx"
    assert body["shown"]["name"] == "ke-hoach.docx"  # the first, said to be instead
    assert client.get("/state").json()["missing"] is None


def test_the_icon_is_an_icon(client: TestClient) -> None:
    answer = client.get("/favicon.ico")
    assert answer.status_code == 200 and answer.headers["content-type"] == "image/x-icon"
    reserved, kind, count = struct.unpack("<HHH", answer.content[:6])
    assert (reserved, kind, count) == (0, 1, 1)
    width, height, *_rest, size, offset = struct.unpack("<BBBBHHII", answer.content[6:22])
    assert (width, height) == (16, 16)
    assert answer.content[offset:offset + 8] == b"\x89PNG\r\n\x1a\n"
    assert offset + size == len(answer.content)


@pytest.mark.parametrize(("host", "allowed"), [
    (f"127.0.0.1:{PORT}", True), (f"localhost:{PORT}", True), (f"[::1]:{PORT}", True),
    (f"127.0.0.1:{PORT + 1}", False), ("127.0.0.1", False), (f"evil.example:{PORT}", False),
    (f"localhost.evil.example:{PORT}", False), (f"192.168.1.5:{PORT}", False), ("", False),
])
def test_a_request_for_another_host_is_misdirected(client: TestClient, host: str,
                                                   allowed: bool) -> None:
    for path in ("/", "/state", "/download/docx?doc=ke-hoach.docx", "/favicon.ico"):
        answer = client.get(path, headers={"Host": host})
        assert answer.status_code == (200 if allowed else 421), (path, host)


@pytest.mark.parametrize(("origin", "allowed"), [
    (BASE, True), (f"http://localhost:{PORT}", True), ("http://evil.example", False),
    (f"http://evil.example:{PORT}", False), ("null", False), (f"https://127.0.0.1:{PORT}", False),
])
def test_a_page_of_another_origin_is_forbidden(client: TestClient, origin: str,
                                               allowed: bool) -> None:
    answer = client.get("/state", headers={"Origin": origin})
    assert answer.status_code == (200 if allowed else 403)


def test_the_event_stream_of_another_origin_is_forbidden(client: TestClient) -> None:
    with client.stream("GET", "/events", headers={"Origin": "http://evil.example"}) as answer:
        assert answer.status_code == 403


def test_documents_are_in_build_order_with_their_state(tmp_path: Path) -> None:
    """Every document of the seed plan, filled forms included, in the build's order."""
    from plangen.kinds import render_documents
    from plangen.pipeline.run import default_templates
    from plangen.plan.datafiles import load_bundle

    app = create_app(Preview(SEED_PLAN, "en", office=NoOffice()), port=PORT,
                     watch_files=False)
    with TestClient(app, base_url=BASE) as test_client:
        body = settled(test_client)
    expected = [r.file_name for r in render_documents(load_bundle(SEED_PLAN),
                                                      default_templates(SEED_PLAN))]
    assert [d["name"] for d in body["documents"]] == expected
    assert sum(d["name"].startswith("phieu-dang-ky/") for d in body["documents"]) == 6
    assert {d["state"] for d in body["documents"]} == {"clean"}
