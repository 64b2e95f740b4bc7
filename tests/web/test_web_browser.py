"""End to end in a real browser: Debian's headless Chromium driven by Playwright.

The consultant opens the review screen, keeps one detection, edits one replacement,
decides the rest with the keyboard, adds a missed name by selecting it in the document, saves; `apply` then writes an
output without the name. The chair's report opens in the browser and shows the right
counts. A request without the token is refused.

Chromium comes from Debian (`apt-get install chromium`), never from `playwright install`.
Without it (or without the playwright package) these tests are skipped on a workstation
and fail in CI (when the CI environment variable is set).
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.pipeline import process_document
from anonymiser.review.apply import apply_review
from anonymiser.review_log.writers import read_csv_rows
from anonymiser.settings import Settings, load_settings
from anonymiser.web.server import ReviewServer
from tests.conftest import CASE_FILE, SAMPLES
from tests.review.samples import MISSED_NAME, police_txt_with_missed_name, row

STEM = "imr_police_draft"
KEPT = ("RARE_FEATURE", "footbridge")
RENAMED = ("Gemma Tait", "MASH researcher")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu"]

_SELECT_TEXT = """
(text) => {
  const doc = document.getElementById("doc");
  const walker = document.createTreeWalker(doc, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const at = node.data.indexOf(text);
    if (at < 0) continue;
    node.parentElement.scrollIntoView({ block: "center" });
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    node.parentElement.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
    return true;
  }
  return false;
}
"""


def _chromium() -> str | None:
    for candidate in (shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = _chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    if executable is None or sync_playwright is None:
        missing = "chromium (apt-get install chromium)" if executable is None else "playwright (pip install playwright)"
        if os.environ.get("CI"):
            pytest.fail(f"the browser tests need {missing}; `make test-system` installs it")
        pytest.skip(f"needs {missing}")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def findings_settings() -> Settings:
    return load_settings(case_file=CASE_FILE)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory, findings_settings: Settings, detector: Detector) -> Path:
    root = tmp_path_factory.mktemp("browser")
    (root / "drafts").mkdir()
    draft = police_txt_with_missed_name(SAMPLES, root / "drafts" / f"{STEM}.txt")
    process_document(draft, root / "out", findings_settings, detector)
    return root


@pytest.fixture(scope="module")
def server(workspace: Path) -> Iterator[ReviewServer]:
    app = ReviewServer(workspace / "out", [workspace / "drafts"])
    app.start()
    yield app
    app.close()


@pytest.fixture(scope="module")
def reviewed(browser: Any, server: ReviewServer, workspace: Path) -> dict[str, Any]:
    """The consultant's session in the review screen; returns what the page saw."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    seen: dict[str, Any] = {"requests": [], "errors": []}
    page.on("request", lambda request: seen["requests"].append(request.url))
    page.on("pageerror", lambda error: seen["errors"].append(str(error)))
    page.goto(server.url)
    page.wait_for_selector("#list li")

    # Keep one detection (reject it): every occurrence stays as written.
    page.locator("#list li", has_text=KEPT[1]).first.click()
    page.keyboard.press("x")
    seen["kept_state"] = page.locator("#list li.current .state").inner_text()

    # Edit one replacement (every occurrence): e, type, Enter.
    page.locator("#list li", has_text=RENAMED[0]).first.click()
    page.keyboard.press("e")
    page.keyboard.press("Control+a")
    page.keyboard.type(RENAMED[1])
    page.keyboard.press("Enter")

    # Decide everything still open with the keyboard: j to step, a to accept.
    page.select_option("#filter", "open")
    for _ in range(100):
        if page.locator("#list li").count() == 0:
            break
        page.locator("body").press("j")
        page.keyboard.press("a")
    seen["open_left"] = page.locator("#list li").count()
    page.select_option("#filter", "all")

    # Add the missed name by selecting it in the document.
    assert page.evaluate(_SELECT_TEXT, MISSED_NAME), "the name is in the document"
    page.wait_for_selector("#add-panel:not([hidden])")
    seen["selected"] = page.input_value("#add-text")
    page.select_option("#add-category", "PERSON")
    page.fill("#add-replacement", "Neighbour")
    page.click("#add-confirm")
    seen["highlighted"] = page.locator("#doc mark", has_text=MISSED_NAME).count()

    page.keyboard.press("s")
    page.locator("#status", has_text="saved to").wait_for()
    seen["counts"] = page.inner_text("#counts")
    seen["dropped_labels"] = page.locator(".dropped-label").count()
    page.close()
    return seen


def test_the_review_screen_saves_the_decisions(reviewed: dict[str, Any], server: ReviewServer, workspace: Path) -> None:
    assert reviewed["errors"] == []
    assert reviewed["kept_state"].startswith("keep")
    assert reviewed["open_left"] == 0
    assert reviewed["selected"] == MISSED_NAME
    assert reviewed["highlighted"] >= 1
    assert reviewed["counts"].endswith("0 awaiting a decision)")
    assert reviewed["dropped_labels"] >= 1  # the findings-only scope's dropped sections are shown
    origin = f"http://127.0.0.1:{server.port}/"
    assert all(url.startswith(origin) or url.startswith("data:") for url in reviewed["requests"])
    rows = read_csv_rows(workspace / "out" / f"{STEM}.review.csv")
    assert row(rows, *KEPT)["decision"] == "keep"
    assert row(rows, "PERSON", RENAMED[0])["replacement"] == RENAMED[1]
    added = row(rows, "PERSON", MISSED_NAME)
    assert (added["decision"], added["replacement"]) == ("redact", "Neighbour")
    assert not [r["id"] for r in rows if r["status"] in ("needs_review", "residual") and not r["decision"]]


@pytest.fixture(scope="module")
def applied(reviewed: dict[str, Any], workspace: Path, findings_settings: Settings, detector: Detector) -> Path:
    draft = workspace / "drafts" / f"{STEM}.txt"
    apply_review(draft, workspace / "out" / f"{STEM}.review.csv", workspace / "final", findings_settings, detector)
    return workspace / "final"


def test_apply_writes_what_was_decided_on_screen(applied: Path) -> None:
    text = (applied / f"{STEM}.anonymised.txt").read_text(encoding="utf-8-sig")
    for word in MISSED_NAME.split():
        assert word not in text
    assert "Neighbour" in text
    assert KEPT[1] in text


def test_the_chairs_report_shows_the_right_counts(browser: Any, applied: Path) -> None:
    log = json.loads((applied / f"{STEM}.review.json").read_text(encoding="utf-8"))
    entities = log["entities"]
    expected = {
        "count-redacted": sum(1 for e in entities if e["action"] == "redact" and e["status"] != "residual"),
        "count-kept": sum(1 for e in entities if e["action"] == "keep"),
        "count-undecided": sum(1 for e in entities if e["status"] in ("needs_review", "residual") and not e["decision"]),
        "count-sections-kept": sum(1 for s in log["sections"] if s["action"] == "keep"),
        "count-sections-dropped": sum(1 for s in log["sections"] if s["action"] == "drop"),
        "decided-consultant": sum(1 for d in log["review"]["decisions"] if d["source"] == "consultant"),
    }
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((applied / f"{STEM}.review.html").as_uri())
    shown = {key: int(page.inner_text(f"#{key}")) for key in expected}
    assert shown == expected
    assert expected["count-redacted"] > 20 and expected["count-kept"] >= 1 and expected["count-undecided"] == 0
    assert expected["count-sections-dropped"] >= 1
    person = page.locator('#by-category tr[data-category="PERSON"] td').all_inner_texts()
    assert int(person[1]) == sum(1 for e in entities if e["category"] == "PERSON" and e["action"] == "redact" and e["status"] != "residual")
    assert page.inner_text("#output-sha") == log["output"]["sha256"]
    assert "ready for the chair" in page.inner_text("#verdict")
    assert all(url.startswith("file://") for url in requests)  # nothing from outside
    page.close()


def test_a_request_without_the_token_is_refused(browser: Any, server: ReviewServer) -> None:
    page = browser.new_page()
    response = page.goto(f"http://127.0.0.1:{server.port}/")
    assert response is not None and response.status == 403
    assert "Marsh" not in page.content()
    response = page.goto(f"http://127.0.0.1:{server.port}/api/log/{STEM}?token=not-the-token")
    assert response is not None and response.status == 403
    page.close()
