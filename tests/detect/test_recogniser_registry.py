"""anonymiser.detect.registry: loading YAML and coded recognisers, and config errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from presidio_analyzer import EntityRecognizer

from anonymiser.detect.medicines import MedicationRecogniser
from anonymiser.detect.registry import CODED_RECOGNISERS, load_recognisers
from anonymiser.detect.uk import NhsNumberRecogniser, UkPhoneRecogniser
from anonymiser.errors import ConfigError

PATTERNS = Path(__file__).resolve().parents[2] / "patterns"
BAD_PATTERNS = Path(__file__).resolve().parents[1] / "data" / "bad_patterns"

# The recognisers this task ships; other YAML files in patterns/recognisers may add more.
OURS = {
    "UkDateRecogniser": "DATE",
    "UkDateOfBirthRecogniser": "DATE_OF_BIRTH",
    "UkAgeRecogniser": "AGE",
    "UkPostcodeRecogniser": "POSTCODE",
    "UkNiNumberRecogniser": "NI_NUMBER",
    "UkVehicleRecogniser": "VEHICLE",
    "EmailRecogniser": "EMAIL",
    "UrlRecogniser": "URL",
    "SocialHandleRecogniser": "SOCIAL_HANDLE",
    "CaseReferenceRecogniser": "REFERENCE",
}

VALID_ENTRY = """\
  - name: {name}
    supported_language: en
    supported_entity: DATE
    patterns:
      - name: slash date
        regex: '\\d{{2}}/\\d{{2}}/\\d{{4}}'
        score: 0.5
"""


def write_patterns(root: Path, files: dict[str, str]) -> Path:
    folder = root / "recognisers"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return root


def test_loads_shipped_yaml_recognisers_with_their_entities() -> None:
    by_name = {r.name: r for r in load_recognisers(PATTERNS, [])}
    for name, entity in OURS.items():
        assert by_name[name].supported_entities == [entity]


def test_loading_is_deterministic_and_yaml_comes_before_coded() -> None:
    coded = ["UkPhoneRecogniser", "NhsNumberRecogniser"]
    first = [r.name for r in load_recognisers(PATTERNS, coded)]
    second = [r.name for r in load_recognisers(PATTERNS, coded)]
    assert first == second
    assert first[-2:] == coded


def test_each_load_builds_fresh_objects() -> None:
    # No shared state between engines: Presidio caches compiled regexes on the objects.
    first = load_recognisers(PATTERNS, ["NhsNumberRecogniser"])
    second = load_recognisers(PATTERNS, ["NhsNumberRecogniser"])
    assert all(a is not b for a, b in zip(first, second))


def test_coded_recognisers_mapping_is_read_only() -> None:
    assert dict(CODED_RECOGNISERS) == {
        "NhsNumberRecogniser": NhsNumberRecogniser,
        "UkPhoneRecogniser": UkPhoneRecogniser,
        "MedicationRecogniser": MedicationRecogniser,
    }
    with pytest.raises(TypeError):
        CODED_RECOGNISERS["Other"] = NhsNumberRecogniser  # type: ignore[index]


def test_coded_recognisers_are_built_by_name() -> None:
    loaded = load_recognisers(PATTERNS, ["NhsNumberRecogniser"])
    coded = [r for r in loaded if r.name in CODED_RECOGNISERS]
    assert [type(r) for r in coded] == [NhsNumberRecogniser]
    assert all(isinstance(r, EntityRecognizer) for r in loaded)


def test_disabled_entry_is_skipped(tmp_path: Path) -> None:
    text = "recognizers:\n" + VALID_ENTRY.format(name="Kept") + VALID_ENTRY.format(name="Dropped")
    text += "    enabled: false\n"
    root = write_patterns(tmp_path, {"a.yml": text})
    assert [r.name for r in load_recognisers(root, [])] == ["Kept"]


def test_broken_file_in_test_data_names_file_and_pattern() -> None:
    with pytest.raises(ConfigError) as caught:
        load_recognisers(BAD_PATTERNS, [])
    message = str(caught.value)
    assert "broken.yml" in message
    assert "BrokenDateRecogniser" in message
    assert "unclosed group" in message


@pytest.mark.parametrize(
    ("text", "names_in_message"),
    [
        ("recognizers: [\n", ["not valid YAML", "line"]),
        ("just a string\n", ["'recognizers:'"]),
        ("recognisers:\n" + VALID_ENTRY.format(name="X"), ["'recognizers:'"]),
        (
            "recognizers:\n" + VALID_ENTRY.format(name="Typo").replace("patterns:", "paterns:"),
            ["'Typo'", "paterns"],
        ),
        (
            "recognizers:\n" + VALID_ENTRY.format(name="NoEntity").replace(
                "    supported_entity: DATE\n", ""
            ),
            ["'NoEntity'", "supported_entity"],
        ),
        (
            "recognizers:\n" + VALID_ENTRY.format(name="HighScore").replace("0.5", "1.5"),
            ["'HighScore'", "score"],
        ),
        (
            "recognizers:\n" + VALID_ENTRY.format(name="LowerEntity").replace("DATE", "date"),
            ["'LowerEntity'", "CAPITALS"],
        ),
        (
            "recognizers:\n" + VALID_ENTRY.format(name="Phrase") + "    context: [date of birth]\n",
            ["'Phrase'", "single word"],
        ),
        (
            "recognizers:\n" + VALID_ENTRY.format(name="Empty").replace(
                "'\\d{2}/\\d{2}/\\d{4}'", "'\\d*'"
            ),
            ["'Empty'", "empty text"],
        ),
        ("recognizers:\n  - just text\n", ["recogniser 1", "mapping"]),
    ],
)
def test_config_errors_name_file_and_entry(
    tmp_path: Path, text: str, names_in_message: list[str]
) -> None:
    root = write_patterns(tmp_path, {"good.yml": "recognizers:\n" + VALID_ENTRY.format(name="Good"),
                                     "wrong.yml": text})
    with pytest.raises(ConfigError) as caught:
        load_recognisers(root, [])
    message = str(caught.value)
    assert "wrong.yml" in message
    for part in names_in_message:
        assert part in message


def test_duplicate_names_across_files_are_refused(tmp_path: Path) -> None:
    entry = "recognizers:\n" + VALID_ENTRY.format(name="Same")
    root = write_patterns(tmp_path, {"a.yml": entry, "b.yml": entry})
    with pytest.raises(ConfigError, match=r"b\.yml.*'Same'.*a\.yml"):
        load_recognisers(root, [])


def test_unknown_coded_recogniser_is_refused(tmp_path: Path) -> None:
    root = write_patterns(tmp_path, {})
    with pytest.raises(ConfigError, match="NoSuchRecogniser.*NhsNumberRecogniser"):
        load_recognisers(root, ["NoSuchRecogniser"])


def test_missing_recognisers_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="recognisers"):
        load_recognisers(tmp_path, [])


@pytest.mark.parametrize(
    ("terms", "text", "expected"),
    [
        # The consultant need not order a list: the longest term at a place is found whole.
        (["drowned", "drowned in the bath"], "Baby B drowned in the bath.", ["drowned in the bath"]),
        (["diabetes", "type 1 diabetes", "type"], "She has type 1 diabetes.", ["type 1 diabetes"]),
        (["cleft", "cleft lip", "cleft lip and palate"], "a cleft lip and palate", ["cleft lip and palate"]),
    ],
)
def test_a_deny_list_finds_its_longest_term(tmp_path: Path, terms: list[str], text: str, expected: list[str]) -> None:
    listed = "".join(f"      - {t}\n" for t in terms)
    yaml_text = (
        "recognizers:\n  - name: Listed\n    supported_entity: CONDITION\n"
        f"    deny_list_score: 0.7\n    deny_list:\n{listed}"
    )
    (recogniser,) = load_recognisers(write_patterns(tmp_path, {"a.yml": yaml_text}), [])
    results = sorted(recogniser.analyze(text, ["CONDITION"], nlp_artifacts=None), key=lambda r: r.start)
    assert [text[r.start : r.end] for r in results] == expected


def test_every_deny_list_finds_what_presidios_own_pattern_finds() -> None:
    """The deny lists run as one alternation grouped by first character, on Python's engine
    (three times faster than Presidio's pattern on the `regex` module); on every sample draft,
    with its words in capitals and lower case too, they find exactly what Presidio's pattern
    for the same list (longest term first) finds."""
    import regex

    from anonymiser.detect.registry import PRESIDIO_FLAGS
    from anonymiser.settings import load_settings

    settings = load_settings()
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path("corpus_samples").glob("*.txt"))]
    texts += [t.upper() for t in texts] + [t.lower() for t in texts] + ["İstanbul ſepsis KELVIN \u212aelvin"]
    checked = 0
    for recogniser in load_recognisers(settings.patterns_dir, []):
        for pattern in getattr(recogniser, "patterns", []):
            if pattern.name != "deny_list":
                continue
            terms = pattern.regex  # ours; Presidio's is rebuilt from the YAML's terms below
            listed = [t for t in _yaml_deny_list(settings.patterns_dir, recogniser.name)]
            listed.sort(key=len, reverse=True)
            presidio = regex.compile(
                r"(?:^|(?<=\W))(" + "|".join(regex.escape(t) for t in listed) + r")(?:(?=\W)|$)", PRESIDIO_FLAGS
            )
            for text in texts:
                ours = [m.span() for m in pattern.compiled_regex.finditer(text)]
                assert ours == [m.span() for m in presidio.finditer(text)], (recogniser.name, terms[:60])
            checked += 1
    assert checked >= 5


def _yaml_deny_list(patterns_dir: Path, name: str) -> list[str]:
    from anonymiser.yaml_files import parse_yaml

    for path in sorted((patterns_dir / "recognisers").glob("*.yml")):
        data = parse_yaml(path.read_text(encoding="utf-8"), path)
        for entry in data.get("recognizers") or []:
            if entry.get("name") == name and entry.get("deny_list"):
                return list(dict.fromkeys(str(t) for t in entry["deny_list"]))
    raise AssertionError(f"no deny list named {name}")
