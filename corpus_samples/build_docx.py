"""Build the Word versions of the fictional sample drafts from their .txt sources.

Run from anywhere:  python corpus_samples/build_docx.py

Each NAME.txt becomes NAME.docx beside it. The layout mimics a real draft: title page,
capitalised section headings as Heading 1, sub-headings as Heading 2, numbered paragraphs as
body text, bullet lists, the chronology as a Word table, a running header naming the case, a
footer with the author and a page number field, and core properties naming the author.

The output is byte-for-byte reproducible: core property dates are fixed and every zip entry
gets the same timestamp, so rebuilding does not create spurious changes in git. Header,
footer and property text only use strings that the gold files already list (the family
surname "Marsh" is in each must_redact list; the author names are in must_keep).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

HERE = Path(__file__).resolve().parent
FIXED_TIME = dt.datetime(2020, 3, 2, 9, 0, 0)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class DraftSpec:
    """What each draft's header, footer and properties say."""

    name: str
    header: str
    footer_author: str
    author: str
    title: str
    subject: str
    # The folder under corpus_samples/ that holds the draft ("" for the Westmere case).
    folder: str = ""
    # Section headings written in words ("Section 3: Analysis and Findings") rather than in
    # capitals; such a line is a heading when it stands on its own between empty lines, so a
    # contents list of the same lines stays a list.
    word_headings: str = ""


SPECS = (
    DraftSpec(
        name="scr_overview_draft",
        header="Serious Case Review – Child F (Marsh family) – DRAFT – CONFIDENTIAL",
        footer_author="Alison Fairbairn, Independent Reviewer",
        author="Alison Fairbairn",
        title="Serious Case Review – Child F (Marsh family)",
        subject="Overview report, draft 3 for Review Panel comment",
    ),
    DraftSpec(
        name="imr_health_draft",
        header="Child F (Marsh family) – Health IMR – Westmere Community Health NHS Trust – CONFIDENTIAL",
        footer_author="Julia Brannigan, Named Nurse for Safeguarding Children",
        author="Julia Brannigan",
        title="Individual Management Review – Child F (Marsh family)",
        subject="Westmere Community Health NHS Trust IMR, version 2",
    ),
    DraftSpec(
        name="imr_police_draft",
        header="Child F (Marsh family) – Police IMR – Westmere Constabulary – OFFICIAL-SENSITIVE",
        footer_author="Mark Ellery, Public Protection Review Unit",
        author="Mark Ellery",
        title="Individual Management Review – Child F (Marsh family)",
        subject="Westmere Constabulary IMR",
    ),
    DraftSpec(
        name="imr_social_care_draft",
        header="Child F (Marsh family) – Children's Social Care IMR – Westmere County Council – CONFIDENTIAL",
        footer_author="Service Manager, Safeguarding and Quality Assurance",
        author="Westmere County Council",
        title="Individual Management Review – Child F (Marsh family)",
        subject="Westmere County Council Children's Social Care IMR, draft v1.3",
    ),
    DraftSpec(
        name="imr_education_draft",
        header="Child F (MARSH family) – Education IMR – Westmere County Council – CONFIDENTIAL",
        footer_author="Head of Safeguarding in Education, Westmere County Council",
        author="Head of Safeguarding in Education",
        title="Individual Management Review – Child F (MARSH family)",
        subject="Westmere County Council Education and Learning Directorate IMR, draft 2",
    ),
    # The second case (session 13): another family, area and author, with headings in words.
    DraftSpec(
        name="cspr_overview_draft",
        header="Child R (Ruddock family) – LCSPR Overview Report v0.4 – Calderbrook Safeguarding Children Partnership – CONFIDENTIAL",
        footer_author="Graham Tollast, Lead Reviewer",
        author="Graham Tollast",
        title="Local Child Safeguarding Practice Review – Child R",
        subject="Calderbrook Safeguarding Children Partnership overview report, version 0.4",
        folder="second_case",
        word_headings=r"^(Section \d+|Appendix [A-Z]): [A-Z]|^Contents$",
    ),
)

# A section heading has no lower-case letters ("1. INTRODUCTION", "APPENDIX: GLOSSARY").
_SECTION_HEADING = re.compile(r"^[^a-z]{3,80}$")
# The first heading that ends the title page.
_FIRST_BODY_HEADING = re.compile(r"^(CHAIR'S FOREWORD|1\. [A-Z ]+)$")
_NUMBERED = re.compile(r"^\d+(\.\d+)+ ")
_TERMINAL = (".", ":", ";", "?", "!", '"', "”")


def _is_subheading(line: str, prev_blank: bool, next_blank: bool) -> bool:
    """A short, unpunctuated line standing on its own ("2.3 Terms of reference")."""
    if not (prev_blank and next_blank) or line.startswith("- ") or " | " in line:
        return False
    if line.endswith(_TERMINAL) or len(line.split()) > 20:
        return False
    return line[0].isupper() or bool(_NUMBERED.match(line))


def _add_page_field(paragraph: Paragraph) -> None:
    """Append a PAGE field, written as a complex field the way Word itself writes it."""
    for kind, text in (("begin", None), ("instr", " PAGE "), ("separate", None), ("text", "1"), ("end", None)):
        run = paragraph.add_run()
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        elif kind == "text":
            run.text = text
        else:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)


def _add_table(document: Document, rows: list[list[str]]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, cells in enumerate(rows):
        for c, value in enumerate(cells):
            cell = table.cell(r, c)
            cell.text = value
            if r == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True


def build_document(text: str, spec: DraftSpec) -> Document:
    """Lay out one draft's text as a Word document."""
    document = Document()
    word_heading = re.compile(spec.word_headings) if spec.word_headings else None
    body_started = False
    lines = text.split("\n")
    in_title_page = True
    in_appendix = False
    table_rows: list[list[str]] = []

    def flush_table() -> None:
        if table_rows:
            _add_table(document, list(table_rows))
            table_rows.clear()

    for i, raw in enumerate(lines):
        line = raw.strip()
        if " | " in line:
            table_rows.append([cell.strip() for cell in line.split("|")])
            continue
        flush_table()
        if not line:
            continue
        prev_blank = i == 0 or not lines[i - 1].strip()
        next_blank = i + 1 >= len(lines) or not lines[i + 1].strip()

        is_word_heading = bool(word_heading and word_heading.match(line) and prev_blank and next_blank)
        if in_title_page and (_FIRST_BODY_HEADING.match(line) or is_word_heading):
            in_title_page = False
            document.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
        if in_title_page:
            level = 1 if _SECTION_HEADING.match(line) and len(document.paragraphs) == 0 else 2
            heading = document.add_heading(line, level=level)
            heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
            continue

        if is_word_heading or (_SECTION_HEADING.match(line) and not line.startswith("- ")):
            document.add_heading(line, level=1)
            in_appendix = line.upper().startswith("APPENDIX")
            body_started = body_started or is_word_heading
        elif line.startswith("- "):
            document.add_paragraph(line[2:], style="List Bullet")
        elif not in_appendix and line[0].isdigit() and _is_subheading(line, prev_blank, next_blank):
            document.add_heading(line, level=2)
        elif not in_appendix and not line[0].isdigit() and _is_subheading(line, prev_blank, next_blank) \
                and (body_started or any(p.style.name == "Heading 1" and p.text[0].isdigit() for p in document.paragraphs)):
            # Unnumbered sub-headings only count once the numbered sections have begun, so the
            # foreword's signature lines stay ordinary paragraphs.
            document.add_heading(line, level=2)
        else:
            document.add_paragraph(line)
    flush_table()

    section = document.sections[0]
    section.header.paragraphs[0].text = spec.header
    footer = section.footer.paragraphs[0]
    footer.text = f"{spec.footer_author} – Page "
    _add_page_field(footer)

    props = document.core_properties
    props.author = spec.author
    props.last_modified_by = spec.author
    props.title = spec.title
    props.subject = spec.subject
    props.comments = ""
    props.keywords = "Serious Case Review; draft"
    props.category = "Restricted"
    props.revision = 3
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    return document


def _normalised_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed timestamps so the same input gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.create_system = 3
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def build(spec: DraftSpec, folder: Path | None = None) -> Path:
    """Build ``<name>.docx`` from ``<name>.txt`` in ``folder`` (the spec's own folder by
    default) and return its path."""
    folder = folder or HERE / spec.folder
    text = (folder / f"{spec.name}.txt").read_text(encoding="utf-8")
    buffer = io.BytesIO()
    build_document(text, spec).save(buffer)
    target = folder / f"{spec.name}.docx"
    target.write_bytes(_normalised_zip(buffer.getvalue()))
    return target


def main() -> None:
    for spec in SPECS:
        path = build(spec)
        print(f"wrote {path.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
