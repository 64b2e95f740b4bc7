"""Names joined with underscores in a field's instructions: "MERGEFIELD Shauna_Kettleby".

"_" is a word character, so detection (which reads words) never saw the name, and a name
that was only there shipped in the output while verification passed; a name also written
in a paragraph made the whole document fail verification instead. Field codes are now read
with their joined words apart, the same name gets the same label in both places, and the
replacement is joined up again so the field keeps one argument and its keyword.

Every name here is invented.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.pipeline import process_document
from anonymiser.read.docx import field_words, read_docx
from anonymiser.read.limits import InputLimits
from anonymiser.settings import Settings
from tests.docx_builder import minimal_parts, para, run, write_package

SURNAME = "Kettleby"


def _instr(text: str) -> str:
    return f'<w:r><w:instrText xml:space="preserve">{text}</w:instrText></w:r>'


def _field_char(kind: str) -> str:
    return f'<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>'


def _fields() -> str:
    """A mail-merge field with its instructions split over three runs, inside the name,
    and the same field in its simple form, whose instructions are an attribute."""
    complex_field = (
        _field_char("begin")
        + _instr(" MERGEFIELD Shauna")
        + _instr("_Kettle")
        + _instr("by \\* MERGEFORMAT ")
        + _field_char("separate")
        + run("«name»")
        + _field_char("end")
    )
    simple_field = '<w:fldSimple w:instr=" MERGEFIELD Shauna_Kettleby "><w:r><w:t>«name»</w:t></w:r></w:fldSimple>'
    return para(run("Findings")) + para(run("Letter to ") + complex_field) + para(run("Dear ") + simple_field)


def _draft(tmp_path: Path, body: str) -> Path:
    return write_package(tmp_path / "draft.docx", minimal_parts(body))


def _redact(tmp_path: Path, draft: Path, settings: Settings, detector: Detector) -> tuple[dict[str, bytes], dict]:
    out = tmp_path / "out"
    outcome = process_document(draft, out, settings, detector)
    assert outcome.ok, outcome.error
    with zipfile.ZipFile(out / "draft.anonymised.docx") as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    log = json.loads((out / "draft.review.json").read_text(encoding="utf-8"))
    return parts, log


def _assert_no_surname(parts: dict[str, bytes]) -> None:
    for name, data in parts.items():
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            assert SURNAME.lower().encode(encoding) not in data.lower(), (name, encoding)


def _field_codes(parts: dict[str, bytes]) -> list[str]:
    """Each field's instructions in the written body: the complex field's runs joined, and
    the simple field's attribute."""
    document = parts["word/document.xml"].decode("utf-8")
    runs = "".join(re.findall(r"<w:instrText[^>]*>([^<]*)</w:instrText>", document))
    return [runs, *re.findall(r'w:instr="([^"]*)"', document)]


def test_a_name_only_in_field_codes_is_found_and_leaves_no_trace(
    tmp_path: Path, settings: Settings, detector: Detector
) -> None:
    parts, log = _redact(tmp_path, _draft(tmp_path, _fields()), settings, detector)
    _assert_no_surname(parts)
    (person,) = [e for e in log["entities"] if e["category"] == "PERSON"]
    assert person["text"] == "Shauna Kettleby"
    assert person["occurrences"] == "2"
    # The keyword stays Word's, and the name is one argument again ("Person_A").
    joined = person["replacement"].replace(" ", "_")
    assert _field_codes(parts) == [f" MERGEFIELD {joined} \\* MERGEFORMAT ", f" MERGEFIELD {joined} "]


def test_the_joined_and_the_written_name_are_one_person(tmp_path: Path, each_policy: tuple[Settings, Detector]) -> None:
    chosen, finder = each_policy
    body = _fields() + para(run("Shauna Kettleby was seen at school."))
    parts, log = _redact(tmp_path, _draft(tmp_path, body), chosen, finder)
    _assert_no_surname(parts)
    people = [e for e in log["entities"] if e["category"] == "PERSON"]
    assert [(p["text"], p["occurrences"]) for p in people] == [("Shauna Kettleby", "3")]
    label = people[0]["replacement"]
    assert f"{label} was seen at school." in parts["word/document.xml"].decode("utf-8")
    assert all(f"MERGEFIELD {label.replace(' ', '_')} " in code for code in _field_codes(parts))


def test_a_bookmark_reference_still_follows_its_renamed_bookmark(
    tmp_path: Path, settings: Settings, detector: Detector
) -> None:
    # The name is found in the REF field now; the bookmark's new name replaces it whole.
    body = (
        para(run("Shauna Kettleby was interviewed."))
        + para(
            '<w:bookmarkStart w:id="1" w:name="Shauna_Kettleby_interview"/>'
            + run("Notes.")
            + '<w:bookmarkEnd w:id="1"/>'
        )
        + para(_field_char("begin") + _instr(" REF Shauna_Kettleby_interview \\h ") + _field_char("end"))
        + para(_field_char("begin") + _instr(" PAGEREF _Toc123456 \\h ") + _field_char("end"))
    )
    parts, _log = _redact(tmp_path, _draft(tmp_path, body), settings, detector)
    _assert_no_surname(parts)
    assert _field_codes(parts) == [" REF Bookmark1 \\h  PAGEREF _Toc123456 \\h "]


def test_a_reference_to_a_bookmark_that_goes_is_renamed_too(
    tmp_path: Path, settings: Settings, detector: Detector
) -> None:
    # The bookmark was in text deleted with tracking on, which the writer drops before it
    # renames bookmarks; the name it had must still leave the field that refers to it.
    body = (
        para(run("Shauna Kettleby was interviewed."))
        + para(
            '<w:del w:id="9" w:author="Reviewer"><w:bookmarkStart w:id="1" w:name="Shauna_Kettleby_interview"/>'
            '<w:r><w:delText>Old notes.</w:delText></w:r><w:bookmarkEnd w:id="1"/></w:del>'
        )
        + para(_field_char("begin") + _instr(" REF Shauna_Kettleby_interview \\h ") + _field_char("end"))
    )
    parts, _log = _redact(tmp_path, _draft(tmp_path, body), settings, detector)
    _assert_no_surname(parts)
    assert _field_codes(parts) == [" REF Bookmark1 \\h "]


def test_field_codes_are_read_with_joined_words_apart(tmp_path: Path) -> None:
    source = read_docx(_draft(tmp_path, _fields()), InputLimits())
    codes = [u.text for u in source.units if u.kind == "field_code"]
    assert codes == [" MERGEFIELD Shauna Kettleby \\* MERGEFORMAT ", " MERGEFIELD Shauna Kettleby "]


@pytest.mark.parametrize(
    ("code", "read"),
    [
        (" MERGEFIELD Shauna_Kettleby ", " MERGEFIELD Shauna Kettleby "),
        (" REF Kian__Marsh_2019 \\h ", " REF Kian  Marsh 2019 \\h "),
        # Word's own names keep their leading underscore: TOC fields point at them.
        (" PAGEREF _Toc123456 \\h ", " PAGEREF _Toc123456 \\h "),
        # Addresses stay whole for the patterns that find them.
        (' HYPERLINK "mailto:shauna_kettleby@example.org" ', ' HYPERLINK "mailto:shauna_kettleby@example.org" '),
        (' HYPERLINK "https://example.org/shauna_kettleby" ', ' HYPERLINK "https://example.org/shauna_kettleby" '),
        # A path is not an address: the name in it is read.
        (
            ' INCLUDEPICTURE "C:\\\\Users\\\\Shauna_Kettleby\\\\a.jpg" ',
            ' INCLUDEPICTURE "C:\\\\Users\\\\Shauna Kettleby\\\\a.jpg" ',
        ),
    ],
)
def test_field_words(code: str, read: str) -> None:
    assert field_words(code) == read
    assert len(field_words(code)) == len(code)  # every offset is an offset in the stored text
