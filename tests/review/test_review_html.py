"""The chair's report: its summary counts, its verdict, and that nothing in it can run.

A hand-made log (no model); the draft is untrusted, so its text here tries to break out.
"""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest

from anonymiser.review_log.html import render_html, summarise

HOSTILE = '<script>alert("x")</script><img src=https://evil.example.org/x.png onerror=alert(1)>'


def _entity(entity_id: str, category: str, text: str, action: str, status: str, decision: str = "") -> dict[str, Any]:
    return {
        "id": entity_id, "category": category, "text": text, "replacement": "(x)" if action == "redact" else text,
        "action": action, "status": status, "decision": decision, "occurrences": "1",
        "locations": "body, paragraph 1", "context": f"before [[{text}]] after", "reason": "",
    }


LOG: dict[str, Any] = {
    "confidential": "CONFIDENTIAL",
    "tool": "anonymiser",
    "version": "0.1.0",
    "input": {"name": f"draft{HOSTILE}.docx", "sha256": "a" * 64, "kind": "docx", "words": 100},
    "output": {"name": "draft.anonymised.docx", "sha256": "b" * 64},
    "settings": {"policy": "scr", "scope": "findings", "scope_note": HOSTILE, "model": "m", "case_file_sha256": None},
    "verification": {"ran": True, "passed": True, "strings_checked": 12, "parts_checked": 3, "hits": []},
    "notes": [{"kind": "comment", "where": "comments", "text": HOSTILE}],
    "sections": [
        {"heading": "1. INTRODUCTION", "action": "keep", "status": "auto", "words": 10, "reason": ""},
        {"heading": HOSTILE, "action": "drop", "status": "auto", "words": 20, "reason": HOSTILE},
        {"heading": "9. NEW", "action": "keep", "status": "needs_review", "words": 5, "reason": ""},
    ],
    "entities": [
        _entity("E001", "PERSON", "Orla Brackenbury", "redact", "auto"),
        _entity("E002", "PERSON", HOSTILE, "redact", "needs_review", "redact"),
        _entity("E003", "DATE", "3 May 2019", "redact", "needs_review"),
        _entity("E004", f"AGENCY{HOSTILE}", "Crannoch Bay Trust", "keep", "auto"),
        _entity("R001", "PERSON", "Orla", "review", "residual"),
    ],
}


def test_summary_counts() -> None:
    numbers = summarise(LOG)
    assert (numbers["redacted"], numbers["kept"], numbers["residual"]) == (3, 1, 1)
    assert numbers["undecided"] == 3  # E003, R001 and the section 9. NEW
    assert (numbers["sections_kept"], numbers["sections_dropped"]) == (2, 1)
    assert (numbers["decided_auto"], numbers["decided_consultant"]) == (2, 1)
    assert numbers["by_category"]["PERSON"] == {"redacted": 2, "residual": 1, "undecided": 1}


def test_nothing_from_the_draft_can_run_or_load() -> None:
    page = render_html(LOG)
    assert "<script" not in page.lower()
    assert "<img" not in page.lower()
    assert "onerror=" not in page.replace("onerror=alert(1)&gt;", "")  # only inside escaped text
    assert "evil.example.org/x.png" in page  # shown as text, escaped
    assert "&lt;script&gt;" in page
    assert re.search(r"<mark>[^<]*Orla Brackenbury</mark>", page)
    assert "default-src 'none'" in page  # the page may not fetch anything


@pytest.mark.parametrize(
    ("change", "verdict"),
    [
        (lambda log: None, "still need a decision"),
        (lambda log: log.update(verification={"passed": False, "hits": ["body"]}), "Verification did not pass"),
        (lambda log: log.update(review={"draft": True}), "DRAFT - NOT FOR PUBLICATION"),
    ],
)
def test_the_verdict_comes_first(change, verdict: str) -> None:
    log = copy.deepcopy(LOG)
    change(log)
    page = render_html(log)
    assert verdict in page
    assert page.index(verdict) < page.index('id="summary"')


def test_a_fully_decided_and_signed_log() -> None:
    log = copy.deepcopy(LOG)
    for entity in log["entities"]:
        entity["decision"] = entity["decision"] or "keep"
    log["sections"][2]["status"] = "auto"
    log["review"] = {"decisions": [{"id": e["id"], "source": "consultant"} for e in log["entities"]], "sections": []}
    log["signoff"] = [{"by": "Tobias Wrenfield", "role": "chair", "at": "2020-03-06T10:00:00Z", "output_sha256": "b" * 64}]
    page = render_html(log)
    assert "signed off by the chair" in page and "Tobias Wrenfield (chair)" in page
    assert 'id="count-undecided">0<' in page
    assert 'id="decided-consultant">5<' in page
