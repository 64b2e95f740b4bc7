"""`anonymiser case`: a proposed case file from the sample drafts, which the loader reads and
which, used with `redact`, redacts at least what the tool found without it."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from anonymiser.cli import app
from anonymiser.detect.engine import Detector
from anonymiser.errors import ConfigError, InputError
from anonymiser.pipeline import analyse
from anonymiser.propose.collect import CaseProposal, ProposedPerson, ProposedTerm, Sighting, propose_case
from anonymiser.propose.render import ExistingCase, render_case_file, write_case_file
from anonymiser.read import read_document
from anonymiser.settings import CaseFile, Settings, load_case_file, load_settings
from tests.conftest import CASE_FILE, SAMPLES

DRAFTS = [SAMPLES / f"{name}.txt" for name in ("imr_health_draft", "imr_police_draft", "scr_overview_draft")]


@pytest.fixture(scope="module")
def proposed(settings: Settings, detector: Detector) -> str:
    return render_case_file(propose_case(DRAFTS, settings, detector))


@pytest.fixture(scope="module")
def written(proposed: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("case") / "case.yml"
    write_case_file(path, proposed)
    return path


@pytest.fixture(scope="module")
def loaded(written: Path) -> CaseFile:
    return load_case_file(written)


def _person(case: CaseFile, name: str):  # type: ignore[no-untyped-def]
    found = [p for p in case.people if p.name == name]
    assert found, f"{name} is not listed; listed: {[p.name for p in case.people]}"
    return found[0]


@pytest.mark.parametrize(
    ("name", "group", "alias", "pseudonym"),
    [
        ("Kian Marsh", "family", "K.M.", "Person B"),  # initials the overview wrote
        ("Connor Brightwell", "family", "Con", "Person I"),  # a short form
        ("Piotr Zielinski", "family", "Mr Zielinski", "Person H"),  # a titled form
        ("Jane Hill", "professional", "Ms Hill", "Social Worker 1"),
        ("Daniel Reeve", "professional", "PC Reeve", "Police Officer 1"),
        ("Imran Qureshi", "professional", "Dr Qureshi", "Doctor 1"),
    ],
)
def test_people_found_are_listed_with_their_forms_group_and_label(
    loaded: CaseFile, name: str, group: str, alias: str, pseudonym: str
) -> None:
    person = _person(loaded, name)
    assert person.group == group
    assert alias in person.aliases
    assert person.pseudonym == pseudonym


@pytest.mark.parametrize(
    ("name", "role"),
    [("Jane Hill", "social worker"), ("Denise Marsh", "maternal grandmother"), ("Kian Marsh", "child")],
)
def test_roles_come_from_the_drafts_words(loaded: CaseFile, name: str, role: str) -> None:
    # "the social worker, Jane Hill"; a child by the age the draft gives ("Kian Marsh (aged 2)").
    assert _person(loaded, name).role == role


def test_one_entry_per_person_across_drafts_under_the_fullest_name(loaded: CaseFile) -> None:
    names = [p.name for p in loaded.people]
    assert len(names) == len(set(names))
    # The police IMR writes "Kayleigh MARSH"; the health IMR "Kayleigh Marsh" first.
    assert "Kayleigh Marsh" in names and "Kayleigh MARSH" not in names
    assert "Hope" not in names and "Riley" not in names  # joined to Hope Marsh, Riley Brightwell


def test_family_first_then_professionals_each_in_order_of_first_appearance(loaded: CaseFile) -> None:
    groups = [p.group for p in loaded.people]
    assert groups.index("professional") > max(i for i, g in enumerate(groups) if g == "family")
    family = [p.name for p in loaded.people if p.group == "family"]
    assert family.index("Kian Marsh") < family.index("Hope Marsh") < family.index("Denise Marsh")


def test_each_entry_says_where_it_was_first_found_and_how(proposed: str) -> None:
    lines = proposed.splitlines()
    at = lines.index('  - name: "Jane Hill"')
    above = "\n".join(lines[at - 3 : at])
    assert "first in imr_health_draft.txt, text, paragraph" in above
    assert "found by model guess, name list, titled name" in above


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("Harrowfold", "only the language model took for a name"),  # a town, the model's PERSON
        ("C. White British", "an initial in it"),  # an NI number's letter before an ethnicity
        ("Marsh", "seen only after a title"),  # "Ms Marsh", which the draft could not place
    ],
)
def test_doubtful_people_are_proposed_as_comments_only(proposed: str, loaded: CaseFile, name: str, why: str) -> None:
    assert name not in [p.name for p in loaded.people]
    assert f'  # - name: "{name}"' in proposed
    assert why in proposed


def test_a_titled_surname_is_not_made_the_childs_alias(loaded: CaseFile) -> None:
    # The batch joins a lone "Marsh" to the earliest Marsh, the child; "Ms Marsh" is an adult.
    assert "Ms Marsh" not in _person(loaded, "Kian Marsh").aliases


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("ADDRESS", "14 Ashcombe Row, Harrowfold WM4 7QT"),  # street, town and postcode as written
        ("ADDRESS", "6 Thomas Brereton Way, Brindlecombe WM9 2HD"),
        ("SCHOOL", "St Aldric's Primary School"),
        ("LOCATION", "Sallowmead"),
        ("GP_PRACTICE", "Ashdyke Medical Centre"),
        ("HOSPITAL", "Royal Penmoor Children's Hospital"),
        ("NURSERY", "Wrenfield Day Nursery"),
    ],
)
def test_places_are_listed_under_the_case_files_keys(loaded: CaseFile, category: str, text: str) -> None:
    assert (text, category) in [(t.text, t.category) for t in loaded.terms]


def test_the_area_and_agencies_are_proposed_to_keep_in_comments(proposed: str, loaded: CaseFile) -> None:
    assert loaded.keep == ()  # nothing kept until the consultant confirms it
    assert '#   - "Westmere"    # the area?' in proposed
    assert '#   - "Westmere Constabulary"' in proposed
    # Listed as a place, the area would be redacted inside every agency's name.
    assert "westmere" not in [t.text.lower() for t in loaded.terms]


def test_the_file_says_it_is_confidential_and_proposed(proposed: str) -> None:
    assert proposed.startswith("# CONFIDENTIAL")
    assert "PROPOSED case file" in proposed


@pytest.mark.parametrize("draft", [*DRAFTS, SAMPLES / "imr_police_draft.docx"], ids=lambda p: p.name)
def test_with_the_proposed_file_redact_covers_everything_it_found_without(
    written: Path, settings: Settings, detector: Detector, draft: Path
) -> None:
    with_case = load_settings(scope="full", case_file=written)
    doc = read_document(draft)
    without, _ = analyse(doc, settings, detector)
    proposed, _ = analyse(doc, with_case, detector)
    covered: dict[int, set[int]] = {}
    for edit in proposed.edits:
        covered.setdefault(edit.unit, set()).update(range(edit.start, edit.end))
    missed = [
        doc.units[e.unit].text[e.start : e.end]
        for e in without.edits
        if not set(range(e.start, e.end)) <= covered.get(e.unit, set())
    ]
    assert missed == []


def test_the_same_drafts_give_the_same_file(proposed: str, settings: Settings, detector: Detector) -> None:
    again = render_case_file(propose_case(list(reversed(DRAFTS)), settings, detector))
    assert again == proposed


def test_with_an_existing_case_file_everything_is_kept_and_only_what_is_new_added(
    case_settings: Settings, detector: Detector, tmp_path: Path
) -> None:
    proposal = propose_case(DRAFTS, case_settings, detector)
    text = render_case_file(proposal, ExistingCase.read(CASE_FILE))
    out = tmp_path / "case.yml"
    write_case_file(out, text)
    merged, before = load_case_file(out), load_case_file(CASE_FILE)
    assert merged.people[: len(before.people)] == before.people
    assert set(before.terms) <= set(merged.terms)
    assert merged.keep == before.keep
    names = [p.name for p in merged.people]
    assert len(names) == len(set(names))  # no listed person proposed again
    for new in ("Claire Munro", "Gemma Tait", "Leanne Forshaw"):
        assert new in names
        at = text.splitlines().index(f'  - name: "{new}"')
        assert any(line.startswith("  # NEW: first in") for line in text.splitlines()[at - 3 : at])
    # The case file's places are not proposed again.
    assert [t.text for t in merged.terms].count("St Aldric's Primary School") == 1


def test_names_with_quotes_colons_and_hashes_read_back_as_written(tmp_path: Path) -> None:
    awkward = 'Siobhán O\'Neill-Ní "Shiv": #1'
    proposal = CaseProposal(
        drafts=["a.txt"],
        policy="scr",
        people=[
            ProposedPerson(
                name=awkward,
                aliases=["Ms O'Neill-Ní"],
                pseudonym="Person A",
                first=Sighting("a.txt", 'body, paragraph 1, under "A heading\nwith a line break # and a hash"'),
                found_by=["name list"],
                drafts=1,
                group="family",
            )
        ],
        terms=[ProposedTerm("Flat 2, 9 Quarry Street: rear", "ADDRESS", "addresses", Sighting("a.txt", "x"), [])],
        keep=[],
    )
    out = tmp_path / "case.yml"
    write_case_file(out, render_case_file(proposal))
    case = load_case_file(out)
    assert case.people[0].name == awkward
    assert case.people[0].aliases == ("Ms O'Neill-Ní",)
    assert case.terms[0].text == "Flat 2, 9 Quarry Street: rear"


def test_the_file_is_written_owner_only_and_never_replaced_without_force(tmp_path: Path) -> None:
    out = tmp_path / "sub" / "case.yml"
    write_case_file(out, "people:\n")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    with pytest.raises(ConfigError, match="already exists; give --force"):
        write_case_file(out, "people: []\n")
    write_case_file(out, "people: []\n", force=True)
    assert out.read_text(encoding="utf-8") == "people: []\n"


@pytest.mark.parametrize(
    ("name", "message"),
    [("draft.docx", "must end in .yml or .yaml"), ("folder.yml/", "is a folder")],
)
def test_an_out_that_is_not_a_new_case_file_is_refused(tmp_path: Path, name: str, message: str) -> None:
    out = tmp_path / name
    if name.endswith("/"):
        out.mkdir()
    with pytest.raises(ConfigError, match=message):
        write_case_file(out, "people:\n")


def test_the_existing_case_file_is_never_the_out(tmp_path: Path) -> None:
    case = tmp_path / "case.yml"
    case.write_text("people: []\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="is the --case file"):
        write_case_file(case, "people:\n", force=True, case=case)


def test_bad_inputs_fail_with_the_read_stages_errors(settings: Settings, detector: Detector, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found"):
        propose_case([tmp_path / "missing.docx"], settings, detector)
    with pytest.raises(ConfigError, match="no .docx, .txt or .md drafts"):
        propose_case([tmp_path], settings, detector)


def test_cli_writes_the_case_file_and_refuses_to_replace_it(tmp_path: Path) -> None:
    out = tmp_path / "case.yml"
    runner = CliRunner()
    result = runner.invoke(app, ["case", str(DRAFTS[1]), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Proposed case file from 1 draft(s)" in result.output
    assert _person(load_case_file(out), "Daniel Reeve").pseudonym == "Police Officer 1"
    again = runner.invoke(app, ["case", str(DRAFTS[1]), "--out", str(out)])
    assert again.exit_code == 2
    assert "already exists" in again.output


def test_a_title_alone_is_never_an_alias(settings: Settings, detector: Detector, tmp_path: Path) -> None:
    # "Mr. and Mrs. O'Donoghue-Price": the first title of a couple is its own finding; it was
    # proposed as the alias "Mr", which would have made every "Mr" of the drafts that person.
    draft = tmp_path / "carers.txt"
    draft.write_text("Mr. and Mrs. O'Donoghue-Price were the foster carers.\n", encoding="utf-8")
    proposal = propose_case([draft], settings, detector)
    titles = {t.rstrip(".").lower() for t in settings.people.titles}
    aliases = [a for person in proposal.people for a in person.aliases]
    assert proposal.people and not [a for a in aliases if a.rstrip(".").lower() in titles], aliases
