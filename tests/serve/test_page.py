"""The preview's page (plangen.serve.page) in a real browser: Playwright drives Debian's
chromium (the system's executable, no browser download) against ``plangen serve`` run as
a process. Each step is screenshotted (set PLANGEN_SCREENSHOTS=DIR to keep them).

Needs chromium, LibreOffice and poppler; .ci/run installs them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from serving import (
    chromium,
    grow,
    needs,
    open_page,
    own_memory_mb,
    pages_loaded,
    scroll_through,
    seed_copy,
    serving,
    shot,
    wait_for,
)

pytestmark = needs("office", "chromium")

ALL_LOADED = ("() => [...document.querySelectorAll('#pages img')]"
              ".every(i => i.complete && i.naturalWidth > 0 && i.src.includes('v=' + "
              "document.body.dataset.version + '.'))")


def version_of(page: Any) -> int:
    return int(page.locator("body").get_attribute("data-version") or 0)


def next_version(page: Any, version: int) -> int:
    """Wait for a version past ``version``, its pages loaded; the new version."""
    page.wait_for_function(f"() => Number(document.body.dataset.version) > {version}"
                           " && document.body.dataset.complete === 'true'")
    page.wait_for_function(ALL_LOADED)
    return version_of(page)


def choose(page: Any, name: str) -> None:
    page.locator("#doc").select_option(name)
    page.wait_for_function("n => document.querySelector('#pages img')?.alt.startsWith(n)",
                           arg=name)


def test_the_preview_follows_every_save_and_keeps_the_place(tmp_path: Path) -> None:
    plan = seed_copy(tmp_path / "work")
    with serving(plan, tmp_path) as served, chromium() as browser:
        page = open_page(browser, served.url, height=900)
        images = page.locator("#pages img")

        # 1. The Kế hoạch's pages, as images, every one of them loaded (all requests
        # answered: the icon too).
        pages_loaded(page, 5)
        scroll_through(page)
        page.wait_for_function(ALL_LOADED)
        assert images.count() >= 5
        assert page.locator("#doc option").first.text_content() == "✓ ke-hoach.docx"
        assert page.locator("#findings").text_content().startswith("✓ Đạt")
        assert page.url.endswith("#ke-hoach.docx")
        page.locator("#trang-3").scroll_into_view_if_needed()
        page.evaluate("window.scrollBy(0, 200)")
        place = page.evaluate("scrollY")
        shot(page, tmp_path, "1-loaded.png")
        first = images.first.get_attribute("src")
        version = version_of(page)

        # 2. An edit to the trích yếu: the pages are replaced where they are, the page
        # does not move.
        text = plan.read_text(encoding="utf-8")
        plan.write_text(text.replace("Phát động phong trào thi đua",  # the trích yếu
                                     "Tiếp tục phát động phong trào thi đua", 1),
                        encoding="utf-8")
        version = next_version(page, version)
        assert images.first.get_attribute("src") != first
        assert page.evaluate("scrollY") == place
        shot(page, tmp_path, "2-edited.png")

        # 3. A broken plan: the located error, quoted, beside the last good pages.
        plan.write_text(plan.read_text(encoding="utf-8").replace(
            "trich_yeu: |-", "trich_yue: |-"), encoding="utf-8")
        errors = page.locator("#errors")
        errors.wait_for(state="visible")
        assert f"{plan}:" in errors.text_content()
        assert 'trich_yue: khóa không hợp lệ "trich_yue"' in errors.text_content()
        assert "| trich_yue: |-" in errors.text_content()
        assert images.count() >= 5 and page.evaluate("scrollY") == place
        shot(page, tmp_path, "3-broken.png")
        version = version_of(page)

        # 4. Fixed: the error goes, the place stays.
        plan.write_text(plan.read_text(encoding="utf-8").replace(
            "trich_yue: |-", "trich_yeu: |-"), encoding="utf-8")
        errors.wait_for(state="hidden")
        next_version(page, version)
        assert page.evaluate("scrollY") == place

        # 5. A reload comes back to the same document at the same place.
        page.reload()
        pages_loaded(page)
        page.wait_for_function(f"() => Math.abs(scrollY - {place}) < 2")
        assert page.failed == [] and page.errors == []


def add_results_of(plan: Path, year: int) -> None:
    """A year's results: one more report, which comes before the final one."""
    results = plan.parent / plan.stem / "ket-qua.yaml"
    data = yaml.safe_load(results.read_text(encoding="utf-8"))
    last = data["years"][max(data["years"])]
    data["years"][year] = {"report": dict(last["report"], issued_on=f"{year}-10-29"),
                           "targets": dict(last["targets"]),
                           "registrations": last["registrations"]}
    results.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                       encoding="utf-8")


def test_the_document_shown_is_remembered_by_its_file_name(tmp_path: Path) -> None:
    plan = seed_copy(tmp_path / "work")
    with serving(plan, tmp_path) as served, chromium() as browser:
        page = open_page(browser, served.url + "#bao-cao-tong-ket.docx")
        pages_loaded(page)
        assert page.locator("#doc").input_value() == "bao-cao-tong-ket.docx"
        names = [o.get_attribute("value") for o in page.locator("#doc option").all()]
        assert "bao-cao-2025.docx" not in names
        version = version_of(page)

        # A year's results add a report before the one shown: the view stays on it.
        add_results_of(plan, 2025)
        page.wait_for_function(f"() => Number(document.body.dataset.version) > {version}"
                               " && document.body.dataset.building === 'false'")
        names = [o.get_attribute("value") for o in page.locator("#doc option").all()]
        assert names.index("bao-cao-2025.docx") < names.index("bao-cao-tong-ket.docx")
        assert page.locator("#doc").input_value() == "bao-cao-tong-ket.docx"
        page.wait_for_function(ALL_LOADED)
        assert page.locator("#pages img").first.get_attribute("alt").startswith(
            "bao-cao-tong-ket.docx")
        shot(page, tmp_path, "remembered.png")

        # A document that leaves the plan: the page says so, and shows the first one.
        choose(page, "cong-van-gui-bao-cao-2024.docx")
        text = plan.read_text(encoding="utf-8")
        start = text.index("  - kind: CV")
        plan.write_text(text[:start] + text[text.index("data:", start):], encoding="utf-8")
        gone = page.locator("#gone")
        gone.wait_for(state="visible")
        assert gone.text_content() == ("Văn bản cong-van-gui-bao-cao-2024.docx không còn "
                                       "trong kế hoạch; đang hiện ke-hoach.docx.")
        assert page.locator("#doc").input_value() == "ke-hoach.docx"
        assert page.failed == [] and page.errors == []


def test_every_problem_is_visible_with_a_link_to_it(tmp_path: Path) -> None:
    plan = seed_copy(tmp_path / "work")
    text = plan.read_text(encoding="utf-8")
    text = text.replace("    unit: VP\n    de_trong: [number]\n", "    unit: VP\n")  # refused
    text = text.replace("    key: nhan-rong\n", "    key: nhan-rong\n    signer:\n      title:"
                        " Hiệu trưởng\n      name: NGUYỄN VĂN AN\n")  # a finding (C33)
    plan.write_text(text, encoding="utf-8")
    with serving(plan, tmp_path) as served, chromium() as browser:
        page = open_page(browser, served.url)
        pages_loaded(page)
        page.wait_for_function("() => document.body.dataset.building === 'false'")
        marks = {o.get_attribute("value"): (o.text_content(), o.get_attribute("data-state"))
                 for o in page.locator("#doc option").all()}
        assert marks["ke-hoach.docx"] == ("✓ ke-hoach.docx", "clean")
        assert marks["to-trinh-nhan-rong.docx"] == ("⚠ to-trinh-nhan-rong.docx", "findings")
        assert marks["cong-van-gui-bao-cao-2024.docx"] == (
            "✗ cong-van-gui-bao-cao-2024.docx", "refused")
        elsewhere = page.locator("#elsewhere a")
        assert elsewhere.all_text_contents() == [
            "✗ cong-van-gui-bao-cao-2024.docx — bị từ chối",
            "⚠ to-trinh-nhan-rong.docx — có lưu ý"]
        shot(page, tmp_path, "problems.png")

        elsewhere.first.click()
        pages_loaded(page)
        assert page.locator("#doc").input_value() == "cong-van-gui-bao-cao-2024.docx"
        findings = page.locator("#findings").text_content()
        assert findings.startswith("✗ Bị từ chối: plangen build sẽ không ghi văn bản này.")
        assert ("cong-van-gui-bao-cao-2024.docx: chưa sẵn sàng để ký: number để trống nhưng "
                "không có trong de_trong") in findings
        assert page.locator("#elsewhere a").all_text_contents() == [
            "⚠ to-trinh-nhan-rong.docx — có lưu ý"]
        page.locator("#elsewhere a").first.click()
        pages_loaded(page)
        assert "C33 [PL I, II.7.b]" in page.locator("#findings").text_content()
        assert page.failed == [] and page.errors == []


def test_any_filled_form_can_be_chosen_and_previewed(tmp_path: Path) -> None:
    plan = seed_copy(tmp_path / "work")
    form = "phieu-dang-ky/gp02-thanh-toan-hoc-phi-khong-dung-tien-mat.docx"
    with serving(plan, tmp_path) as served, chromium() as browser:
        page = open_page(browser, served.url)
        pages_loaded(page)
        choose(page, form)
        pages_loaded(page)
        assert page.locator("#findings").text_content().endswith(
            "phiếu này được kiểm tra phần dữ liệu điền vào (như plangen build).")
        shot(page, tmp_path, "form.png")
        with page.expect_download() as download:
            page.locator("#links a", has_text="PDF").click()
        assert download.value.suggested_filename == (
            "gp02-thanh-toan-hoc-phi-khong-dung-tien-mat.pdf")
        assert Path(download.value.path()).read_bytes()[:5] == b"%PDF-"
        assert page.failed == [] and page.errors == []


def test_a_large_document_opens_at_once_and_its_memory_goes_back(tmp_path: Path) -> None:
    """At 1,000 more registrations the registration list's first pages come from its
    excerpt while the whole is converted, with a progress bar; the old document's pages
    never show under its name; and once the plan shrinks back, so does the memory."""
    plan = seed_copy(tmp_path / "work")
    listed = "danh-sach-dang-ky.docx"
    with serving(plan, tmp_path) as served, chromium() as browser:
        page = open_page(browser, served.url)
        pages_loaded(page)
        page.wait_for_timeout(1000)
        start = own_memory_mb(served.process.pid)

        version = served.state()["version"]
        seed = grow(plan, 1000, tmp_path / "grown")
        page.wait_for_function(f"() => Number(document.body.dataset.version) > {version}"
                               " && document.body.dataset.building === 'false'",
                               timeout=180_000)
        page.locator("#doc").select_option(listed)
        alts = page.evaluate("[...document.querySelectorAll('#pages img')].map(i => i.alt)")
        assert all(alt.startswith(listed) for alt in alts)  # nothing of the Kế hoạch
        pages_loaded(page, 2)
        progress = page.locator("#progress")
        assert progress.is_visible() and page.locator("#progress span").text_content(
            ).startswith("Đã hiện 2 trang đầu; đang dựng các trang còn lại (khoảng")
        assert page.evaluate("document.body.dataset.complete") == "false"
        shot(page, tmp_path, "large-first-pages.png")
        page.wait_for_function("() => document.body.dataset.complete === 'true'",
                               timeout=180_000)
        assert progress.is_hidden()
        assert page.locator("#pages img").count() > 50
        page.locator("#trang-40").scroll_into_view_if_needed()
        page.wait_for_function("() => document.querySelector('#trang-40 img').naturalWidth")
        shot(page, tmp_path, "large-page-40.png")

        for name, data in seed.items():  # the plan shrinks back
            (plan.parent / plan.stem / name).write_bytes(data)
        wait_for(served.port, lambda s: s["version"] > version + 1 and not s["building"]
                 and s["shown"]["complete"], listed)
        page.wait_for_timeout(1000)
        back = own_memory_mb(served.process.pid)
        assert back <= start * 1.25, (start, back)
        assert page.errors == []
