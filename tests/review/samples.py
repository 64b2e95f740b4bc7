"""Helpers for the review tests: modified copies of the sample drafts, and review CSV edits.

Everything added to the samples is fictional: "Bunty Pudding" is an invented neighbour whose
name the detector does not recognise (the consultant adds it by hand). It stands after no family
word: "A neighbour, Bunty Pudding" is found (a name right after a family role word).
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from anonymiser.review.logfiles import write_rows
from anonymiser.review_log.rows import COLUMNS
from anonymiser.review_log.writers import read_csv_rows

MISSED_FIRST = "Bunty"
MISSED_SURNAME = "Pudding"
MISSED_NAME = f"{MISSED_FIRST} {MISSED_SURNAME}"


def rewrite_docx(source: Path, dest: Path, edits: Mapping[str, Sequence[tuple[str, str]]]) -> Path:
    """Copy a .docx, replacing strings in the named parts (each replacement must apply)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            for old, new in edits.get(info.filename, ()):
                text = data.decode("utf-8")
                assert old in text, f"{old!r} not in {info.filename}"
                data = text.replace(old, new, 1).encode("utf-8")
            zout.writestr(info, data)
    return dest


def police_docx_with_missed_name(samples: Path, dest: Path) -> Path:
    """The police IMR with a neighbour's name in the body, header, footer and properties."""
    return rewrite_docx(
        samples / "imr_police_draft.docx",
        dest,
        {
            "word/document.xml": [
                ("was thorough.", f"was thorough. A witness from next door, {MISSED_NAME}, gave a clear account."),
                ("5.1 ", f"5.1 {MISSED_SURNAME} later confirmed this account. "),
            ],
            "word/header1.xml": [("OFFICIAL-SENSITIVE", f"OFFICIAL-SENSITIVE – copy for {MISSED_NAME}")],
            "word/footer1.xml": [("Mark Ellery, ", f"Mark Ellery, {MISSED_FIRST} {MISSED_SURNAME.upper()}, ")],
            "docProps/core.xml": [("Westmere Constabulary IMR", f"Westmere Constabulary IMR ({MISSED_SURNAME})")],
        },
    )


def docx_xml(path: Path) -> dict[str, str]:
    """Every XML part of a .docx as text (the raw XML, tags and all)."""
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n).decode("utf-8") for n in z.namelist() if n.endswith((".xml", ".rels"))}


def edit_review(csv_path: Path, change: Callable[[list[dict[str, str]]], list[dict[str, str]] | None]) -> None:
    """Edit a review CSV as a consultant would: read the rows, change them, write them back."""
    rows = read_csv_rows(csv_path)
    rows = change(rows) or rows
    write_rows(csv_path, [{c: r.get(c, "") for c in COLUMNS} for r in rows])


def row(rows: list[dict[str, str]], category: str, text: str) -> dict[str, str]:
    found = [r for r in rows if r["category"] == category and r["text"] == text]
    assert len(found) == 1, f"expected one {category} row {text!r}, found {len(found)}"
    return found[0]


def added_row(category: str, text: str, replacement: str = "") -> dict[str, str]:
    return {"id": "", "category": category, "text": text, "replacement": replacement}


def police_txt_with_missed_name(samples: Path, dest: Path) -> Path:
    """The police IMR (.txt) with the neighbour's name in two kept sections."""
    text = (samples / "imr_police_draft.txt").read_text(encoding="utf-8")
    for old, new in (
        ("was thorough.", f"was thorough. A witness from next door, {MISSED_NAME}, gave a clear account."),
        ("\n5.1 ", f"\n5.1 {MISSED_SURNAME} later confirmed this account. "),
    ):
        assert old in text
        text = text.replace(old, new, 1)
    dest.write_text(text, encoding="utf-8")
    return dest


NEW_PERSON = "Dilly Quarrender"  # fictional: a family support worker named only in version 2
GONE_URL = "https://social.example.org/kaymarsh95"


def next_version(draft: Path, dest: Path) -> Path:
    """Version 2 of a .txt draft: a paragraph cut (its URL is gone), a new one added (a new
    person and date), and the paragraphs before them renumbered so every offset moves."""
    text = draft.read_text(encoding="utf-8")
    lines = text.split("\n")
    cut = [i for i, line in enumerate(lines) if GONE_URL in line]
    assert len(cut) == 1
    del lines[cut[0]]
    text = "\n".join(lines)
    text = text.replace("1.1 This Individual", "1.1 (Revised after the panel meeting.) This Individual", 1)
    addition = (
        f"4.13 The author also spoke to {NEW_PERSON}, a family support worker, on 3 March 2020, "
        "who confirmed the account above.\n\n5. CONCLUSIONS"
    )
    assert "\n5. CONCLUSIONS" in text
    text = text.replace("5. CONCLUSIONS", addition, 1)
    dest.write_text(text, encoding="utf-8")
    return dest
