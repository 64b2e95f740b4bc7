"""Read a draft into text units: the first stage of the pipeline."""

from __future__ import annotations

from pathlib import Path

from anonymiser.errors import EmptyDocument, MissingFile, UnsupportedFileType
from anonymiser.read.document import LogNote, SourceDocument
from anonymiser.read.limits import InputLimits

SUPPORTED_SUFFIXES = (".docx", ".txt", ".md")

__all__ = ["InputLimits", "LogNote", "SUPPORTED_SUFFIXES", "SourceDocument", "read_document"]


def read_document(path: Path, limits: InputLimits | None = None) -> SourceDocument:
    """Read a .docx, .txt or .md draft. Raises an InputError subclass naming the file."""
    limits = limits or InputLimits()
    if not path.exists():
        raise MissingFile(path)
    if path.is_dir():
        raise UnsupportedFileType(path, "it is a folder")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnsupportedFileType(path, f"{suffix or 'no extension'}")
    if path.stat().st_size == 0:
        raise EmptyDocument(path, "the file has no bytes")
    if suffix == ".docx":
        from anonymiser.read.docx import read_docx

        return read_docx(path, limits)
    from anonymiser.read.text import read_text

    return read_text(path, limits)
