"""``plangen serve`` in a real browser: Playwright drives Debian's chromium (the system's
executable, no browser download). Load the page and see the pages; edit the plan and see
them change; break it and see the located error above the last good pages; fix it and see
the error go. Each step is screenshotted (set PLANGEN_SCREENSHOTS=DIR to keep them).

Needs chromium, LibreOffice and poppler; .ci/run installs them.
"""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import pytest

from serving import free_port, seed_copy, start, state

CHROMIUM = next((p for p in ("/usr/bin/chromium", shutil.which("chromium") or "",
                             shutil.which("chromium-browser") or "") if p and Path(p).is_file()),
                None)
missing = [name for name, found in (("chromium", CHROMIUM), ("soffice", shutil.which("soffice")),
                                    ("pdftoppm", shutil.which("pdftoppm"))) if not found]
if missing and os.environ.get("CI"):
    raise RuntimeError(f"CI must install {', '.join(missing)} (see .ci/run)")
pytestmark = pytest.mark.skipif(bool(missing), reason=f"needs {', '.join(missing)}")

TIMEOUT_MS = 60_000


def test_the_preview_follows_every_save(tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    shots = Path(os.environ.get("PLANGEN_SCREENSHOTS") or tmp_path / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    plan = seed_copy(tmp_path / "work")
    port = free_port()
    server = start(plan, port, tmp_path)

    def shoot(name: str) -> None:
        page.evaluate("window.scrollTo(0, 0)")  # an element's screenshot scrolls the page
        page.screenshot(path=str(shots / name))

    try:
        state(port)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                                 args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1000, "height": 1100})
            page.set_default_timeout(TIMEOUT_MS)
            page.goto(f"http://127.0.0.1:{port}/")

            # 1. The Kế hoạch's pages, as images.
            images = page.locator("#pages img")
            expect(images.first).to_be_visible()
            page.wait_for_function("() => [...document.querySelectorAll('#pages img')]"
                                   ".every(i => i.complete && i.naturalWidth > 0)")
            assert images.count() >= 5
            assert page.locator("#doc option").first.text_content() == "ke-hoach.docx"
            expect(page.locator("#errors")).to_be_hidden()
            shoot("1-loaded.png")
            before = images.first.screenshot()
            version = int(page.locator("body").get_attribute("data-version") or 0)

            # 2. An edit to the trích yếu changes the first page, with no reload.
            text = plan.read_text(encoding="utf-8")
            plan.write_text(text.replace("Phát động phong trào thi đua",  # the trích yếu
                                         "Tiếp tục phát động phong trào thi đua", 1),
                            encoding="utf-8")
            page.wait_for_function(f"() => Number(document.body.dataset.version) > {version}")
            page.wait_for_function("() => [...document.querySelectorAll('#pages img')]"
                                   ".every(i => i.complete && i.naturalWidth > 0)")
            edited = images.first.screenshot()
            assert edited != before
            shoot("2-edited.png")

            # 3. A broken plan: the located error, quoted, above the last good pages.
            plan.write_text(plan.read_text(encoding="utf-8").replace(
                "trich_yeu: |-", "trich_yue: |-"), encoding="utf-8")
            errors = page.locator("#errors")
            expect(errors).to_be_visible()
            expect(errors).to_contain_text(f"{plan}:")
            expect(errors).to_contain_text('trich_yue: khóa không hợp lệ "trich_yue"')
            expect(errors).to_contain_text("| trich_yue: |-")
            assert images.count() >= 5 and images.first.screenshot() == edited
            shoot("3-broken.png")

            # 4. Fixed: the error goes.
            plan.write_text(plan.read_text(encoding="utf-8").replace(
                "trich_yue: |-", "trich_yeu: |-"), encoding="utf-8")
            expect(errors).to_be_hidden()
            expect(images.first).to_be_visible()
            shoot("4-fixed.png")
            browser.close()
    finally:
        server.send_signal(signal.SIGINT)
        server.communicate(timeout=60)
    assert server.returncode == 0
