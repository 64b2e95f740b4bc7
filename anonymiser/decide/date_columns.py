"""Dates in a table column headed "DOB" (or "Date of death") are dates of birth (or death).

IMRs open with a table of the family: "Name | Relationship | DOB | Address". A date in the DOB
column has no "DOB" before it in its own cell, so it was found as a plain date, and the scr
policy published its month and year ("(a date in May 2015)"): a child's month and year of
birth. A date under such a heading (``date_columns`` in patterns/sections.yml) takes the
column's category. Word tables: their cells are units that know their row and column. A
form's label does the same for the date beside it (the cell to its right) or below it (the
next paragraph, the date opening it). Tables
typed as text (columns parted by tabs, runs of spaces or "|", a line a row) are read too: the
same heading on a line, and the lines under it while each still has columns.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from anonymiser.records import Finding, TextUnit

# The innermost table, row and cell of a cell's location ("table 1, row 3, cell 2, table 1,
# row 1, cell 1" is a table nested in a cell: the last three name the innermost).
_CELL = re.compile(r"^(?P<table>(?:.*, )?table \d+), row (?P<row>\d+), cell (?P<cell>\d+)$")
_DATES = frozenset({"DATE"})


def dates_by_column(
    findings: Sequence[Finding], units: Sequence[TextUnit], columns: Mapping[str, Sequence[str]]
) -> list[Finding]:
    """``findings`` with each DATE in a column whose heading (its first row's cell) is listed
    under a category in ``columns`` given that category."""
    category_of = {_heading_key(h): category for category, headings in columns.items() for h in headings}
    if not category_of:
        return list(findings)
    headings: dict[tuple[str, str, str], str] = {}
    where: dict[int, tuple[str, str, str, int]] = {}
    # A form's labels: the text of each cell by its row and column, and the paragraph before
    # each paragraph outside a table.
    cells: dict[tuple[str, str, int, int], str] = {}
    label_above: dict[int, str] = {}
    previous: TextUnit | None = None
    for unit in units:
        cell = _CELL.match(unit.location.cell or "")
        if cell is None:
            if previous is not None and previous.location.cell is None:
                label_above[unit.uid] = previous.text
            previous = unit
            continue
        previous = unit
        column = (unit.location.part, cell.group("table"), cell.group("cell"))
        row = int(cell.group("row"))
        where[unit.uid] = (*column, row)
        cells[(unit.location.part, cell.group("table"), row, int(cell.group("cell")))] = unit.text
        if row == 1:
            headings[column] = headings.get(column, "") + " " + unit.text
    typed = _typed_table_columns(units, category_of)
    texts = {u.uid: u.text for u in units}
    out = []
    for f in findings:
        place = where.get(f.unit)
        category = None
        if f.category in _DATES and place is not None:
            if place[3] > 1:
                category = category_of.get(_heading_key(headings.get(place[:3], "")))
            if category is None:
                part, table, column_number, row = place
                label = cells.get((part, table, row, int(column_number) - 1), "")
                category = _labelled(label, category_of)
        elif f.category in _DATES and f.unit in typed:
            category = _typed_category(typed[f.unit], f.start, category_of)
        if category is None and f.category in _DATES and f.unit in label_above and not texts[f.unit][: f.start].strip():
            category = _labelled(label_above[f.unit], category_of)
        if category is not None:
            f = replace(f, category=category)
        out.append(f)
    return out


def _labelled(label: str, category_of: Mapping[str, str]) -> str | None:
    """The category a form's label gives the value beside or below it: a listed heading,
    perhaps after whose it is ("Date of birth", "Mother's D.O.B.:"). A referral form's
    "Date of birth | 03/05/2015", or "Date of birth:" in the paragraph above the date, was
    published as its month and year."""
    key = _heading_key(label)
    if len(key) > 40:
        return None  # a sentence, not a label
    for heading, category in category_of.items():
        if key == heading or key.endswith(" " + heading):
            return category
    return None


# A table typed as text: cells parted by a tab, two or more spaces, or a "|" (Markdown).
_GAP = re.compile(r"\t+| {2,}|[ \t]*\|[ \t]*")
_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class _TypedRow:
    """A row of a typed table, under the heading line whose columns name categories."""

    start: int  # where the row's line starts in its unit
    end: int
    line: str
    heading: str


def _typed_table_columns(units: Sequence[TextUnit], category_of: Mapping[str, str]) -> dict[int, list[_TypedRow]]:
    """For each unit outside a Word table, its lines that are rows under a typed heading line
    with a listed column. A heading lasts while the lines below it have two cells or more,
    across paragraphs too (drafts put a blank line between rows)."""
    rows: dict[int, list[_TypedRow]] = {}
    heading: str | None = None
    for unit in units:
        if unit.location.cell is not None:
            heading = None
            continue
        if "\t" not in unit.text and "  " not in unit.text and "|" not in unit.text:
            heading = None  # no columns anywhere in this paragraph: a table has ended
            continue
        for line in _LINE.finditer(unit.text):
            cells = _cells(line.group(0))
            if len(cells) < 2:
                heading = None
            elif not any(c.isdigit() for c in line.group(0)) and any(
                _heading_key(text) in category_of for _, _, text in cells
            ):
                # A heading line has no digits: "DOB:  03/05/2015" is a form's line, and the
                # chronology under it no table.
                heading = line.group(0)
            elif heading is not None:
                row = _TypedRow(line.start(), line.end(), line.group(0), heading)
                rows.setdefault(unit.uid, []).append(row)
    return rows


def _typed_category(rows: Sequence[_TypedRow], start: int, category_of: Mapping[str, str]) -> str | None:
    """The category of the column a date starting at ``start`` stands in, if its row is under
    a listed heading. Typists part columns in ways a reader's eye joins up (one tab or two,
    tab stops of 4 or 8, a blank cell): the column is read each way, and a date any reading
    puts under a listed heading takes its category (a date of birth must not be published)."""
    for row in rows:
        if not row.start <= start <= row.end:
            continue
        at = start - row.start
        for column_at, heading_columns in _readings(row.line, row.heading):
            column = column_at(at)
            if column is not None and column < len(heading_columns):
                category = category_of.get(_heading_key(heading_columns[column]))
                if category is not None:
                    return category
    return None


def _cells(line: str) -> list[tuple[int, int, str]]:
    """The cells of a typed line: (start, end, text), gaps and a Markdown row's outer bars
    left out."""
    cells = []
    at = 0
    for gap in _GAP.finditer(line):
        if gap.start() > at:
            cells.append((at, gap.start(), line[at : gap.start()]))
        at = gap.end()
    if at < len(line):
        cells.append((at, len(line), line[at:]))
    return [(s, e, t) for s, e, t in cells if t.strip()]


def _readings(line: str, heading: str) -> list[tuple[Callable[[int], int | None], list[str]]]:
    """Ways of telling which column a position of ``line`` is in, each with the heading's
    columns read the same way."""
    readings: list[tuple[Callable[[int], int | None], list[str]]] = []
    # Cells in order, however wide the gaps.
    row_cells, heading_cells = _cells(line), _cells(heading)
    readings.append((_index_in(row_cells), [t for _, _, t in heading_cells]))
    # One tab a column: a blank cell is two tabs.
    if "\t" in line and "\t" in heading:
        row_tabs = _split_spans(line, "\t")
        readings.append((_index_in(row_tabs), [t for _, _, t in _split_spans(heading, "\t")]))
    # Where the eye sees it, at tab stops of 8 and of 4: the heading's cell above it.
    for stop in (8, 4):
        starts = [len(heading[:s].expandtabs(stop)) for s, _, _ in heading_cells]
        readings.append((_under(line, starts, stop), [t for _, _, t in heading_cells]))
    return readings


def _split_spans(line: str, sep: str) -> list[tuple[int, int, str]]:
    spans = []
    at = 0
    for part in line.split(sep):
        spans.append((at, at + len(part), part))
        at += len(part) + len(sep)
    return spans


def _index_in(cells: Sequence[tuple[int, int, str]]) -> Callable[[int], int | None]:
    def index(at: int) -> int | None:
        for i, (s, e, _) in enumerate(cells):
            if s <= at < e:
                return i
        return None

    return index


def _under(line: str, starts: Sequence[int], stop: int) -> Callable[[int], int | None]:
    def column(at: int) -> int | None:
        x = len(line[:at].expandtabs(stop))
        under = [i for i, s in enumerate(starts) if s <= x]
        return under[-1] if under else None

    return column


def _heading_key(text: str) -> str:
    """A heading compared without case, spacing and the punctuation around it ("D.O.B.:")."""
    return " ".join(text.casefold().replace(".", "").strip(" :-–|\t\n").split())
