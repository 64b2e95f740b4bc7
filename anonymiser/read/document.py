"""The document a reader hands to the rest of the pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from anonymiser.records import TextUnit


@dataclass(frozen=True)
class LogNote:
    """Something the reader found that the review log must mention (not an entity).

    ``kind`` is for example "comment", "tracked change", "image", "document property";
    ``text`` may hold original text (it goes only into the owner-only log).
    """

    kind: str
    where: str
    text: str = ""


@dataclass
class SourceDocument:
    """A draft as read: its text units in reading order, plus what the writer needs.

    ``payload`` belongs to the reader and writer of ``kind`` ("text" or "docx"); the other
    stages only look at ``units``.
    """

    path: Path
    kind: str
    sha256: str
    units: list[TextUnit]
    payload: Any = None
    notes: list[LogNote] = field(default_factory=list)

    @property
    def words(self) -> int:
        return sum(len(u.text.split()) for u in self.units)
