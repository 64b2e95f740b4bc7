"""The recommendations of an agency's Individual Management Review, for the appendix.

A findings-only report ends with "Appendix 1: Recommendations from agency Individual
Management Reviews": one numbered heading per agency and its recommendations beneath. This
module takes one IMR's units and sections, finds its recommendations section and the agency's
name (``extract_recommendations``), and lays several agencies out as appendix lines
(``render_appendix``). Anonymising and writing the appendix is the caller's job.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from anonymiser.decide.scope import (
    FRONT_MATTER,
    SectionRules,
    descendants,
    in_sections,
    is_capitals,
    is_table_row,
    load_section_rules,
    table_cells,
    title_page,
)
from anonymiser.records import SectionInfo, TextUnit

APPENDIX_TITLE = "Appendix 1: Recommendations from agency Individual Management Reviews"
UNNAMED_AGENCY = "(agency not named)"

# "1.", "1.2", "Recommendation 3:", "R4", optionally after a bullet: the start of one item.
_ITEM = re.compile(
    r"^\s*(?:[-*•▪–]\s+)?(?:(?:recommendation|rec\.?|r)\s*)?(?P<num>\d{1,3}(?:\.\d{1,3})*)[.):]?(?:\s+|$)(?P<text>.*)$",
    re.IGNORECASE | re.DOTALL,
)


@dataclass(frozen=True)
class RecommendationItem:
    """One recommendation: its number as written (None if unnumbered), its text (follow-on
    paragraphs joined by newlines) and the unit it starts in."""

    number: str | None
    text: str
    unit: int


@dataclass
class AgencyRecommendations:
    """One IMR's recommendations, under the agency's name when it was found."""

    agency: str | None
    items: list[RecommendationItem] = field(default_factory=list)


def extract_recommendations(
    units: Sequence[TextUnit],
    sections: Sequence[SectionInfo],
    rules: SectionRules | None = None,
) -> AgencyRecommendations:
    """The agency name and recommendations of one IMR.

    ``sections`` come from ``find_sections`` (classified or not). The recommendations section
    is the one whose heading matches ``recommendations`` in sections.yml, with its
    sub-sections; if several do, the one holding most recommendations wins (a contents page
    also says "Recommendations"). Each numbered paragraph starts a recommendation and
    un-numbered paragraphs after it join it; when no paragraph is numbered (Word list
    numbering is not part of the text), each paragraph is one recommendation.
    """
    if rules is None:
        rules = load_section_rules()
    by_uid = {u.uid: u for u in units}
    best: list[RecommendationItem] = []
    for position, section in enumerate(sections):
        if section.heading == FRONT_MATTER or not rules.is_recommendations(section.heading):
            continue
        span = [section, *(sections[i] for i in descendants(sections, position))]
        items = _items(span, by_uid)
        if len(items) > len(best):
            best = items
    return AgencyRecommendations(agency=find_agency(units, sections, rules), items=best)


@dataclass(frozen=True)
class _Piece:
    """A paragraph, or one line of a paragraph that holds a typed list ("- 1.1 ...\n- 1.2 ...")."""

    uid: int
    text: str
    heading: bool


def _items(span: Sequence[SectionInfo], by_uid: dict[int, TextUnit]) -> list[RecommendationItem]:
    headings = {s.units[0] for s in span if s.units and s.heading != FRONT_MATTER}
    pieces: list[_Piece] = []
    cells: list[TextUnit] = []
    for section in span:
        for uid in section.units:
            unit = by_uid.get(uid)
            if unit is None or not in_sections(unit) or not unit.text.strip():
                continue
            if unit.location.cell and uid not in headings:
                cells.append(unit)
                continue
            if "\n" not in unit.text.strip() and is_table_row(unit.text):
                # A table saved as text: its cells are tab-separated on one line.
                cells.extend(_typed_row(unit))
                continue
            pieces.extend(_split(unit, uid in headings))
    # The section's own heading ("8. Recommendations") is never an item.
    if pieces and pieces[0].heading:
        pieces = pieces[1:]
    in_tables = _table_items(cells)

    numbers = [None if _is_group_heading(i, pieces) else _number(p.text) for i, p in enumerate(pieces)]
    if all(n is None for n in numbers):
        if in_tables:
            # Beside a table of recommendations, un-numbered paragraphs introduce or comment.
            return in_tables
        return _unnumbered(pieces)
    return sorted(_numbered_items(pieces, numbers) + in_tables, key=lambda item: item.unit)


def _numbered_items(
    pieces: Sequence[_Piece], numbers: Sequence[tuple[str, str] | None]
) -> list[RecommendationItem]:
    items: list[tuple[str | None, list[str], int]] = []
    for piece, parsed in zip(pieces, numbers):
        if parsed is not None:
            number, text = parsed
            items.append((number, [text] if text else [], piece.uid))
        elif piece.heading:
            continue  # a grouping heading ("8.1 Training") above numbered items
        elif items:
            items[-1][1].append(_clean(piece.text))
        # Un-numbered text before the first item is the section's introduction.
    return [RecommendationItem(n, "\n".join(t for t in texts if t), uid) for n, texts, uid in items]


# A table's header cell over the recommendations, and over their numbers.
_TEXT_HEADER = re.compile(r"(?i)^\W*(?:recommendations?|actions?|learning|what (?:needs to|will) (?:change|happen))\b")
_NUMBER_HEADER = re.compile(r"(?i)^\W*(?:no\.?|number|ref(?:erence)?\.?|#|rec\.?(?: no\.?)?)\W*$")
_CELL_NUMBER = re.compile(r"(?i)^\W*(?:(?:recommendation|rec\.?|r)\s*)?(?P<num>\d{1,3}(?:\.\d{1,3})*)[.):]?\s*$")
_TOP_CELL = re.compile(r"^table (\d+), row (\d+), cell (\d+)")


def _typed_row(unit: TextUnit) -> list[TextUnit]:
    """A tab-separated line as the cells of a table row (consecutive lines are one table,
    numbered by their paragraph so that rows stay in order)."""
    return [
        replace(unit, text=text, location=replace(unit.location, cell=f"table 0, row {unit.location.paragraph}, cell {c}"))
        for c, text in enumerate(table_cells(unit.text), start=1)
    ]


def _table_items(cells: Sequence[TextUnit]) -> list[RecommendationItem]:
    """One recommendation per row of each table: the text of the column headed
    "Recommendation" (or "Action"), else of the column with most words; its number from a
    column headed "No." or a cell that is only a number ("1", "R2", "Recommendation 3").
    Lead agency and timescale columns are left out, as the published appendix lists the
    recommendations alone."""
    tables: dict[str, dict[int, dict[int, list[TextUnit]]]] = {}
    for unit in cells:
        match = _TOP_CELL.match(unit.location.cell or "")
        if match is None:
            continue
        rows = tables.setdefault(match.group(1), {})
        rows.setdefault(int(match.group(2)), {}).setdefault(int(match.group(3)), []).append(unit)
    items: list[RecommendationItem] = []
    for rows in tables.values():
        grid = [
            {c: "\n".join(_clean(u.text) for u in units) for c, units in sorted(row.items())}
            for _r, row in sorted(rows.items())
        ]
        starts = [min(u.uid for units in row.values() for u in units) for _r, row in sorted(rows.items())]
        text_col, number_col, first = _columns(grid)
        if text_col is None:
            continue
        for row, start in zip(grid[first:], starts[first:]):
            text = row.get(text_col, "").strip()
            number = None
            numbered = _CELL_NUMBER.match(row.get(number_col, "")) if number_col is not None else None
            if numbered:
                number = numbered.group("num")
            if text:
                parsed = _number(text)
                if parsed is not None and number is None and parsed[1]:
                    number, text = parsed
                items.append(RecommendationItem(number, text, start))
    return items


def _columns(grid: Sequence[dict[int, str]]) -> tuple[int | None, int | None, int]:
    """(text column, number column, first row of items) of a table."""
    if not grid:
        return None, None, 0
    header = grid[0]
    # A header row is labels: every cell short, none a numbered label ("Recommendation 1").
    labels = all(len(t.split()) <= 5 and not _CELL_NUMBER.match(t) for t in header.values())
    text_col = next((c for c, t in header.items() if _TEXT_HEADER.match(t)), None) if labels else None
    if text_col is not None:
        number_col = next((c for c, t in header.items() if _NUMBER_HEADER.match(t)), None)
        return text_col, number_col, 1
    # No header: the column with most words holds the recommendations; a first column of
    # bare numbers or labels ("Recommendation 1") numbers them.
    columns = sorted({c for row in grid for c in row})
    words = {c: sum(len(row.get(c, "").split()) for row in grid) for c in columns}
    text_col = max(columns, key=lambda c: (words[c], -c))
    number_col = next(
        (c for c in columns if c != text_col and all(_CELL_NUMBER.match(row.get(c, "")) for row in grid)), None
    )
    return text_col, number_col, 0


# A line inside a paragraph starts a new item only when it is plainly a list entry: a bullet
# or a dotted number, so that a wrapped line beginning "28 days later" does not.
_LINE_ITEM = re.compile(r"^\s*(?:[-*•▪–]\s+\S|\d{1,3}(?:\.\d{1,3})+\.?\s+\S|\d{1,3}[.)]\s+\S)")


def _split(unit: TextUnit, heading: bool) -> list[_Piece]:
    lines = unit.text.strip().split("\n")
    if heading or len(lines) == 1 or not any(_LINE_ITEM.match(line) for line in lines[1:]):
        return [_Piece(unit.uid, unit.text.strip(), heading)]
    groups: list[list[str]] = [[lines[0]]]
    for line in lines[1:]:
        if _LINE_ITEM.match(line):
            groups.append([line])
        else:
            groups[-1].append(line)
    return [_Piece(unit.uid, " ".join(x.strip() for x in g), False) for g in groups]


def _number(text: str) -> tuple[str, str] | None:
    match = _ITEM.match(text.strip())
    if not match:
        return None
    return match.group("num"), _clean(match.group("text"))


def _is_group_heading(i: int, pieces: Sequence[_Piece]) -> bool:
    """A numbered heading followed by items numbered beneath it ("8.1 Training" then
    "8.1.1 ...") groups recommendations rather than being one."""
    parsed = _number(pieces[i].text)
    if not pieces[i].heading or parsed is None:
        return False
    for later in pieces[i + 1 :]:
        nxt = _number(later.text)
        if nxt is not None:
            return nxt[0].startswith(parsed[0].rstrip(".") + ".")
    return False


def _unnumbered(pieces: Sequence[_Piece]) -> list[RecommendationItem]:
    items: list[RecommendationItem] = []
    for piece in pieces:
        text = _clean(piece.text)
        if piece.heading:
            continue
        if not items and text.endswith(":"):
            continue  # "The IMR author makes the following recommendations:"
        # The appendix numbers each item itself: "1.1 • Health visitors ..." is garbled.
        items.append(RecommendationItem(None, _LIST_MARK.sub("", text, count=1), piece.uid))
    return items


# A typed bullet or list letter before an un-numbered recommendation.
_LIST_MARK = re.compile(r"^(?:[-*•▪◦–·o]|\(?[a-z]\)|\([ivx]+\))\s+(?=\S)")


def _clean(text: str) -> str:
    return re.sub(r"[ \t]+", " ", text.strip())


# -- the agency ----------------------------------------------------------------------------


def find_agency(units: Sequence[TextUnit], sections: Sequence[SectionInfo], rules: SectionRules) -> str | None:
    """The agency named on the IMR's title page, or failing that in a heading; None if neither
    names one. Patterns are tried in the order of ``agency_title_patterns``."""
    by_uid = {u.uid: u for u in units}
    title_lines = [
        line
        for position in title_page(sections, units, rules)
        for uid in sections[position].units
        if uid in by_uid
        for line in by_uid[uid].text.splitlines()
    ]
    heading_lines = [s.heading for s in sections if s.heading != FRONT_MATTER]
    for lines in (title_lines, heading_lines):
        for pattern in rules.agency_title_patterns:
            for line in lines:
                name = _agency_in(line, pattern, rules)
                if name:
                    return name
    return None


def _agency_in(line: str, pattern: re.Pattern[str], rules: SectionRules) -> str | None:
    text = re.sub(r"(\*\*|__)", "", line).strip()
    capitals = is_capitals(text)
    if capitals:
        # A title page in capitals ("WESTMERE CONSTABULARY"): the patterns are written for
        # "Westmere Constabulary"; with no lower case in the line, ignoring case is safe.
        pattern = re.compile(pattern.pattern, pattern.flags | re.IGNORECASE)
    match = pattern.search(text)
    if not match:
        return None
    name = match.group("agency") if "agency" in pattern.groupindex else match.group(0)
    name = name or ""
    for strip in rules.agency_name_strip:
        name = strip.sub("", name, count=1)
    name = re.sub(r"\s+", " ", name).strip(" \t.,;:-–—*\"'")
    if capitals:
        name = _from_capitals(name)
    return name or None


_LOWER_WORDS = frozenset({"of", "and", "upon", "on", "the", "for", "in"})


def _from_capitals(name: str) -> str:
    """ "WESTMERE COMMUNITY HEALTH NHS TRUST" -> "Westmere Community Health NHS Trust":
    short words without vowels, and known initialisms, stay in capitals."""
    words = []
    for i, word in enumerate(name.split()):
        lower = word.lower()
        if i and lower in _LOWER_WORDS:
            words.append(lower)
        elif word.upper() in _INITIALISMS or not re.search(r"[AEIOUY]", word.upper()):
            words.append(word)
        else:
            words.append(re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), lower, count=1))
    return " ".join(words)


_INITIALISMS = frozenset({"NHS", "CCG", "ICB", "GP", "CAMHS", "NSPCC", "MASH", "YOT", "CRC", "UK", "LA", "CSC"})


# -- the appendix --------------------------------------------------------------------------


def agency_key(name: str | None) -> str | None:
    """What two spellings of one agency have in common: "Westmere  Constabulary",
    "WESTMERE CONSTABULARY" (read from capitals as "Westmere Constabulary") and "westmere
    constabulary" are one agency; a curly apostrophe is the straight one. None for an IMR
    whose agency was not found."""
    if not name or not name.strip():
        return None
    return " ".join(name.replace("\u2019", "'").split()).casefold()


@dataclass(frozen=True)
class AgencyGroup:
    """One heading of the appendix: an agency, every recommendation of its IMRs, and which
    of the IMRs given (their positions) it holds."""

    agency: AgencyRecommendations
    sources: tuple[int, ...]


def group_by_agency(agencies: Sequence[AgencyRecommendations]) -> list[AgencyGroup]:
    """One group per agency, in the order the agencies are first given, each holding the
    recommendations of all its IMRs in the order given; the name is spelt as the first of
    them spells it.

    A Board reads the appendix agency by agency: two IMRs from one agency (its police and its
    custody reviews, or a second version) under two headings read as two agencies, and the
    second "Westmere Constabulary" looks like a mistake. The order given stays the order of
    the headings (the consultant chooses it; a folder is read in name order), so the output
    is the same for the same inputs. IMRs whose agency was not found are never merged: they
    may be different agencies, and each keeps a heading of its own for the consultant to name.
    """
    groups: list[tuple[AgencyRecommendations, list[int]]] = []
    by_key: dict[str, int] = {}
    for position, agency in enumerate(agencies):
        key = agency_key(agency.agency)
        if key is not None and key in by_key:
            merged, sources = groups[by_key[key]]
            merged.items.extend(agency.items)
            sources.append(position)
            continue
        if key is not None:
            by_key[key] = len(groups)
        groups.append((AgencyRecommendations(agency.agency, list(agency.items)), [position]))
    return [AgencyGroup(agency, tuple(sources)) for agency, sources in groups]


def render_appendix(
    agencies: Sequence[AgencyRecommendations],
    title: str = APPENDIX_TITLE,
    intro: str | None = None,
) -> list[tuple[str, int | None]]:
    """The appendix as (line, heading level or None) pairs: the title (level 1), then
    "1. <Agency>" (level 2) per agency with "1.1 <recommendation>", "1.2 ..." beneath, as in
    the published example. Follow-on paragraphs of a recommendation are lines of their own.
    IMRs of the same agency share one heading (``group_by_agency``).
    """
    lines: list[tuple[str, int | None]] = [(title, 1)]
    if intro:
        lines.append((intro, None))
    for a, group in enumerate(group_by_agency(agencies), start=1):
        agency = group.agency
        lines.append((f"{a}. {agency.agency or UNNAMED_AGENCY}", 2))
        if not agency.items:
            reviews = "this Individual Management Review"
            if len(group.sources) > 1:
                reviews = "these Individual Management Reviews"
            lines.append((f"No recommendations were found in {reviews}.", None))
        for r, item in enumerate(agency.items, start=1):
            first, *rest = item.text.split("\n") if item.text else [""]
            lines.append((f"{a}.{r} {first}".rstrip(), None))
            lines.extend((more, None) for more in rest if more.strip())
    return lines
