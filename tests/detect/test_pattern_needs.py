"""A pattern's ``needs`` group: the key words every match contains, searched first, so that a
text without them is skipped (registry._needs). A group that a match can lack would lose
findings: every one in patterns/ is checked here against the samples and hand-made lines."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest

from anonymiser.detect.pattern_recogniser import UNIT_WALL, PatternRecogniser
from anonymiser.detect.registry import load_recognisers
from anonymiser.errors import ConfigError

REPO = Path(__file__).resolve().parents[2]
PATTERNS = REPO / "patterns"

# Lines that the gated patterns find (one or more per pattern), and near misses.
LINES = [
    "Flat 3B\nThe Paddocks\nHarrowfold\nWM4 7QT\n\nAddress: Unit 2\nKingsmead Estate\nHarrowfold\nWM3 9QT",
    "Kian was born at Harrowfold General Hospital and moved to Rowan Ward, then St Luke's Hospice.",
    "She was seen on the Neonatal Unit of Westmere Maternity Unit and at the Lime Tree Birth Centre.",
    "The GP at Oakfield Surgery referred him; Mill Lane Medical Centre and Brookside Health Centre agreed.",
    "The Harbour Group Practice and the Elm Family Practice saw her in 2019.",
    "Kian went to Little Acorns Day Nursery, then Brookside Family Centre and Hafod Child and Family Centre.",
    "They went to the Jolly Jumpers soft play and then to Bean There café.",
    "He caught the number 42 bus, then the X5 bus; later bus route 7A. She caught the X5 home. He took the 42 to school.",
    "Child B has Duchenne muscular dystrophy; his cousin has Crohn's disease and Tourette Syndrome.",
    "Mother drove a silver Vauxhall Corsa, then a black BMW 3 Series and a red Kia Picanto.",
    "A Land Rover Discovery and a white Mercedes were seen; the VW Golf was sold.",
    "He moved forward towards the ward; the surgery's disease register was reviewed.",
    "Father owed £2,500 and GBP 1,200 to a lender, and CAD 1,500 to a cousin; CAD 4567 was the log.",
    "Her address was tamsin dot price at example dot org, or kay(dot)marsh(at)example(dot)co(dot)uk.",
    "He was given eleven years' imprisonment, then sentenced to three years and nine months.",
    "Child A was placed with Foster Care Associates, then with carers from Brightwater Fostering.",
    "The home was run by Haven Care Ltd, then by Brightside Homes Limited.",
    "She was seen at the Rainbow Clinic, then at the Fracture Clinic.",
    "The flat was on the 14th floor; Kian fell from the top-floor window; the third floor was empty.",
    "Father is 6ft 5in tall; Mother is 1.62m tall and her brother 6 foot tall.",
    "Neighbours counted over thirty cats and 12 dogs; there were dozens of birds.",
    "Her Snapchat username was katiexox99; FB: kay.marsh.9; he went by the name of Dazza_7.",
    "Father drank at the King's Arms and the Black Horse Inn, then at the Old Mill Tavern.",
    "E-mail tyler.b07 @ example.org or k.marsh@example .org; see westshirescp.org.uk/page.",
    "Write to kay.marsh AT example.org or j_smith (at) mail.example.co.uk; the end. Me too.",
    "He was hit on Boxing Day 2018; on Christmas Day she left; New Year's Eve of 2019 too.",
    "Cerys left Ysgol y Castell for 14 Heol y Felin; NHS Lothian, Cyngor Sir Ceredigion, Ysbyty Gwynedd and Meddygfa Tywi.",
    "He ran with the Marsh Lane Crew, then the Eastside Mandem; the Year 9 Boys played on.",
    "He trained at the Ferncliffe Boxing Academy and the Northside Dance Gym.",
    "From: Hill, Jane <jane.hill@example.org>\nTo: Duty Team; Okafor, Adaeze\nSubject: Kayden",
]


def _gated() -> list[tuple[PatternRecogniser, object]]:
    out = []
    for recogniser in load_recognisers(PATTERNS, []):
        for pattern in getattr(recogniser, "patterns", []):
            if getattr(pattern, "needs", None) is not None:
                out.append((recogniser, pattern))
    return out


def _texts() -> list[str]:
    samples = sorted((REPO / "corpus_samples").glob("**/*.txt"))  # the second case's too
    assert samples, "corpus_samples/*.txt are needed for this check"
    return [p.read_text(encoding="utf-8") for p in samples] + LINES


def test_patterns_have_needs_groups() -> None:
    # The check below must have something to check.
    assert len(_gated()) >= 5


@pytest.mark.parametrize("recogniser, pattern", _gated(), ids=lambda x: getattr(x, "name", ""))
def test_every_match_passes_through_the_needs_group(recogniser: PatternRecogniser, pattern: object) -> None:
    compiled = pattern.compiled_regex  # type: ignore[attr-defined]
    matched = 0
    for text in _texts():
        for match in compiled.finditer(text):
            matched += 1
            assert match.span("needs") != (-1, -1), f"{pattern.name}: {match.group(0)!r} has no needs group"  # type: ignore[attr-defined]
            # And the group's regex alone finds it there, as the skip assumes.
            assert pattern.needs.search(text, match.start("needs")), match.group(0)  # type: ignore[attr-defined]
    assert matched, f"{pattern.name}: no line here shows it; add one to LINES"  # type: ignore[attr-defined]


def _walled(text: str) -> str:
    """The text as the detector gives it to the patterns: its paragraphs as units, a wall
    between each two (engine.walled_text)."""
    return UNIT_WALL.join(part for part in text.split("\n\n") if part.strip())


@pytest.mark.parametrize("recogniser, pattern", _gated(), ids=lambda x: getattr(x, "name", ""))
def test_skipping_changes_no_finding(recogniser: PatternRecogniser, pattern: object) -> None:
    ungated = copy.copy(recogniser)
    ungated.patterns = [copy.copy(p) for p in recogniser.patterns]
    for p in ungated.patterns:
        p.needs = None
    texts = [*_texts(), *(line.split(";")[0] for line in LINES)]
    # Walled, only the units that hold the needed words are searched (pattern_recogniser.py).
    for text in [*texts, *(_walled(t) for t in texts), _walled("\n\n".join(LINES))]:
        entities = recogniser.supported_entities
        with_gate = [(r.start, r.end) for r in recogniser.analyze(text, entities)]
        without = [(r.start, r.end) for r in ungated.analyze(text, entities)]
        assert with_gate == without


def test_only_the_units_holding_the_needed_words_are_searched() -> None:
    recogniser = next(r for r, p in _gated() if r.name == "hospital_name")
    pattern = next(p for p in recogniser.patterns if getattr(p, "needs", None) is not None)
    first, second = "Seen at Harrowfold General Hospital.", "Then at Brindlecombe General Hospital."
    text = UNIT_WALL.join([first, second])
    original = pattern.needs
    try:
        # A needs group that only the second unit matches: the first unit's hospital is not
        # looked for, the second's is.
        pattern.needs = re.compile("Brindlecombe")
        assert [text[r.start : r.end] for r in recogniser.analyze(text, ["HOSPITAL"])] == [
            "Brindlecombe General Hospital"
        ]
    finally:
        pattern.needs = original


def test_a_text_without_the_needed_words_is_not_searched() -> None:
    recogniser = next(r for r, p in _gated() if r.name == "hospital_name")
    pattern = next(p for p in recogniser.patterns if getattr(p, "needs", None) is not None)
    text = "She was admitted to Harrowfold General Hospital."
    assert [text[r.start : r.end] for r in recogniser.analyze(text, ["HOSPITAL"])]
    # A needs group that this text lacks: the same pattern then finds nothing here.
    original = pattern.needs
    try:
        pattern.needs = re.compile("Infirmary")
        assert not [r for r in recogniser.analyze(text, ["HOSPITAL"]) if text[r.start : r.end].endswith("Hospital")]
    finally:
        pattern.needs = original


ENTRY = """\
recognizers:
  - name: gated
    supported_language: en
    supported_entity: DATE
    patterns:
      - name: gated pattern
        regex: '{regex}'
        score: 0.5
"""


@pytest.mark.parametrize(
    "regex, message",
    [
        (r"\d+ (?P<needs>days(?! ago))", "negative look-around"),
        (r"\d+ (?P<needs>(?<!x)days)", "negative look-around"),
        (r"\d+ (?P<needs>\p{L}+)", "plain regular expression"),
    ],
)
def test_a_needs_group_that_could_skip_a_match_is_refused(tmp_path: Path, regex: str, message: str) -> None:
    folder = tmp_path / "recognisers"
    folder.mkdir()
    (folder / "gated.yml").write_text(ENTRY.format(regex=regex), encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_recognisers(tmp_path, [])


def test_a_needs_group_in_verbose_mode_is_read_as_such(tmp_path: Path) -> None:
    folder = tmp_path / "recognisers"
    folder.mkdir()
    entry = ENTRY.replace("'{regex}'", "|\n          (?x) \\d+ \\s+ (?P<needs> days | weeks )  # a count of days")
    (folder / "gated.yml").write_text(entry, encoding="utf-8")
    [recogniser] = load_recognisers(tmp_path, [])
    [pattern] = recogniser.patterns
    assert pattern.needs.search("in 3 weeks")
    assert [("3 weeks")] == ["in 3 weeks"[r.start : r.end] for r in recogniser.analyze("in 3 weeks", ["DATE"])]
