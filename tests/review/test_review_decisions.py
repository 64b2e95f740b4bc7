"""Reading the consultant's decisions from a review CSV, and matching them to a new run.

No model here: rows and entities are built by hand (every name is fictional).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from anonymiser.errors import ConfigError
from anonymiser.records import Entity, Occurrence
from anonymiser.review.adjust import _free_label
from anonymiser.review.decisions import Addition, parse_rows, settings_with_additions
from anonymiser.review.match import match_rows
from anonymiser.settings import CasePerson, Settings

LOG = {
    "entities": [
        {"id": "E001", "replacement": "Person A"},
        {"id": "E002", "replacement": "(date)"},
        {"id": "E003", "replacement": "Westmere Constabulary"},
        {"id": "R001", "replacement": ""},
    ],
    "sections": [{"heading": "1. INTRODUCTION"}, {"heading": "2. BACKGROUND"}],
}


def _row(row_id: str, category: str, text: str, replacement: str, action: str, decision: str = "", status: str = "auto") -> dict[str, str]:
    return {
        "id": row_id, "category": category, "text": text, "replacement": replacement,
        "action": action, "status": status, "decision": decision, "group": "",
    }


@pytest.mark.parametrize(
    ("row", "kind", "replacement", "forced"),
    [
        # as proposed: empty decision, replacement unchanged
        (_row("E001", "PERSON", "Orla Brackenbury", "Person A", "redact"), "as_proposed", "Person A", False),
        # a changed replacement is a decision
        (_row("E001", "PERSON", "Orla Brackenbury", "Neighbour", "redact"), "replace", "Neighbour", False),
        (_row("E001", "PERSON", "Orla Brackenbury", "Person A", "redact", "accept"), "redact", "Person A", False),
        (_row("E002", "DATE", "3 May 2019", "(date)", "redact", "KEEP"), "keep", "(date)", False),
        (_row("E002", "DATE", "3 May 2019", "(date)", "redact", "reject"), "keep", "(date)", False),
        # a kept row the consultant redacts: added to the case file; its own text is never a replacement
        (_row("E003", "AGENCY", "Westmere Constabulary", "Westmere Constabulary", "keep", "redact"), "redact", None, True),
        (_row("E003", "AGENCY", "Westmere Constabulary", "the police", "keep"), "redact", "the police", True),
        # a residual row given a replacement is a redaction
        (_row("R001", "PERSON", "Orla", "", "review", "", "residual"), "as_proposed", None, False),
        (_row("R001", "PERSON", "Orla", "Person A", "review", "", "residual"), "redact", "Person A", True),
        # rows the consultant added: no id, or an id the log does not know
        (_row("", "person", "Perrin Gallowglass", "", ""), "add", None, True),
        (_row("X9", "LOCATION", "Crannoch Bay", "(place)", ""), "add", "(place)", True),
    ],
)
def test_row_kinds(row: dict[str, str], kind: str, replacement: str | None, forced: bool) -> None:
    entities, sections = parse_rows([row], LOG, "x.review.csv")
    assert sections == []
    (decided,) = entities
    assert decided.kind == kind
    assert decided.row_replacement() == replacement
    assert decided.forced is forced


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (_row("E001", "PERSON", "Orla Brackenbury", "Person A", "redact", "maybe"), "row E001: the decision must be"),
        (_row("", "", "Perrin Gallowglass", "", ""), "the category must be"),
        (_row("E001", "PERSON", "", "Person A", "redact"), "row E001: the text column is empty"),
        (_row("S002", "SECTION", "2. BACKGROUND", "", "drop", "redact"), "row S002: a section's decision"),
    ],
)
def test_bad_rows_are_refused_without_their_text(row: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_rows([row], LOG, "x.review.csv")
    assert message in str(caught.value)
    assert "Brackenbury" not in str(caught.value) and "Gallowglass" not in str(caught.value)


@pytest.mark.parametrize(("decision", "kind"), [("", "as_proposed"), ("keep", "keep"), ("drop", "drop"), ("Remove", "drop")])
def test_section_rows(decision: str, kind: str) -> None:
    row = _row("S002", "SECTION", "2. BACKGROUND", "", "drop", decision)
    entities, sections = parse_rows([row], LOG, "x.review.csv")
    assert entities == [] and sections[0].kind == kind and sections[0].heading == "2. BACKGROUND"


def test_blank_lines_are_ignored() -> None:
    assert parse_rows([_row("", "", "", "", "")], LOG, "x.review.csv") == ([], [])


def test_additions_join_the_case_file(settings: Settings) -> None:
    base = replace(settings, case=replace(settings.case, people=(CasePerson("Orla Brackenbury", ("Orla",)),)))
    added = settings_with_additions(
        base,
        [
            Addition("PERSON", "Perrin Gallowglass", "Neighbour", "family"),
            Addition("PERSON", "orla"),  # already in the case file (an alias)
            Addition("LOCATION", "Crannoch Bay"),
            Addition("LOCATION", "crannoch  bay"),  # the same term again
        ],
    )
    assert [p.name for p in added.case.people] == ["Orla Brackenbury", "Perrin Gallowglass"]
    assert added.case.people[1].pseudonym == "Neighbour" and added.case.people[1].group == "family"
    assert [(t.text, t.category) for t in added.case.terms][-1:] == [("Crannoch Bay", "LOCATION")]
    assert len(added.case.terms) == len(settings.case.terms) + 1
    assert base.case.people == (CasePerson("Orla Brackenbury", ("Orla",)),)  # the original is untouched


def _entity(entity_id: str, category: str, text: str, variants: tuple[str, ...] = (), action: str = "redact") -> Entity:
    return Entity(
        id=entity_id, category=category, text=text, replacement="x", action=action, confidence=1.0,
        recognisers=("t",), status="auto", occurrences=[Occurrence(0, 0, len(text), text)], variants=variants,
    )


def test_rows_match_by_what_they_are_not_their_id() -> None:
    entities = [
        _entity("E001", "PERSON", "Perrin Gallowglass", ("Gallowglass", "Perrin Gallowglass")),
        _entity("E002", "ORGANISATION", "Crannoch Bay Trust"),
        _entity("E003", "DATE", "3 May 2019"),
        _entity("E004", "DATE", "3 May 2019", action="keep"),
    ]
    rows, _ = parse_rows(
        [
            _row("E009", "DATE", "3  may 2019", "(date)", "redact", "keep"),  # moved: id differs, spaces and case too
            _row("E010", "PERSON", "Gallowglass", "Person A", "redact"),  # a form of the person's name
            _row("E011", "LOCATION", "Crannoch Bay Trust", "(place)", "redact"),  # another category, one entity
            _row("E012", "PERSON", "Orla Brackenbury", "Person B", "redact"),  # gone from this version
            _row("", "PERSON", "Perrin Gallowglass", "", "", "redact"),  # added: exact, and a decision
        ],
        {"entities": [{"id": f"E0{n}", "replacement": r} for n, r in
                      (("09", "(date)"), ("10", "Person A"), ("11", "(place)"), ("12", "Person B"))]},
        "x.review.csv",
    )
    found = match_rows(rows, entities)
    assert found.row_for["E003"].id == "E009"  # the redacted one of two with the same text
    assert found.row_for["E001"].added  # the exact match wins over the name form
    assert [r.id for r in found.merged["E001"]] == ["E010"]
    assert found.row_for["E002"].id == "E011"
    assert [r.id for r in found.unmatched] == ["E012"]


@pytest.mark.parametrize(
    ("label", "used", "expected"),
    [
        ("Person A", {"Person A", "Person B"}, "Person C"),
        ("Social Worker 1", {"Social Worker 1", "Social Worker 2"}, "Social Worker 3"),
        ("Neighbour", {"Neighbour"}, "Neighbour 2"),
    ],
)
def test_free_labels(label: str, used: set[str], expected: str) -> None:
    assert _free_label(label, used, "Person") == expected


def test_a_section_decision_carries_its_sub_sections(tmp_path) -> None:
    """Keeping a dropped chapter keeps its sub-sections unless they have their own decision."""
    from anonymiser.decide.decide import Decisions
    from anonymiser.decide.sections import SectionPlan
    from anonymiser.read.text import document_from_text
    from anonymiser.records import SectionInfo
    from anonymiser.review.adjust import AdjustOptions, ReviewAdjuster
    from anonymiser.review.decisions import Review

    doc = document_from_text("3. EVENTS\n\n3.1 First\n\nText one.\n\n3.2 Second\n\nText two.\n\n4. ANALYSIS\n\nText three.\n")
    sections = [
        SectionInfo(0, "3. EVENTS", 1, 0, "drop", "auto", units=(0,)),
        SectionInfo(1, "3.1 First", 2, 2, "drop", "auto", units=(1, 2)),
        SectionInfo(2, "3.2 Second", 2, 2, "drop", "auto", units=(3, 4)),
        SectionInfo(3, "4. ANALYSIS", 1, 2, "keep", "needs_review", units=(5, 6)),
    ]
    plan = SectionPlan(sections, frozenset({0, 1, 2, 3, 4}), "note")
    rows = [
        _row("S001", "SECTION", "3. EVENTS", "", "drop", "keep"),
        _row("S002", "SECTION", "3.1 First", "", "drop"),
        _row("S003", "SECTION", "3.2 Second", "", "drop", "drop"),
        _row("S004", "SECTION", "4. ANALYSIS", "", "keep", "", "needs_review"),
    ]
    log = {"input": {"sha256": doc.sha256}, "entities": [], "sections": [{}] * 4}
    entity_rows, section_rows = parse_rows(rows, log, "x.review.csv")
    review = Review(tmp_path / "x.review.csv", tmp_path / "x.review.json", log, rows, entity_rows, section_rows, "2020-01-01T00:00:00Z")
    adjuster = ReviewAdjuster(review, [], AdjustOptions(at="2020-01-02T00:00:00Z", refuse_undecided=False))
    _, new_plan = adjuster(doc, Decisions([], [], []), plan)
    assert [s.action for s in new_plan.sections] == ["keep", "keep", "drop", "keep"]
    assert new_plan.drop_units == frozenset({3, 4})
    assert [s["source"] for s in adjuster.record["sections"]] == ["consultant", "consultant", "consultant", "undecided"]
    assert adjuster.record["undecided"] == ["S004 SECTION (text, paragraph 6)"]
    assert adjuster.csv_decisions == {"S001": "keep", "S002": "keep", "S003": "drop"}
