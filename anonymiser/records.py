"""The records that pass between the stages: read -> detect -> decide -> write -> verify -> log.

Every stage takes and returns these frozen dataclasses, never dicts, so that a stage can be
tested on its own and nothing is shared between documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Location:
    """Where a piece of text sits in its document, in words a consultant can follow.

    ``part`` names the package part or area ("body", "header (default)", "footnotes",
    "comments", "text box", "document properties", "text"); ``paragraph`` counts from 1
    within that part; ``cell`` says "table 2, row 3, cell 1" for table text; ``heading`` is
    the nearest section heading above the text, if any.
    """

    part: str
    paragraph: int
    cell: str | None = None
    heading: str | None = None

    def describe(self) -> str:
        bits = [self.part, f"paragraph {self.paragraph}"]
        if self.cell:
            bits.append(self.cell)
        if self.heading:
            bits.append(f'under "{self.heading}"')
        return ", ".join(bits)


@dataclass(frozen=True)
class TextUnit:
    """One paragraph-like piece of text that detection sees as a whole.

    ``uid`` is the unit's index in ``SourceDocument.units``. ``heading_level`` is set when the
    unit is itself a heading (1 = top level). ``section`` is the index of the section the unit
    belongs to (see ``anonymiser.decide.scope``); it is filled by the reader as 0 and set by
    section detection.
    """

    uid: int
    text: str
    location: Location
    heading_level: int | None = None
    section: int = 0
    # Units that are not prose (document properties, alt text, hyperlink targets) are still
    # detected and rewritten, but never count as headings or section content.
    kind: str = "paragraph"
    # Every word of the paragraph is bold (a Word draft's hand-made heading); the reader of
    # .docx sets it, for body paragraphs only.
    bold: bool = False


@dataclass(frozen=True)
class Finding:
    """A span that one recogniser proposes, before any decision is taken."""

    unit: int
    start: int
    end: int
    text: str
    category: str
    score: float
    recogniser: str


@dataclass(frozen=True)
class Occurrence:
    """One place where an entity's text occurs."""

    unit: int
    start: int
    end: int
    text: str


@dataclass
class Entity:
    """One thing in the document (a person, a date, an address), with every occurrence.

    The review log has one row per entity. ``action`` is ``redact`` or ``keep``; ``status`` is
    ``auto`` (the policy was confident), ``needs_review`` (a person must look), or
    ``residual`` (found on the output by the verification re-scan).
    """

    id: str
    category: str
    text: str
    replacement: str
    action: str
    confidence: float
    recognisers: tuple[str, ...]
    status: str
    occurrences: list[Occurrence] = field(default_factory=list)
    variants: tuple[str, ...] = ()
    group: str | None = None  # "family" / "professional" for people, when known
    reason: str = ""


@dataclass(frozen=True)
class Edit:
    """Replace ``unit.text[start:end]`` with ``replacement`` in the output."""

    unit: int
    start: int
    end: int
    replacement: str


@dataclass
class SectionInfo:
    """A section of the draft, as the findings-only scope sees it."""

    index: int
    heading: str
    level: int
    words: int
    action: str  # "keep" or "drop"
    status: str  # "auto" or "needs_review"
    reason: str = ""
    units: tuple[int, ...] = ()
    # "section", or "passage": a run of a kept section's paragraphs shaped like a chronology,
    # decided on its own (anonymiser.decide.scope.flag_narrative); listed after the sections.
    kind: str = "section"


@dataclass
class VerificationReport:
    """What the post-write check looked for and found."""

    ran: bool
    passed: bool
    strings_checked: int
    parts_checked: int
    seconds: float
    hits: list[str] = field(default_factory=list)  # "part: place" descriptions, never the text
    notes: list[str] = field(default_factory=list)


@dataclass
class Outcome:
    """The result of processing one input file."""

    source: str
    ok: bool
    outputs: list[str] = field(default_factory=list)
    error: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    needs_review: int = 0
    seconds: float = 0.0
    words: int = 0
    skipped: bool = False
    verification_seconds: float = 0.0
