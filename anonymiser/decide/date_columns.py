"""Dates in a table column headed "DOB" (or "Date of death") are dates of birth (or death).

IMRs open with a table of the family: "Name | Relationship | DOB | Address". A date in the DOB
column has no "DOB" before it in its own cell, so it was found as a plain date, and the scr
policy published its month and year ("(a date in May 2015)"): a child's month and year of
birth. A date under such a heading (``date_columns`` in patterns/sections.yml) takes the
column's category. Word tables only: their cells are units that know their row and column.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

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
    for unit in units:
        cell = _CELL.match(unit.location.cell or "")
        if cell is None:
            continue
        column = (unit.location.part, cell.group("table"), cell.group("cell"))
        row = int(cell.group("row"))
        where[unit.uid] = (*column, row)
        if row == 1:
            headings[column] = headings.get(column, "") + " " + unit.text
    out = []
    for f in findings:
        place = where.get(f.unit)
        if f.category in _DATES and place is not None and place[3] > 1:
            category = category_of.get(_heading_key(headings.get(place[:3], "")))
            if category is not None:
                f = replace(f, category=category)
        out.append(f)
    return out


def _heading_key(text: str) -> str:
    """A heading compared without case, spacing and the punctuation around it ("D.O.B.:")."""
    return " ".join(text.casefold().replace(".", "").strip(" :-–|\t\n").split())
