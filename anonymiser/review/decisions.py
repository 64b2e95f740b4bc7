"""Read a review log (NAME.review.csv and the NAME.review.json beside it) into decisions.

The consultant works in the CSV. Each row's ``decision`` column is one of:

- empty: as proposed (for a ``needs_review`` row this means "not decided yet");
- ``redact`` (or ``accept``): redact it; a kept row becomes a redaction everywhere;
- ``keep`` (or ``reject``): leave it as written, everywhere;
- a new text in ``replacement`` is a decision too (redact, with that replacement).

A row the consultant adds with only ``text`` and ``category`` (no id, or an id the log does
not know) is redacted at every occurrence, variants of a name included. SECTION rows take
``keep`` or ``drop``, and so do PASSAGE rows (a run of a kept section's paragraphs shaped like
a chronology, ``anonymiser.decide.scope.flag_narrative``). The JSON beside the CSV says
which draft (SHA-256) the log was made from and what each row first proposed, so a changed
replacement can be told from an unchanged one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from anonymiser.errors import ConfigError
from anonymiser.review_log.writers import read_csv_rows
from anonymiser.settings import CasePerson, CaseTerm, Settings

SECTION = "SECTION"
PASSAGE = "PASSAGE"
PERSON = "PERSON"
# Statuses that need a person's decision before a final output.
NEEDS_DECISION = ("needs_review", "residual")
# What a consultant may type in the decision column, and what it means. Lenient on purpose:
# the CSV is edited in Excel by people who do not read this code.
_ENTITY_WORDS = {
    "redact": "redact",
    "accept": "redact",
    "accepted": "redact",
    "yes": "redact",
    "keep": "keep",
    "reject": "keep",
    "rejected": "keep",
    "no": "keep",
}
_SECTION_WORDS = {"keep": "keep", "drop": "drop", "include": "keep", "remove": "drop"}
_CATEGORY = re.compile(r"[A-Z][A-Z0-9_]{1,39}")
_REQUIRED_COLUMNS = ("id", "category", "text", "replacement", "decision")
# CSV lines before the first row: the confidentiality line and the header.
_FIRST_ROW_LINE = 3


def norm(text: str) -> str:
    """Text as matching sees it: spaces collapsed, case folded."""
    return " ".join(text.split()).casefold()


def iso_now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def iso_time(timestamp: float) -> str:
    moment = datetime.fromtimestamp(timestamp, timezone.utc).replace(microsecond=0)
    return moment.isoformat().replace("+00:00", "Z")


class ReviewIncomplete(ConfigError):
    """Rows that need a decision before a final output; ``rows`` describes them without
    their text (id, category, place)."""

    def __init__(self, message: str, rows: Sequence[str]) -> None:
        super().__init__(message)
        self.rows = list(rows)


@dataclass(frozen=True)
class RowDecision:
    """One entity row of the review CSV, read as a decision."""

    id: str
    category: str
    text: str
    kind: str  # "as_proposed", "redact", "keep", "replace" or "add"
    replacement: str
    proposed: str | None  # what the log proposed; None for rows the consultant added
    action: str  # the row's action column: redact, keep, or review (residual)
    status: str
    group: str | None
    line: int

    @property
    def added(self) -> bool:
        return self.proposed is None

    @property
    def by_consultant(self) -> bool:
        return self.kind != "as_proposed"

    @property
    def label(self) -> str:
        """How messages name the row: its id, or its line for an added row without one."""
        return self.id or f"line {self.line}"

    @property
    def replacement_changed(self) -> bool:
        return self.proposed is not None and self.replacement.strip() != self.proposed.strip()

    @property
    def forced(self) -> bool:
        """A redaction the first run did not make: it must be added to the case file so the
        pipeline finds it everywhere (and again in the next version of the draft)."""
        return self.kind == "add" or (self.kind in ("redact", "replace") and self.action != "redact")

    def row_replacement(self) -> str | None:
        """The replacement this row asks for, if any. A kept row's replacement column holds
        its own text, which must never become a replacement."""
        value = self.replacement.strip()
        if not value:
            return None
        if self.action == "redact" and not self.added:
            return value
        if norm(value) == norm(self.text):
            return None
        if self.added or self.action != "keep":
            return value
        return value if self.replacement_changed else None

    def chosen_replacement(self) -> str | None:
        """The replacement the consultant chose (not one the tool proposed)."""
        value = self.row_replacement()
        if value is None:
            return None
        if self.kind in ("replace", "add") or self.action != "redact" or self.replacement_changed:
            return value
        return None


@dataclass(frozen=True)
class SectionDecision:
    id: str
    heading: str
    kind: str  # "as_proposed", "keep" or "drop"
    action: str
    status: str
    line: int
    # A PASSAGE row: matched only to a passage (by its first paragraph's text and order).
    passage: bool = False


@dataclass(frozen=True)
class Addition:
    """Something the consultant wants redacted everywhere that the first run did not redact."""

    category: str
    text: str
    replacement: str | None = None
    group: str | None = None
    # Other forms of a person's name, found with it (a carried redaction's "Con").
    aliases: tuple[str, ...] = ()

    def key(self) -> tuple[str, str]:
        return (self.category, norm(self.text))

    def as_dict(self) -> dict[str, Any]:
        out = {"category": self.category, "text": self.text, "replacement": self.replacement, "group": self.group}
        return out | {"aliases": list(self.aliases)} if self.aliases else out

    @classmethod
    def from_log(cls, entries: Any) -> list[Addition]:
        """Additions as a log's ``review`` record lists them (``as_dict``)."""
        return [
            cls(
                str(a["category"]),
                str(a["text"]),
                a.get("replacement") or None,
                a.get("group") or None,
                tuple(str(x) for x in a.get("aliases") or () if str(x).strip()),
            )
            for a in entries or ()
            if isinstance(a, dict) and a.get("category") and a.get("text")
        ]


@dataclass
class Review:
    """A review log as read back: the CSV's decisions and the JSON they belong to."""

    csv_path: Path
    json_path: Path
    log: dict[str, Any]
    rows: list[dict[str, str]]
    entities: list[RowDecision]
    sections: list[SectionDecision]
    saved_at: str
    previous_additions: list[Addition] = field(default_factory=list)
    # What the review before this one redacted, carried into this version of the draft
    # (``carried_redactions`` of that review): redacted again when these decisions are applied.
    previous_carried: list[Addition] = field(default_factory=list)

    @property
    def input_sha256(self) -> str:
        return str(self.log.get("input", {}).get("sha256", ""))

    @property
    def input_name(self) -> str:
        return str(self.log.get("input", {}).get("name", ""))

    def additions(self) -> list[Addition]:
        """Everything to add to the case file: earlier rounds' additions (from the JSON),
        rows the consultant added, and kept rows the consultant decided to redact."""
        out: dict[tuple[str, str], Addition] = {}
        for addition in self.previous_additions:
            out[addition.key()] = addition
        for row in self.entities:
            if row.forced:
                addition = Addition(row.category, " ".join(row.text.split()), row.row_replacement(), row.group)
                out[addition.key()] = addition
        return list(out.values())

    def carried_redactions(self) -> list[Addition]:
        """Everything this review redacts, in every form the draft wrote it, to be redacted
        again in the next version of the draft (``redact --previous-review``).

        A next version can name a person only by a short form the tool no longer ties to them
        ("Con did it" once "Connor Brightwell" is cut), or put a place where the tool no longer
        finds it: the row was reported "gone" and the text published, although the consultant
        had seen it redacted. Rows the consultant kept are not carried; nor are residual rows
        (found on the output, not the draft). Forms come from the JSON log ("forms"; a log
        written before them gives the row's text alone) and the action from the tool's record,
        not from the CSV.
        """
        logged = {
            str(e.get("id")): e for e in self.log.get("entities", []) if isinstance(e, dict) and e.get("id")
        }
        out: dict[tuple[str, str], Addition] = {}
        for row in self.entities:
            entry = logged.get(row.id)
            if entry is None or row.status == "residual" or row.kind in ("keep", "add"):
                continue
            if row.kind == "as_proposed" and str(entry.get("action", "")) != "redact":
                continue
            # A lone letter ("K" of Kian) is left to the lone-initial rule: as a case-file form it
            # would take every "K" of the draft ("Appendix K") with it.
            forms = [" ".join(str(f).split()) for f in entry.get("forms") or () if len(str(f).strip()) > 1]
            text = " ".join(row.text.split())
            replacement = row.row_replacement() or (str(entry.get("replacement") or "") or None)
            if row.category == PERSON:
                aliases = tuple(sorted({f for f in forms if norm(f) != norm(text)}))
                out.setdefault((PERSON, norm(text)), Addition(PERSON, text, replacement, row.group, aliases))
                continue
            for form in [text, *forms]:
                addition = Addition(row.category, form, replacement, row.group)
                out.setdefault(addition.key(), addition)
        return list(out.values())

    def undecided_residual(self) -> list[RowDecision]:
        """Residual rows (found on the previous output) that nobody has decided."""
        return [r for r in self.entities if r.status == "residual" and not r.by_consultant]


def json_path_for(csv_path: Path) -> Path:
    if csv_path.suffix.lower() != ".csv":
        raise ConfigError(f"{csv_path}: a review log is the NAME.review.csv file written by `anonymiser redact`")
    return csv_path.with_suffix(".json")


def load_log(json_path: Path) -> dict[str, Any]:
    try:
        data = json.loads(json_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{json_path}: the review log's JSON file is missing (it is written beside the CSV)") from None
    except (ValueError, UnicodeDecodeError):
        raise ConfigError(f"{json_path}: not a valid JSON review log") from None
    if not isinstance(data, dict) or data.get("tool") != "anonymiser" or not isinstance(data.get("entities"), list):
        raise ConfigError(f"{json_path}: not a review log written by anonymiser")
    return data


def load_review(csv_path: Path) -> Review:
    """Read NAME.review.csv and the NAME.review.json beside it. Raises ConfigError naming the
    file and row for anything wrong (never the draft's text)."""
    if not csv_path.is_file():
        raise ConfigError(f"{csv_path}: review log not found")
    json_path = json_path_for(csv_path)
    log = load_log(json_path)
    try:
        rows = read_csv_rows(csv_path)
    except (UnicodeDecodeError, ValueError):
        raise ConfigError(f"{csv_path}: not a UTF-8 CSV review log") from None
    if rows:
        missing = [c for c in _REQUIRED_COLUMNS if c not in rows[0]]
        if missing:
            raise ConfigError(f"{csv_path}: the column {missing[0]!r} is missing; keep the log's header row")
    entities, sections = parse_rows(rows, log, csv_path.name)
    record = log.get("review") or {}
    return Review(
        csv_path=csv_path,
        json_path=json_path,
        log=log,
        rows=rows,
        entities=entities,
        sections=sections,
        saved_at=iso_time(csv_path.stat().st_mtime),
        previous_additions=Addition.from_log(record.get("additions")),
        previous_carried=Addition.from_log(record.get("carried")),
    )


def parse_rows(
    rows: Sequence[dict[str, str]], log: dict[str, Any], where: str
) -> tuple[list[RowDecision], list[SectionDecision]]:
    """Turn CSV rows into decisions, checking every value the consultant can type."""
    proposed = {
        str(e.get("id")): str(e.get("replacement", ""))
        for e in log.get("entities", [])
        if isinstance(e, dict) and e.get("id")
    }
    logged_sections = [s for s in log.get("sections", []) if isinstance(s, dict)]
    section_ids = {f"S{i:03d}" for i in range(1, len(logged_sections) + 1)}
    passage_ids = {f"S{i:03d}" for i, s in enumerate(logged_sections, start=1) if s.get("kind") == "passage"}
    entities: list[RowDecision] = []
    sections: list[SectionDecision] = []
    # An id twice (a row copied in Excel) is two decisions for one entity: the consultant's
    # "keep" on the copy silently beat the original's "as proposed" and published the name.
    seen_ids: dict[str, int] = {}
    for offset, row in enumerate(rows):
        line = _FIRST_ROW_LINE + offset
        values = {k: (v or "").strip() for k, v in row.items() if k is not None}
        row_id = values.get("id", "")
        text = " ".join((row.get("text") or "").split())
        category = values.get("category", "").upper()
        decision = values.get("decision", "").lower()
        label = row_id or f"line {line}"
        if not row_id and not text and not category:
            continue  # an empty line left in Excel
        if row_id:
            if row_id in seen_ids:
                raise ConfigError(
                    f"{where}: row {row_id} appears twice (lines {seen_ids[row_id]} and {line}); "
                    "keep one row per id (a row you add has no id)"
                )
            seen_ids[row_id] = line
        if category in (SECTION, PASSAGE) or row_id in section_ids:
            if decision and decision not in _SECTION_WORDS:
                what = "passage" if category == PASSAGE else "section"
                raise ConfigError(f"{where}: row {label}: a {what}'s decision must be empty, keep or drop")
            sections.append(
                SectionDecision(
                    id=row_id,
                    heading=text,
                    kind=_SECTION_WORDS.get(decision, "as_proposed"),
                    action=values.get("action", ""),
                    status=values.get("status", ""),
                    line=line,
                    passage=category == PASSAGE or row_id in passage_ids,
                )
            )
            continue
        if decision and decision not in _ENTITY_WORDS:
            raise ConfigError(
                f"{where}: row {label}: the decision must be empty, redact or keep "
                "(put a new replacement in the replacement column)"
            )
        if not text:
            raise ConfigError(f"{where}: row {label}: the text column is empty")
        if not _CATEGORY.fullmatch(category):
            raise ConfigError(f"{where}: row {label}: the category must be a word in capitals such as PERSON")
        group = values.get("group") or None
        if group not in (None, "family", "professional"):
            group = None
        added = row_id not in proposed
        word = _ENTITY_WORDS.get(decision)
        decided = RowDecision(
            id=row_id,
            category=category,
            text=text,
            kind="as_proposed",
            replacement=(row.get("replacement") or "").strip(),
            proposed=None if added else proposed[row_id],
            action="redact" if added else values.get("action", ""),
            status="added" if added else values.get("status", ""),
            group=group,
            line=line,
        )
        if added:
            kind = "keep" if word == "keep" else "add"
        elif word is not None:
            kind = word
        elif decided.replacement_changed and decided.row_replacement() is not None:
            kind = "replace" if decided.action == "redact" else "redact"
        else:
            kind = "as_proposed"
        entities.append(replace(decided, kind=kind))
    return entities, sections


def settings_with_additions(settings: Settings, additions: Iterable[Addition]) -> Settings:
    """The settings with the additions in the case file, so the normal pipeline finds them
    in every part of the draft (people with every variant of their name)."""
    case = settings.case
    people = list(case.people)
    terms = list(case.terms)
    known_people = {norm(p.name) for p in people} | {norm(a) for p in people for a in p.aliases}
    known_terms = {(t.category, norm(t.text)) for t in terms}
    for addition in additions:
        if addition.category == PERSON:
            if norm(addition.text) in known_people:
                continue
            aliases = tuple(a for a in addition.aliases if norm(a) not in known_people)
            people.append(
                CasePerson(name=addition.text, aliases=aliases, pseudonym=addition.replacement, group=addition.group)
            )
            known_people |= {norm(addition.text)} | {norm(a) for a in aliases}
        else:
            if addition.key() in known_terms:
                continue
            terms.append(CaseTerm(addition.text, addition.category, addition.replacement))
            known_terms.add(addition.key())
    return replace(settings, case=replace(case, people=tuple(people), terms=tuple(terms)))
