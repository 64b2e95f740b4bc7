"""Chronology and case narrative by its shape, inside the sections a findings-only report keeps.

The findings-only scope keeps or drops sections by their headings (``anonymiser.decide.scope``).
Headings cannot see a chronology pasted into a findings section, or the story of the case under
a sub-heading nobody listed ("4.2 Saturday night", an unstyled line inside "4. FINDINGS"): that
text is published with the findings, and even with the names redacted it holds the case's facts.

This module reads the body of one section and says whether it is shaped like a chronology or a
case narrative, with the evidence quoted for the consultant. It never drops anything: the scope
marks such a section needs_review, and a person decides. The signals, each counted on the
section's entries (its lines of text, and its table rows):

- entries that open with an exact date or a time ("12.03.19 HV visit", "On 19 November 2018
  the health visitor ...", "At 05:10 ..."), close together;
- chronology table rows (a first cell that is a date: "14/04/2019 | Police | ...");
- sentences that tell an event on an exact date ("On 2 May 2019 the researcher sent ...");
- a high density of exact dates and times (sentences that hold one, per 100 words).

Findings cite dates too ("In April 2019 the MASH decided ..."): a month and year is not an
exact date here, and the thresholds in ``patterns/sections.yml`` (``narrative``) were set so
that the findings of the published example and of the corpus samples raise nothing.

``narrative_passages`` reads the same signals at the scale of a passage: a run of entries in
a row that each open with a date or tell an event on one (a chronology pasted between two
findings), so that the scope can offer that passage alone for review.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from anonymiser.errors import ConfigError

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
# An exact date: a day in a month, with or without the year ("12 March 2019", "12th of March",
# "March 12, 2019", "12.03.19", "12/03/2019"). A month and year alone ("April 2019") is what
# findings cite, and is not counted. Month names take their capital ("section 2 may apply").
_EXACT_DATE = (
    rf"(?:(?<![\d.:/-])\d{{1,2}}[./-]\d{{1,2}}[./-](?:\d{{4}}|\d{{2}})(?![\d./-]\w)"
    rf"|(?<![\w/])(?:\d{{1,2}}(?:st|nd|rd|th)?\s*(?:-|–|/|&|and|or|to)\s*)?{_DAY}\s+(?:of\s+)?(?-i:{_MONTH})(?![a-z])"
    rf"|(?<![\w])(?-i:{_MONTH})\s+{_DAY}(?![\d:])(?:,?\s+\d{{4}})?)"
)
# A time of day: "05:10", "7.30pm", "0510 hrs", "10am".
_TIME = (
    r"(?:(?<![\d.:])(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*(?:am|pm|hrs|hours))?(?![\d:])"
    r"|(?<![\d.:])(?:[01]?\d|2[0-3])(?:\.[0-5]\d)?\s*(?:am|pm)\b"
    r"|(?<![\d.:])(?:[01]\d|2[0-3])[0-5]\d\s*hrs\b)"
)
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)"
_WHEN = re.compile(rf"(?:{_EXACT_DATE}|{_TIME})", re.IGNORECASE)
# Paragraph numbering and bullets in front of an entry ("3.5 ", "(b) ", "• ").
_NUMBERING = re.compile(r"^\s*(?:\d{1,3}(?:\.\d{1,3})*[.)]?|[-*•▪◦–·]|\(?[a-z]\)|\([ivx]+\))\s+")
_CELL_SPLIT = re.compile(r"\t|\s\|\s|^\||\|$")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[A-Z0-9\"'“‘(])")
_EXCERPT_CHARS = 60

_KNOWN_KEYS = frozenset(
    {
        "date_openers",
        "date_opener_gap",
        "table_rows",
        "event_sentences",
        "dated_sentences",
        "dated_sentences_per_100_words",
        "opening_words",
        "event_verbs",
        "passage_entries",
    }
)


@dataclass(frozen=True)
class NarrativeRules:
    """The ``narrative`` entry of ``patterns/sections.yml``: thresholds and trigger words.

    A section is flagged when any one signal reaches its threshold: ``date_openers`` entries
    opening with a date or time, with at most ``date_opener_gap`` other entries between each
    and the next (a chronology is a run of them; findings cite a date here and there);
    ``table_rows`` chronology rows; ``event_sentences`` sentences telling an event on an exact
    date; or ``dated_sentences`` sentences holding an exact date or time, at
    ``dated_sentences_per_100_words`` or more (sentences, not dates: "the panel met on 12 June,
    10 July and 4 September" is one sentence, a chronology is a date in every entry).
    ``passage_entries``: paragraphs in a row, each opening with a date or time or telling an
    event on one, that make a passage (``narrative_passages``).
    """

    date_openers: int = 3
    date_opener_gap: int = 1
    table_rows: int = 2
    event_sentences: int = 4
    dated_sentences: int = 6
    dated_sentences_per_100_words: float = 1.25
    opening_words: tuple[str, ...] = ("on", "at", "by", "from", "between", "early on", "late on", "on or about")
    event_verbs: tuple[str, ...] = ()
    passage_entries: int = 3
    source: str = "patterns/sections.yml"
    # The words above as patterns, compiled once per rules object.
    _opener: re.Pattern[str] = field(init=False, repr=False, compare=False)
    _verb: re.Pattern[str] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        words = sorted(self.opening_words, key=len, reverse=True)
        lead = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
        opener = rf"^(?:(?:{lead})\s+)?(?:the\s+)?{_WEEKDAY}?(?:the\s+)?(?:{_EXACT_DATE}|{_TIME})"
        object.__setattr__(self, "_opener", re.compile(opener, re.IGNORECASE))
        verbs = "|".join(re.escape(v) for v in sorted(self.event_verbs, key=len, reverse=True))
        object.__setattr__(self, "_verb", re.compile(rf"\b(?:{verbs})\b", re.IGNORECASE) if verbs else None)

    def opens_with_when(self, text: str) -> bool:
        """Whether an entry opens with an exact date or a time, after its numbering and an
        opening word ("On", "At"). "12.03.19 HV visit" is a date, not paragraph 12.03.19."""
        text = text.strip()
        if self._opener.match(text):
            return True
        stripped = _NUMBERING.sub("", text, count=1)
        return stripped != text and bool(self._opener.match(stripped))

    def tells_an_event(self, sentence: str) -> bool:
        """Whether a sentence holds an exact date or time and an event verb."""
        return self._verb is not None and bool(_WHEN.search(sentence)) and bool(self._verb.search(sentence))


def load_narrative_rules(name: str, value: Any) -> NarrativeRules:
    """The ``narrative`` mapping of sections.yml (defaults when absent). Raises ConfigError
    naming the file and key."""
    if value is None:
        return NarrativeRules(source=name)
    if not isinstance(value, dict):
        raise ConfigError(f"{name}: narrative: expected a mapping of thresholds and word lists")
    unknown = sorted(str(k) for k in value if k not in _KNOWN_KEYS)
    if unknown:
        raise ConfigError(f"{name}: narrative: unknown key '{unknown[0]}' (known keys: {', '.join(sorted(_KNOWN_KEYS))})")
    defaults = NarrativeRules()
    counts = {}
    for key in ("date_openers", "date_opener_gap", "table_rows", "event_sentences", "dated_sentences", "passage_entries"):
        item = value.get(key, getattr(defaults, key))
        least = 0 if key == "date_opener_gap" else 1
        if isinstance(item, bool) or not isinstance(item, int) or item < least:
            raise ConfigError(f"{name}: narrative: {key}: expected a whole number of {least} or more")
        counts[key] = item
    density = value.get("dated_sentences_per_100_words", defaults.dated_sentences_per_100_words)
    if isinstance(density, bool) or not isinstance(density, (int, float)) or density <= 0:
        raise ConfigError(f"{name}: narrative: dated_sentences_per_100_words: expected a number above 0")
    lists = {}
    for key in ("opening_words", "event_verbs"):
        items = value.get(key, list(getattr(defaults, key)))
        if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
            raise ConfigError(f"{name}: narrative: {key}: expected a list of words in quotes (a bare on or no reads as true or false)")
        lists[key] = tuple(i.strip().lower() for i in items)
    return NarrativeRules(
        **counts, dated_sentences_per_100_words=float(density), **lists, source=name  # type: ignore[arg-type]
    )


@dataclass(frozen=True)
class Entry:
    """A line of a section's body, or a table row (``cells`` then holds its cells).
    ``units``: the text units it was read from (a Word table row is one unit per cell)."""

    text: str
    cells: tuple[str, ...] = ()
    units: tuple[int, ...] = ()


def table_row_cells(line: str) -> tuple[str, ...]:
    """The cells of a row typed or saved as text ("14/04/2019 | Police | Child found"), or ()."""
    if "\t" not in line and "|" not in line:
        return ()
    cells = tuple(c.strip() for c in _CELL_SPLIT.split(line.strip()) if c.strip())
    return cells if len(cells) >= 2 else ()


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _EXCERPT_CHARS else text[: _EXCERPT_CHARS - 1].rstrip() + "…"


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _longest_run(positions: Sequence[int], gap: int) -> list[int]:
    """The longest run of positions with at most ``gap`` others between neighbours."""
    best: list[int] = []
    current: list[int] = []
    for p in positions:
        current = current + [p] if current and p - current[-1] - 1 <= gap else [p]
        if len(current) > len(best):
            best = current
    return best


def narrative_evidence(entries: Sequence[Entry], rules: NarrativeRules) -> str | None:
    """Why a section's body reads like a chronology or case narrative, quoting the first piece
    of evidence; None when no signal reaches its threshold."""
    found: list[str] = []

    rows = [e for e in entries if e.cells and rules.opens_with_when(e.cells[0])]
    if len(rows) >= rules.table_rows:
        found.append(f"{_plural(len(rows), 'table row', 'table rows')} open with a date: '{_excerpt(' | '.join(rows[0].cells))}'")

    prose = [e for e in entries if not e.cells]
    opens = [i for i, e in enumerate(prose) if rules.opens_with_when(e.text)]
    run = _longest_run(opens, rules.date_opener_gap)
    if len(run) >= rules.date_openers:
        found.append(
            f"{_plural(len(run), 'paragraph opens', 'paragraphs open')} with a date or time: '{_excerpt(prose[run[0]].text)}'"
        )

    sentences = [s for e in prose for s in _SENTENCE_END.split(e.text.strip()) if s.strip()]
    events = [s for s in sentences if rules.tells_an_event(s)]
    if len(events) >= rules.event_sentences:
        found.append(f"{_plural(len(events), 'sentence tells', 'sentences tell')} an event on a date: '{_excerpt(events[0])}'")

    dated = [s for e in entries for s in _SENTENCE_END.split(e.text.strip()) if _WHEN.search(s)]
    words = sum(len(e.text.split()) for e in entries)
    if words and len(dated) >= rules.dated_sentences and len(dated) * 100 / words >= rules.dated_sentences_per_100_words:
        found.append(f"{len(dated)} sentences or rows with an exact date or time in {words} words: '{_excerpt(dated[0])}'")
    if not found:
        return None
    return "; ".join(found)


@dataclass(frozen=True)
class Passage:
    """A run of a section's entries shaped like a chronology: ``first`` to ``last`` are
    positions in the entries (both included), ``evidence`` says why, quoting the first."""

    first: int
    last: int
    evidence: str


def _dated_entry(entry: Entry, rules: NarrativeRules) -> bool:
    """An entry of a chronology: a table row whose first cell is a date, or a paragraph that
    opens with a date or time or tells an event on an exact date."""
    if entry.cells:
        return rules.opens_with_when(entry.cells[0])
    if rules.opens_with_when(entry.text):
        return True
    return any(rules.tells_an_event(s) for s in _SENTENCE_END.split(entry.text.strip()))


def _caption(entry: Entry, run_is_table: bool) -> bool:
    """The line just before a run that belongs with it: the table's header row ("Date |
    Agency | Event") or a short title line ("The weekend of the footbridge")."""
    if run_is_table:
        return bool(entry.cells) and not _WHEN.search(entry.text)
    words = entry.text.split()
    return not entry.cells and 0 < len(words) <= 12 and not entry.text.rstrip().endswith((".", "!", "?", ";", ","))


def narrative_passages(entries: Sequence[Entry], rules: NarrativeRules) -> list[Passage]:
    """Runs of consecutive entries shaped like a chronology, at the scale of a passage: at
    least ``passage_entries`` paragraphs in a row that open with a date or time or tell an
    event on an exact date, or ``table_rows`` chronology table rows in a row. A findings
    paragraph that cites a date breaks the run (findings cite one here and there)."""
    out: list[Passage] = []
    start: int | None = None
    for i in range(len(entries) + 1):
        if i < len(entries) and _dated_entry(entries[i], rules):
            start = i if start is None else start
            continue
        if start is None:
            continue
        run = entries[start:i]
        rows = sum(1 for e in run if e.cells)
        if rows >= rules.table_rows or len(run) >= rules.passage_entries:
            first = start
            table = rows * 2 >= len(run)
            if first > 0 and _caption(entries[first - 1], table):
                first -= 1
            if table:
                what = f"{_plural(rows, 'table row', 'table rows')} in a row open with a date"
            else:
                what = f"{len(run)} paragraphs in a row open with a date or time or tell an event on a date"
            out.append(Passage(first, i - 1, f"{what}: '{_excerpt(run[0].text)}'"))
        start = None
    return out
