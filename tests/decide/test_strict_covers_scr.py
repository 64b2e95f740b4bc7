"""The strict policy masks at least everything the scr policy masks.

strict is for the most sensitive cases: a category, a practice term or a finding that scr
redacts (or sends to review, which also redacts) and strict kept would publish under the
stricter policy what the default one removes. These tests hold for every category the tool
knows, so a category added to the recognisers or to scr.yml without a thought for strict.yml
cannot open that gap. The last test runs the rare case features added with the immigration
status and arson terms through the whole pipeline under both policies.

Every text here is invented.
"""

from __future__ import annotations

from pathlib import Path


from anonymiser.decide.decide import decide
from anonymiser.detect.engine import Detector
from anonymiser.pipeline import process_document
from anonymiser.settings import Settings, load_yaml
from tests.decide.handmade import finding, one_unit, redactions


def _categories(*all_settings: Settings) -> list[str]:
    """Every category the tool can label: both policies' tables, the replacement wording, the
    model's labels and every pattern recogniser's entity."""
    found: set[str] = set()
    for settings in all_settings:
        found |= set(settings.policy.categories) | set(settings.replacements.descriptors)
        found |= set(settings.entity_mapping.values())
        for path in sorted((settings.patterns_dir / "recognisers").glob("*.yml")):
            found |= {r["supported_entity"] for r in load_yaml(path)["recognizers"]}
    return sorted(found)


def test_strict_keeps_no_category_that_scr_redacts(scr: Settings, strict: Settings) -> None:
    categories = _categories(scr, strict)
    assert {"RARE_FEATURE", "CONDITION", "PERSON"} <= set(categories)
    kept = [c for c in categories if scr.policy.rule(c).action != "keep" and strict.policy.rule(c).action == "keep"]
    assert kept == []
    # A category that neither table lists (one added later) falls to strict's default.
    assert strict.policy.default.action == "redact"


def test_strict_keeps_no_practice_term_that_scr_redacts(scr: Settings, strict: Settings) -> None:
    assert set(strict.keep.terms) <= set(scr.keep.terms)
    assert {p.pattern for p in strict.keep.forms} <= {p.pattern for p in scr.keep.forms}


def test_strict_redacts_every_finding_scr_redacts(scr: Settings, strict: Settings) -> None:
    """Each category as a recogniser's finding (not the model's, which each policy trusts
    differently by design) in the same sentence: what scr masks, strict masks."""
    text = "The chronology mentions Zorvath Quellbrook twice."
    for category in _categories(scr, strict):
        found = finding(text, "Zorvath Quellbrook", category, "test_pattern", score=0.6)
        by_scr = redactions(text, decide([one_unit(text)], [found], scr))
        by_strict = redactions(text, decide([one_unit(text)], [found], strict))
        assert set(by_scr) <= set(by_strict), category


ARSON_AND_ASYLUM = (
    "Findings\n\n"
    "In 2016 the father was convicted of arson after an arson attack on the flat. "
    "The family were granted asylum in 2014; the mother had made an asylum claim on arrival "
    "and had claimed asylum once before.\n"
)
FEATURES = ("arson", "granted asylum", "asylum claim", "claimed asylum")


def test_arson_and_immigration_status_are_masked_under_both_policies(tmp_path: Path, each_policy: tuple[Settings, Detector]) -> None:
    chosen, finder = each_policy
    draft = tmp_path / "draft.txt"
    draft.write_text(ARSON_AND_ASYLUM, encoding="utf-8")
    outcome = process_document(draft, tmp_path / "out", chosen, finder)
    assert outcome.ok, outcome.error
    written = (tmp_path / "out" / "draft.anonymised.txt").read_text(encoding="utf-8-sig").lower()
    for feature in FEATURES:
        assert feature not in written, feature
    assert "asylum" not in written and "arson" not in written
    # "arson attack" is one feature: the list puts the longer form first.
    assert "attack" not in written
