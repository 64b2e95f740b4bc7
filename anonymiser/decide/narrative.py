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

The shapes agency IMRs paste a chronology in (red team, session 8): any bullet symbol
("➢ 12.03.19 – HV"), short weekdays ("Tues 12th March:"), approximate times ("At
approximately 02:15"), date fields ("Date: 12/03/2019" / "Agency: GP" / "Event: ..."), dates
at the end ("... (12/03/2019)."), the date in a table's second column, log lines with an
undated second line between them, and a narrative told on from one date ("Later that
evening", "Two days later"). Deadlines are not events: a date that opens a target ("By 31
March 2021 the Partnership should ...") and the rows of an action plan (a table whose header
names "Target date" or "Timescale") are not counted. A narrative with no exact date at all
is not caught here: the words would have to be guessed.
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
# "March 12, 2019", "12.03.19", "12/03/2019", "2019-03-12" as case systems export it). A month and year alone ("April 2019") is what
# findings cite, and is not counted. Month names take their capital ("section 2 may apply").
_EXACT_DATE = (
    rf"(?:(?<![\d.:/-])\d{{1,2}}[./-]\d{{1,2}}[./-](?:\d{{4}}|\d{{2}})(?![\d./-]\w)"
    rf"|(?<![\d.:/-])(?:19|20)\d\d-[01]\d-[0-3]\d(?![\d-])"
    rf"|(?<![\w/])(?:\d{{1,2}}(?:st|nd|rd|th)?\s*(?:-|–|/|&|and|or|to)\s*)?{_DAY}\s+(?:of\s+)?(?-i:{_MONTH})(?![a-z])"
    rf"|(?<![\w])(?-i:{_MONTH})\s+{_DAY}(?![\d:])(?:,?\s+\d{{4}})?)"
)
# A time of day: "05:10", "7.30pm", "0510 hrs", "14.30hrs", "10am".
_TIME = (
    r"(?:(?<![\d.:])(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*(?:am|pm|hrs|hours))?(?![\d:])"
    r"|(?<![\d.:])(?:[01]?\d|2[0-3])\.[0-5]\d\s*(?:hrs|hours)\b"
    r"|(?<![\d.:])(?:[01]?\d|2[0-3])(?:\.[0-5]\d)?\s*(?:am|pm)\b"
    r"|(?<![\d.:])(?:[01]\d|2[0-3])[0-5]\d\s*hrs\b)"
)
# A weekday before the date, written out or cut short as chronologies do ("Tues 12th March",
# "Wed. 13 March", "Monday, 4th March").
_WEEKDAY = (
    r"(?:(?:Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:s|nesday)?|Thu(?:rs?(?:day)?)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)"
    r"\.?,?\s+)"
)
_WHEN = re.compile(rf"(?:{_EXACT_DATE}|{_TIME})", re.IGNORECASE)
# Paragraph numbering and bullets in front of an entry ("3.5 ", "(b) ", "• "): a bullet is any
# one or two symbols before a space ("➢", "", "►"), or Word's "o" saved as text.
_NUMBERING = re.compile(r"^\s*(?:\d{1,3}(?:\.\d{1,3})*[.)]?|[^\w\s\"'“‘(\[]{1,2}|o|\(?[a-z]\)|\([ivx]+\))\s+")
# Paragraph numbering alone ("4.3 ", "12. "): a paragraph of the report, not a line of a
# chronology's entry (used to tell an entry's continuation lines from the next finding).
_PARAGRAPH_NUMBER = re.compile(r"^\s*(?:\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}[.)])\s+\D")
# A field of an entry typed as "Label: value" ("Agency: GP", "Event: Home visit").
_FIELD = re.compile(r"^\s*[A-Z][\w /&’'-]{0,30}:\s+\S")
# A cell that is only a date, perhaps with a time ("12/03/2019", "12.03.19 14:30").
_DATE_CELL = re.compile(rf"^\s*{_WEEKDAY}?(?:{_EXACT_DATE})(?:\s*,?\s*(?:at\s+)?(?:{_TIME}))?[\s.,;:]*$", re.IGNORECASE)
# An entry that ends with its date, as some chronologies are written: "HV visited the home
# (12/03/2019)." or "GP appointment missed – 19.03.2019". A date in brackets or after a dash
# at the very end; "as the review found on 12 March" is not one.
_DATED_YEAR = rf"(?:{_EXACT_DATE})(?:,?\s+\d{{4}})?"
_CLOSER = re.compile(rf"(?:[(\[]\s*{_DATED_YEAR}\s*[)\]]|\s[–—-]\s*{_DATED_YEAR})[\s.;]*$", re.IGNORECASE)
_OPENING_QUOTE = re.compile(r"^[\"'“‘]\s*")
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
        "passage_gap",
        "continuation_words",
        "date_labels",
        "deadline_words",
        "relative_openers",
        "action_plan_columns",
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
    event on one, that make a passage (``narrative_passages``); up to ``passage_gap`` short
    lines (at most ``continuation_words`` words, no paragraph number) may sit between two
    of them, as an entry's second line does. ``date_labels``: the label of a date field
    ("Date: 12/03/2019"); ``deadline_words``: a date opening a target, not an event ("By 31
    March 2021 the Partnership should ..."); ``relative_openers``: "Later that evening",
    "Two days later": a paragraph told on from a dated one carries on its passage.
    ``action_plan_columns``: a table under a header row naming one is an action plan.
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
    passage_gap: int = 2
    continuation_words: int = 25
    date_labels: tuple[str, ...] = ("date",)
    deadline_words: tuple[str, ...] = ()
    relative_openers: tuple[str, ...] = ()
    action_plan_columns: tuple[str, ...] = ()
    source: str = "patterns/sections.yml"
    # The words above as patterns, compiled once per rules object.
    _opener: re.Pattern[str] = field(init=False, repr=False, compare=False)
    _bare: re.Pattern[str] = field(init=False, repr=False, compare=False)
    _verb: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    _deadline: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    _relative: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    _plan: re.Pattern[str] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        lead = _alternatives(self.opening_words)
        labels = _alternatives(self.date_labels)
        label = rf"(?:(?:{labels})\s*[:–—-]\s*)?" if labels else ""
        when = rf"{_WEEKDAY}?(?:the\s+)?(?:{_EXACT_DATE}|{_TIME})"
        # Up to two opening words: "At approximately 02:15", "Shortly after 03:00".
        # After an opening word, a time with a dot and a two-digit hour ("At 10.15", "By
        # approximately 09.30"); alone, "4.15" is a paragraph's number.
        dotted = r"(?:[01]\d|2[0-3])\.[0-5]\d(?![\d.]\d)"
        opener = rf"^{label}(?:(?:(?:{lead})\s+){{0,2}}(?:the\s+)?{when}|(?:(?:{lead})\s+){{1,2}}{dotted})"
        object.__setattr__(self, "_opener", re.compile(opener, re.IGNORECASE))
        # A line of a log: the date first, or after its label ("12.03.19 HV visit", "Date: 12/03/2019").
        # Or after the agency's name, fenced by dashes or brackets ("HV – 12.03.19 – visit",
        # "Police (12/03/2019): incident"): a log line too.
        named = rf"(?:[\w'’&/.]+\s+){{0,3}}[\w'’&/.]+\s*(?:[–—:-]|\()\s*{when}\s*[)–—:-]"
        object.__setattr__(self, "_bare", re.compile(rf"^{label}(?:{when}|{named})", re.IGNORECASE))
        verbs = _alternatives(self.event_verbs)
        object.__setattr__(self, "_verb", re.compile(rf"\b(?:{verbs})\b", re.IGNORECASE) if verbs else None)
        deadline = _alternatives(self.deadline_words)
        object.__setattr__(self, "_deadline", re.compile(rf"\b(?:{deadline})\b", re.IGNORECASE) if deadline else None)
        plan = _alternatives(self.action_plan_columns)
        object.__setattr__(self, "_plan", re.compile(rf"\b(?:{plan})\b", re.IGNORECASE) if plan else None)
        relative = _alternatives(self.relative_openers)
        object.__setattr__(
            self, "_relative", re.compile(rf"^(?:[\w-]+\s+)?(?:{relative})(?=[\s,;:–-]|$)", re.IGNORECASE) if relative else None
        )

    def heads_an_action_plan(self, cells: Sequence[str]) -> bool:
        """Whether a table row is the header of an action plan ("Action | Target date |
        Lead"): its dates are deadlines, not a chronology's events."""
        if self._plan is None or _WHEN.search(" ".join(cells)):
            return False
        return any(self._plan.search(c) for c in cells)

    def _opening(self, text: str, pattern: re.Pattern[str]) -> re.Match[str] | None:
        # An entry quoted from a record ('"12.03.19 HV home visit."') opens with its date too.
        text = _OPENING_QUOTE.sub("", text.strip(), count=1)
        match = pattern.match(text)
        if match is None:
            stripped = _NUMBERING.sub("", text, count=1)
            match = pattern.match(stripped) if stripped != text else None
            text = stripped
        if match is None:
            return None
        # "By 31 March 2021 the Partnership should ...": a target, not an event. Read to the
        # end of the first clause ("12.03.19 HV visit; will review" is an event).
        clause = re.split(r"[.;]\s", text[match.end() :] + " ", maxsplit=1)[0]
        if self._deadline is not None and self._deadline.search(clause):
            return None
        return match

    def opens_with_when(self, text: str) -> bool:
        """Whether an entry opens with an exact date or a time, after its numbering and an
        opening word ("On", "At"). "12.03.19 HV visit" is a date, not paragraph 12.03.19.
        A date that opens a target ("By 31 March 2021 ... should") is not an event's."""
        return self._opening(text, self._opener) is not None

    def opens_a_log_line(self, text: str) -> bool:
        """Whether an entry is a line of a chronology log: its date first, with no opening
        word ("12.03.19 HV visit", "• 12.03.19 – GP", "Date: 12/03/2019"). Findings write
        "On 15 April 2019 ..."; a log line is the text form of a chronology table row."""
        return self._opening(text, self._bare) is not None

    def ends_with_date(self, text: str) -> bool:
        """Whether an entry ends with its date in brackets or after a dash ("... (12/03/2019).")."""
        return bool(_CLOSER.search(text.strip()))

    def told_on(self, text: str) -> bool:
        """Whether an entry opens with a relative time ("Later that evening", "Two days later")."""
        if self._relative is None:
            return False
        text = text.strip()
        return bool(self._relative.match(text) or self._relative.match(_NUMBERING.sub("", text, count=1)))

    def dated_row(self, cells: Sequence[str]) -> bool:
        """Whether a table row is a chronology's: its first cell opens with a date or time, or
        its second cell is a date ("Health Visiting | 12/03/2019 | Home visit", "Date: | 12/03/2019")."""
        if not cells:
            return False
        return self.opens_with_when(cells[0]) or (len(cells) > 1 and bool(_DATE_CELL.match(cells[1])))

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
    for key in (
        "date_openers",
        "date_opener_gap",
        "table_rows",
        "event_sentences",
        "dated_sentences",
        "passage_entries",
        "passage_gap",
        "continuation_words",
    ):
        item = value.get(key, getattr(defaults, key))
        least = 0 if key in ("date_opener_gap", "passage_gap") else 1
        if isinstance(item, bool) or not isinstance(item, int) or item < least:
            raise ConfigError(f"{name}: narrative: {key}: expected a whole number of {least} or more")
        counts[key] = item
    density = value.get("dated_sentences_per_100_words", defaults.dated_sentences_per_100_words)
    if isinstance(density, bool) or not isinstance(density, (int, float)) or density <= 0:
        raise ConfigError(f"{name}: narrative: dated_sentences_per_100_words: expected a number above 0")
    lists = {}
    for key in ("opening_words", "event_verbs", "date_labels", "deadline_words", "relative_openers", "action_plan_columns"):
        items = value.get(key, list(getattr(defaults, key)))
        if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
            raise ConfigError(f"{name}: narrative: {key}: expected a list of words in quotes (a bare on or no reads as true or false)")
        lists[key] = tuple(i.strip().lower() for i in items)
    return NarrativeRules(
        **counts, dated_sentences_per_100_words=float(density), **lists, source=name  # type: ignore[arg-type]
    )


def _alternatives(words: Sequence[str]) -> str:
    """Words as a regular expression's alternatives, longest first, any spaces between."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


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

    plan = _action_plan_rows(entries, rules)
    rows = [e for i, e in enumerate(entries) if e.cells and i not in plan and rules.dated_row(e.cells)]
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

    # An action plan's deadlines are not a case's dates.
    counted = [e for i, e in enumerate(entries) if i not in plan]
    dated = [s for e in counted for s in _SENTENCE_END.split(e.text.strip()) if _WHEN.search(s)]
    words = sum(len(e.text.split()) for e in counted)
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


# How an entry reads, for the passages: a line of a log (a dated table row, a line that opens
# with its bare date), a dated paragraph, a paragraph told on from a dated one ("Two days
# later"), or none of these.
_LOG, _DATED, _TOLD_ON, _OTHER = "log", "dated", "told on", "other"


def _action_plan_rows(entries: Sequence[Entry], rules: NarrativeRules) -> frozenset[int]:
    """Positions of the rows of tables whose header row names an action plan's column."""
    out: set[int] = set()
    in_plan = False
    for i, entry in enumerate(entries):
        if not entry.cells:
            in_plan = False
        elif rules.heads_an_action_plan(entry.cells):
            in_plan = True
        elif in_plan:
            out.add(i)
    return frozenset(out)


def _entry_kind(entry: Entry, rules: NarrativeRules) -> str:
    if entry.cells:
        return _LOG if rules.dated_row(entry.cells) else _OTHER
    if rules.opens_a_log_line(entry.text):
        return _LOG
    if rules.opens_with_when(entry.text) or rules.ends_with_date(entry.text):
        return _DATED
    if any(rules.tells_an_event(s) for s in _SENTENCE_END.split(entry.text.strip())):
        return _DATED
    return _TOLD_ON if rules.told_on(entry.text) else _OTHER


def _continues(entry: Entry, rules: NarrativeRules) -> bool:
    """Whether an undated entry may sit inside a passage, between two dated ones: an entry's
    second line ("Baby weighed and plotted."), a field ("Agency: GP") or a table row, short
    and without a paragraph number (a numbered paragraph is the report's next finding)."""
    return not _PARAGRAPH_NUMBER.match(entry.text) and len(entry.text.split()) <= rules.continuation_words


def _caption(entry: Entry, run_is_table: bool) -> bool:
    """The line just before a run that belongs with it: the table's header row ("Date |
    Agency | Event") or a short title line ("The weekend of the footbridge")."""
    if run_is_table:
        return bool(entry.cells) and not _WHEN.search(entry.text)
    words = entry.text.split()
    return not entry.cells and 0 < len(words) <= 12 and not entry.text.rstrip().endswith((".", "!", "?", ";", ","))


def narrative_passages(entries: Sequence[Entry], rules: NarrativeRules) -> list[Passage]:
    """Runs of entries shaped like a chronology, at the scale of a passage: at least
    ``passage_entries`` paragraphs that open with a date or time, end with their date, tell an
    event on an exact date or are told on from one ("Later that evening"), or ``table_rows``
    lines of a log (dated table rows, lines that open with their bare date). Up to
    ``passage_gap`` short undated lines may sit between two of them (an entry's second line, a
    field such as "Agency: GP"); a numbered findings paragraph breaks the run (findings cite a
    date here and there)."""
    plan = _action_plan_rows(entries, rules)
    kinds = [_OTHER if i in plan else _entry_kind(e, rules) for i, e in enumerate(entries)]
    out: list[Passage] = []
    i = 0
    while i < len(entries):
        if kinds[i] not in (_LOG, _DATED):
            i += 1
            continue
        start, last, j, gap = i, i, i + 1, 0
        while j < len(entries):
            if kinds[j] != _OTHER:
                last, gap = j, 0
            elif gap < rules.passage_gap and _continues(entries[j], rules):
                gap += 1
            else:
                break
            j += 1
        # The last entry's own trailing lines, among the short ones read past: its fields
        # ("Event: Bruise recorded.") or its table's rows ("Event: | ...").
        while last + 1 < j and (entries[last + 1].cells or _FIELD.match(entries[last + 1].text)):
            last += 1
        run = entries[start : last + 1]
        run_kinds = kinds[start : last + 1]
        logs = run_kinds.count(_LOG)
        told = sum(1 for k in run_kinds if k != _OTHER)
        if logs >= rules.table_rows or told >= rules.passage_entries:
            first = start
            rows = sum(1 for e in run if e.cells)
            table = rows * 2 >= len(run)
            if first > 0 and _caption(entries[first - 1], table):
                first -= 1
            # "in a row", or with an entry's own short lines between ("Agency: GP").
            order = "in a row" if _OTHER not in run_kinds else "close together"
            if table:
                what = f"{_plural(logs, 'table row', 'table rows')} {order} open with a date"
            elif logs >= rules.table_rows and told < rules.passage_entries:
                what = f"{logs} lines {order} open with their date, as a chronology's do"
            else:
                what = f"{told} paragraphs {order} open with a date or time or tell an event on a date"
            out.append(Passage(first, last, f"{what}: '{_excerpt(run[0].text)}'"))
        i = last + 1
    return out
