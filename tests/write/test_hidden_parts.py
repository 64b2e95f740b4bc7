"""Words a package carries off the page: imported chunks, bookmark and form-field names,
drop-down choices, WordArt, document variables, the template path, XML comments.

Each draft names a person in the body (so the name is redacted and verification searches
for it) and again in one hidden place. Before these fixes the hidden copy was published by
a run that reported "verification passed": an HTML chunk (w:altChunk) was a binary part
nobody read or searched, and a bookmark "Declan_Whitlow" or a form field "LornaPennyfeather"
is not the whole word the verifier looked for. A name that is only in a drop-down's
choices was never read at all.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.detect.names import Variant
from anonymiser.pipeline import process_document
from anonymiser.read.docx import read_docx
from anonymiser.read.limits import InputLimits
from anonymiser.settings import Settings
from anonymiser.verify.rescan import verify_output
from tests.docx_builder import _REL, _rels, minimal_parts, para, run, write_package

BODY = para(run("Her brother Declan Whitlow visited the home. Mr Whitlow said little."))
HIDDEN = ("Declan", "Whitlow", "Shauna", "Kettleby")


def _draft(tmp_path: Path, extra: str, parts: dict[str, str] | None = None, rels: list | None = None) -> Path:
    built = minimal_parts(BODY + extra)
    if rels:
        built["word/_rels/document.xml.rels"] = _rels(rels).encode()
    for name, text in (parts or {}).items():
        built[name] = text.encode() if isinstance(text, str) else text
    return write_package(tmp_path / "draft.docx", built)


def _run(tmp_path: Path, draft: Path, settings: Settings, detector: Detector) -> dict[str, bytes]:
    out = tmp_path / "out"
    process_document(draft, out, settings, detector)
    with zipfile.ZipFile(out / "draft.anonymised.docx") as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _assert_gone(parts: dict[str, bytes]) -> None:
    for name, data in parts.items():
        for word in HIDDEN:
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                assert word.lower().encode(encoding) not in data.lower(), (name, word, encoding)


def test_an_imported_html_chunk_is_removed_with_its_anchor(tmp_path: Path, settings: Settings, detector: Detector) -> None:
    draft = _draft(
        tmp_path,
        '<w:altChunk r:id="rA"/>',
        {"word/afchunk.htm": "<html><body><p>Declan Whitlow met Shauna Kettleby.</p></body></html>"},
        [("rA", _REL + "aFChunk", "afchunk.htm", False)],
    )
    notes = [n for n in read_docx(draft, InputLimits()).notes if n.kind == "unread part"]
    assert [n.where for n in notes] == ["word/afchunk.htm"]
    parts = _run(tmp_path, draft, settings, detector)
    _assert_gone(parts)
    assert b"altChunk" not in parts["word/document.xml"]


def test_bookmark_form_field_and_anchor_names_are_renumbered(
    tmp_path: Path, settings: Settings, detector: Detector
) -> None:
    extra = (
        '<w:p><w:bookmarkStart w:id="1" w:name="Declan_Whitlow"/><w:r><w:t>Anchor</w:t></w:r><w:bookmarkEnd w:id="1"/>'
        '<w:bookmarkStart w:id="2" w:name="_Toc123"/><w:bookmarkEnd w:id="2"/></w:p>'
        '<w:p><w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="DeclanWhitlow"/></w:ffData></w:fldChar></w:r>'
        '<w:r><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        '<w:p><w:hyperlink w:anchor="Declan_Whitlow"><w:r><w:t>see above</w:t></w:r></w:hyperlink>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> REF Declan_Whitlow \\h </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )
    parts = _run(tmp_path, _draft(tmp_path, extra), settings, detector)
    _assert_gone(parts)
    document = parts["word/document.xml"].decode()
    assert 'w:name="Bookmark1"' in document and 'w:anchor="Bookmark1"' in document and "REF Bookmark1" in document
    assert 'w:name="_Toc123"' in document  # Word's own names stay, for the table of contents


def test_drop_down_choices_and_wordart_are_read(tmp_path: Path, settings: Settings, detector: Detector) -> None:
    extra = para(
        '<w:sdt><w:sdtPr><w:alias w:val="Visitor"/><w:dropDownList>'
        '<w:listItem w:displayText="Shauna Kettleby" w:value="Shauna Kettleby"/></w:dropDownList></w:sdtPr>'
        f'<w:sdtContent>{run("Choose")}</w:sdtContent></w:sdt>'
    ) + para('<w:r><w:pict><v:shape id="s1" o:spt="136"><v:textpath string="Declan Whitlow"/></v:shape></w:pict></w:r>')
    parts = _run(tmp_path, _draft(tmp_path, extra), settings, detector)
    _assert_gone(parts)


def test_document_variables_template_path_and_xml_comments_are_removed(
    tmp_path: Path, settings: Settings, detector: Detector
) -> None:
    ns = minimal_parts("")["word/document.xml"].decode().split("<w:document ", 1)[1].split(">", 1)[0]
    draft = _draft(
        tmp_path,
        "<!-- ask Declan Whitlow -->" + para(run("after")),
        {
            "word/settings.xml": f'<?xml version="1.0" encoding="UTF-8"?><w:settings {ns}><w:attachedTemplate r:id="rT"/>'
            '<w:docVars><w:docVar w:name="Reviewer" w:val="Declan Whitlow"/></w:docVars></w:settings>',
            "word/_rels/settings.xml.rels": _rels(
                [("rT", _REL + "attachedTemplate", "file:///C:/Users/dwhitlow/Declan%20Whitlow.dotm", True)]
            ),
        },
        [("rS", _REL + "settings", "settings.xml", False)],
    )
    _assert_gone(_run(tmp_path, draft, settings, detector))


@pytest.mark.parametrize(
    "line",
    ["![photo](images/declan_whitlow.jpg)", "https://example.org/?who=Declan%20Whitlow", "ref: DeclanWhitlow2019"],
)
def test_verification_reads_joined_words(tmp_path: Path, line: str) -> None:
    output = tmp_path / "out.md"
    output.write_text(f"The brother, Person A.\n{line}\n", encoding="utf-8")
    secrets = [Variant("Declan Whitlow", False), Variant("Whitlow", False)]
    report = verify_output(output, "md", secrets, InputLimits(), ["Person A"])
    assert not report.passed
    assert all("read as words" in hit for hit in report.hits)


def test_word_enumerations_are_not_read_as_names(tmp_path: Path) -> None:
    # "firstCol" in every table style must not become "Col", a short name's variant.
    from anonymiser.verify.rescan import _with_words, verify_chunks

    chunks = _with_words([("word/styles.xml: attribute type of tblStylePr (node 9)", "firstCol")])
    assert verify_chunks(chunks, [Variant("Col", True)]).passed
