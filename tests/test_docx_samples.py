"""The sample Word drafts, anonymised with the sample case file: no must-redact string of their
gold files survives in any part of any output package, in the raw XML or in the text a
reader would see, and each review log records that verification ran and passed."""

from __future__ import annotations

import json
import re
import zipfile
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from anonymiser.api import redact_many
from anonymiser.detect.engine import Detector
from anonymiser.evaluate.gold import load_gold
from anonymiser.pipeline import OutputNames
from anonymiser.settings import Settings
from tests.conftest import SAMPLES

DOCUMENTS = sorted(p for p in SAMPLES.glob("*.docx") if (SAMPLES / f"{p.stem}.gold.yml").exists())
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory, case_settings: Settings, detector: Detector) -> Path:
    out = tmp_path_factory.mktemp("docx_samples")
    outcomes = redact_many(DOCUMENTS, out, case_settings, detector=detector)
    failed = [o.error for o in outcomes if not o.ok]
    assert failed == []
    return out


def _direct_strings(document: Path) -> list[str]:
    gold = load_gold(SAMPLES / f"{document.stem}.gold.yml")
    return sorted({i.text for i in gold.must_redact if i.direct})


def _word(text: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w]){re.escape(text)}(?![\w])")


def _part_texts(data: bytes) -> list[str]:
    """What a reader of the part could see: each paragraph's text (runs joined), every text
    node, and every attribute value."""
    root = etree.fromstring(data, _PARSER)
    texts = ["".join(p.itertext()) for p in root.iter(f"{{{W_NS}}}p")]
    texts.append("".join(root.itertext()))
    for element in root.iter():
        texts.extend(str(v) for v in element.attrib.values())
    return texts


@dataclass(frozen=True)
class _Part:
    name: str
    raw: str  # the bytes as text, with XML entities also resolved ("&apos;" is an apostrophe)
    text: str  # what a reader could see, one piece a line (XML parts only)
    is_xml: bool


def _read_package(package: Path) -> list[_Part]:
    parts = []
    with zipfile.ZipFile(package) as archive:
        for info in archive.infolist():
            data = archive.read(info)
            is_xml = info.filename.endswith((".xml", ".rels")) or data.lstrip().startswith(b"<?xml")
            raw = data.decode("utf-8" if is_xml else "latin-1", errors="replace")
            text = "\n".join(t.replace("\n", " ") for t in _part_texts(data)) if is_xml else ""
            parts.append(_Part(info.filename, raw + "\n" + unescape(raw), text, is_xml))
    return parts


def _hits(parts: list[_Part], secret: str) -> list[str]:
    pattern = _word(secret)
    found = []
    for part in parts:
        # A one- or two-letter string in binary data (an image) is chance, not a leak.
        # A plain substring test first: the whole-word regex is slow over megabytes of styles.
        if (len(secret) > 2 or part.is_xml) and secret in part.raw and pattern.search(part.raw):
            found.append(f"{part.name} (raw)")
        if secret in part.text and pattern.search(part.text):
            found.append(f"{part.name} (text)")
    return found


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.stem)
def test_no_direct_identifier_survives_in_any_part(outputs: Path, document: Path) -> None:
    package = outputs / OutputNames.for_input(document).document
    assert zipfile.is_zipfile(package)
    parts = _read_package(package)
    leaks = {secret: hits for secret in _direct_strings(document) if (hits := _hits(parts, secret))}
    assert leaks == {}


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.stem)
def test_the_log_records_verification(outputs: Path, document: Path) -> None:
    log: dict[str, Any] = json.loads((outputs / OutputNames.for_input(document).json).read_text(encoding="utf-8"))
    assert log["verification"]["ran"] is True
    assert log["verification"]["passed"] is True
    assert log["verification"]["parts_checked"] > 1
    assert log["verification"]["strings_checked"] >= len(_direct_strings(document)) // 2


def test_every_sample_has_a_gold_file() -> None:
    assert len(DOCUMENTS) >= 3
    assert {p.stem for p in DOCUMENTS} == {p.stem for p in SAMPLES.glob("*.docx")}


def test_the_search_would_find_a_leak(tmp_path: Path) -> None:
    """The check above is only as good as its search: a name split over runs, escaped in an
    attribute, or in a header must be found."""
    package = tmp_path / "leaky.docx"
    document = (
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>Kay</w:t></w:r><w:r><w:t>leigh</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    header = f'<w:hdr xmlns:w="{W_NS}" title="St Aldric&apos;s Primary School"/>'
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("word/document.xml", document)
        archive.writestr("word/header1.xml", header)
    parts = _read_package(package)
    assert _hits(parts, "Kayleigh") == ["word/document.xml (text)"]
    assert _hits(parts, "St Aldric's Primary School") == ["word/header1.xml (raw)", "word/header1.xml (text)"]
    assert _hits(parts, "Riley") == []


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.stem)
def test_strict_policy_writes_every_sample(tmp_path: Path, detector: Detector, document: Path) -> None:
    # strict masks the model's bare numbers ("16" taken for a date); they are replaced where
    # found, but verification cannot search a Word package for "16" (font sizes), so before
    # they were left out of its search every strict output failed verification.
    from anonymiser.pipeline import process_document
    from anonymiser.settings import load_settings

    strict = load_settings(policy="strict", scope="full", case_file=SAMPLES / "case.yml")
    outcome = process_document(document, tmp_path, strict, detector)
    assert outcome.ok, outcome.error
    assert (tmp_path / OutputNames.for_input(document).document).exists()


SECOND_CASE = SAMPLES / "second_case"


def test_no_direct_identifier_of_the_second_case_survives_in_any_part(tmp_path: Path, detector: Detector) -> None:
    # The second case (session 13) with its own case file: every direct identifier of its gold
    # is gone from every part of the Word output, "Z" (the letter men asked for) included.
    from anonymiser.settings import load_settings

    settings = load_settings(scope="full", case_file=SECOND_CASE / "case.yml")
    [document] = sorted(SECOND_CASE.glob("*.docx"))
    [outcome] = redact_many([document], tmp_path, settings, detector=detector)
    assert outcome.ok, outcome.error
    parts = _read_package(tmp_path / OutputNames.for_input(document).document)
    gold = load_gold(SECOND_CASE / f"{document.stem}.gold.yml")
    secrets = sorted({i.text for i in gold.must_redact if i.direct})
    assert len(secrets) > 10
    assert {secret: hits for secret in secrets if (hits := _hits(parts, secret))} == {}
