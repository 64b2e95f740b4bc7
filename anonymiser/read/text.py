"""Read .txt and .md drafts: one unit per paragraph (text between blank lines)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from anonymiser.errors import DocumentTooLarge, EmptyDocument, NotUtf8
from anonymiser.read.document import SourceDocument
from anonymiser.read.limits import InputLimits
from anonymiser.records import Location, TextUnit

_PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\S\n]*\S[^\n]*)*")
_MD_HEADING = re.compile(r"^(#{1,6})\s+\S")


@dataclass(frozen=True)
class TextPayload:
    """The original text and where each unit sits in it, so the writer changes nothing else."""

    text: str
    spans: tuple[tuple[int, int], ...]
    bom: bool


def split_paragraphs(text: str, *, markdown: bool = False) -> tuple[list[TextUnit], list[tuple[int, int]]]:
    """Units for the paragraphs of ``text`` (runs of non-blank lines) and their offsets."""
    units: list[TextUnit] = []
    spans: list[tuple[int, int]] = []
    heading: str | None = None
    for match in _PARAGRAPH.finditer(text):
        body = match.group(0)
        if not body.strip():
            continue
        start = match.start() + (len(body) - len(body.lstrip()))
        end = match.end() - (len(body) - len(body.rstrip()))
        para = text[start:end]
        level = None
        if markdown:
            md = _MD_HEADING.match(para)
            if md and "\n" not in para:
                level = len(md.group(1))
        units.append(
            TextUnit(
                uid=len(units),
                text=para,
                location=Location(part="text", paragraph=len(units) + 1, heading=heading),
                heading_level=level,
            )
        )
        spans.append((start, end))
        if level is not None:
            heading = para.lstrip("#").strip()
    return units, spans


def document_from_text(text: str, name: str = "text") -> SourceDocument:
    """A document made from a string (for evaluation and tests); nothing is read from disk."""
    units, spans = split_paragraphs(text)
    return SourceDocument(
        path=Path(name),
        kind="text",
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        units=units,
        payload=TextPayload(text=text, spans=tuple(spans), bom=False),
    )


def read_text(path: Path, limits: InputLimits) -> SourceDocument:
    """Read a UTF-8 text or Markdown draft. Raises NotUtf8, EmptyDocument, DocumentTooLarge."""
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        raise DocumentTooLarge(path, f"{size:,} bytes; the limit is {limits.max_file_bytes:,}")
    raw = path.read_bytes()
    bom = raw.startswith(b"\xef\xbb\xbf")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise NotUtf8(path, f"byte {exc.start} is not valid UTF-8") from None
    if "\x00" in text:
        raise NotUtf8(path, "it contains NUL bytes, so it is probably not a text file")
    units, spans = split_paragraphs(text, markdown=path.suffix.lower() == ".md")
    if not units:
        raise EmptyDocument(path)
    return SourceDocument(
        path=path,
        kind="text",
        sha256=hashlib.sha256(raw).hexdigest(),
        units=units,
        payload=TextPayload(text=text, spans=tuple(spans), bom=bom),
    )
