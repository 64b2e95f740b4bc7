"""`redact NEW --previous-review OLD.csv` compares the settings the previous review was made
with (its JSON log) with this run's: a review made with another policy, scope, pictures
option, or a case file that lost names or keeps more is refused with exit status 2 before
the model loads, saying what differs; other patterns (another version of the tool) and a case
file that only gained names are carried over with a warning in the output and in the log.

Small invented drafts; the previous reviews are made with ``process_document``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from anonymiser.cli import app
from anonymiser.detect.engine import Detector
from anonymiser.errors import SettingsMismatch
from anonymiser.pipeline import process_document
from anonymiser.review.carry_over import redact_with_previous_review
from anonymiser.settings import Settings, default_patterns_dir, load_settings

V1 = """Serious Case Review: Child P

1. Introduction

This review concerns Tobias Renwick, aged 4. Westmere Constabulary and the health visitor were involved.

4. Findings

Finding 1: agencies did not share information. Jayden was not spoken to.
"""
V2 = V1.replace("aged 4.", "aged 4. The review panel met twice.")

CASE = """people:
  - name: "Tobias Renwick"
    role: "child"
    pseudonym: "Child P"
"""
CASE_GAINED = CASE + """  - name: "Jayden Kershaw"
    aliases: ["Jayden"]
    role: "cousin"
    pseudonym: "Cousin"
"""
CASE_LOST = """people:
  - name: "Jayden Kershaw"
    pseudonym: "Cousin"
"""
CASE_KEEPS = CASE + 'keep: ["Westmere"]\n'


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _previous(tmp_path: Path, detector: Detector, **options: object) -> Path:
    """Version 1 redacted with ``options`` (load_settings's); its review CSV."""
    if "case" in options:
        options["case_file"] = _write(tmp_path / "v1" / "case.yml", str(options.pop("case")))
    draft = _write(tmp_path / "v1" / "draft.txt", V1)
    process_document(draft, tmp_path / "v1" / "out", load_settings(**options), detector)  # type: ignore[arg-type]
    return tmp_path / "v1" / "out" / "draft.review.csv"


def _carry(tmp_path: Path, previous: Path, *options: str) -> Result:
    draft = _write(tmp_path / "v2" / "draft.txt", V2)
    return CliRunner().invoke(
        app,
        ["redact", str(draft), "--out", str(tmp_path / "v2" / "out"), "--previous-review", str(previous), *options],
    )


@pytest.fixture
def no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(_settings: Settings) -> Detector:
        raise AssertionError("a previous review made with other settings must be refused before the model loads")

    monkeypatch.setattr("anonymiser.detect.engine.Detector", refuse)


@pytest.fixture
def session_detector(monkeypatch: pytest.MonkeyPatch, detector: Detector) -> Detector:
    monkeypatch.setattr("anonymiser.detect.engine.Detector", lambda _settings: detector)
    return detector


def _refused(result: Result, tmp_path: Path, *said: str) -> None:
    assert result.exit_code == 2, result.output
    message = " ".join(result.output.split())
    assert "error: draft.review.csv was made with other settings" in message
    for words in said:
        assert words in message, message
    assert "without --previous-review" in message  # how to proceed
    assert not (tmp_path / "v2" / "out").exists()  # nothing written


@pytest.mark.parametrize(
    ("then", "now", "said"),
    [
        ({"policy": "strict", "scope": "full"}, ["--scope", "full"], ["policy strict then, scr now", "--policy strict"]),
        ({"scope": "full"}, [], ["scope full then, findings now", "--scope full"]),
        ({"scope": "full"}, ["--scope", "full", "--drop-images"], ["drop images no then, yes now", "no --drop-images"]),
    ],
    ids=["policy", "scope", "drop-images"],
)
def test_other_options_are_refused(
    tmp_path: Path, detector: Detector, then: dict[str, str], now: list[str], said: list[str]
) -> None:
    previous = _previous(tmp_path, detector, **then)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("anonymiser.detect.engine.Detector", lambda _s: pytest.fail("the model was loaded"))
        _refused(_carry(tmp_path, previous, *now), tmp_path, *said)


def test_other_patterns_are_carried_over_and_redact_all_the_review_redacted(
    tmp_path: Path, detector: Detector, session_detector: Detector
) -> None:
    # Another version of the tool (here: an edited patterns folder) that keeps a word the
    # review redacted: the review was refused, and a consultant who upgraded had to start it
    # again. It is carried over; what the review redacted stays redacted.
    previous = _previous(tmp_path, detector, scope="full")
    patterns = tmp_path / "patterns"
    shutil.copytree(default_patterns_dir(), patterns)
    keep = (patterns / "keep.yml").read_text(encoding="utf-8")
    (patterns / "keep.yml").write_text(keep.replace("\nagencies:\n", "\nagencies:\n  - Jayden\n", 1), encoding="utf-8")
    result = _carry(tmp_path, previous, "--scope", "full", "--patterns", str(patterns))
    assert result.exit_code == 0, result.output
    printed = " ".join(result.output.split())
    assert "warning: settings: the patterns differ from those it was made with" in printed
    output = (tmp_path / "v2" / "out" / "draft.anonymised.txt").read_text(encoding="utf-8-sig")
    assert "Jayden" not in output and "Renwick" not in output
    log = json.loads((tmp_path / "v2" / "out" / "draft.review.json").read_text(encoding="utf-8"))
    assert [c["setting"] for c in log["review"]["settings_changed"]] == ["patterns"]
    # The fresh proposal of these patterns keeps it: only the carried review redacts it.
    fresh = tmp_path / "fresh"
    process_document(
        tmp_path / "v2" / "draft.txt", fresh, load_settings(scope="full", patterns_dir=patterns), detector
    )
    assert "Jayden" in (fresh / "draft.anonymised.txt").read_text(encoding="utf-8-sig")


@pytest.mark.parametrize(
    ("case_now", "said"),
    [
        (None, "it was made with a case file and none is given"),
        (CASE_LOST, "1 name(s), alias(es) or term(s) of the case file it was made with are not in this one"),
        (CASE_KEEPS, "this case file keeps 1 term(s) that one did not"),
    ],
    ids=["no-case-file", "lost-a-name", "keeps-more"],
)
def test_a_case_file_that_lost_names_or_keeps_more_is_refused(
    tmp_path: Path, detector: Detector, no_model: None, case_now: str | None, said: str
) -> None:
    previous = _previous(tmp_path, detector, scope="full", case=CASE)
    options = ["--scope", "full"]
    if case_now is not None:
        options += ["--case", str(_write(tmp_path / "case_now.yml", case_now))]
    _refused(_carry(tmp_path, previous, *options), tmp_path, said)


def test_a_case_file_that_only_gained_names_is_carried_over_with_a_warning(
    tmp_path: Path, detector: Detector, session_detector: Detector
) -> None:
    previous = _previous(tmp_path, detector, scope="full", case=CASE)
    case_now = _write(tmp_path / "case_now.yml", CASE_GAINED)
    result = _carry(tmp_path, previous, "--scope", "full", "--case", str(case_now))
    assert result.exit_code == 0, result.output
    printed = " ".join(result.output.split())
    assert "warning: settings: the case file differs from the one it was made with: 2 name(s)" in printed
    assert "Kershaw" not in printed  # counts only, never the case file's text
    log = json.loads((tmp_path / "v2" / "out" / "draft.review.json").read_text(encoding="utf-8"))
    assert any(w.startswith("settings: the case file differs") for w in log["review"]["warnings"])
    [change] = log["review"]["settings_changed"]
    assert change["setting"] == "case_file"
    assert change["previous"] == json.loads(previous.with_suffix(".json").read_text())["settings"]["case_file_sha256"]
    assert change["now"] == log["settings"]["case_file_sha256"]
    output = (tmp_path / "v2" / "out" / "draft.anonymised.txt").read_text(encoding="utf-8-sig")
    # Redacted; under the label the previous review showed ("as proposed" keeps it).
    assert "Jayden" not in output and "Person A was not spoken to" in output


def test_a_log_too_old_to_list_its_case_file_is_a_warning(tmp_path: Path, detector: Detector) -> None:
    previous = _previous(tmp_path, detector, scope="full", case=CASE)
    log_path = previous.with_suffix(".json")
    log = json.loads(log_path.read_text(encoding="utf-8"))
    del log["settings"]["case_file_entries"]
    log_path.write_text(json.dumps(log), encoding="utf-8")
    draft = _write(tmp_path / "v2" / "draft.txt", V2)
    settings = load_settings(scope="full", case_file=_write(tmp_path / "case_now.yml", CASE_GAINED))
    result = redact_with_previous_review(draft, tmp_path / "v2" / "out", settings, detector, previous)
    assert [w for w in result.warnings if "too old to say how" in w]


def test_the_same_settings_carry_over_without_a_word(tmp_path: Path, detector: Detector) -> None:
    previous = _previous(tmp_path, detector, scope="full", case=CASE)
    draft = _write(tmp_path / "v2" / "draft.txt", V2)
    settings = load_settings(scope="full", case_file=tmp_path / "v1" / "case.yml")
    result = redact_with_previous_review(draft, tmp_path / "v2" / "out", settings, detector, previous)
    assert result.warnings == []
    log = json.loads((tmp_path / "v2" / "out" / "draft.review.json").read_text(encoding="utf-8"))
    assert "settings_changed" not in log["review"]
    # A second round, from the carried log (which holds the first round's additions), is
    # compared with the same case file as the first: still nothing to say.
    v3 = _write(tmp_path / "v3" / "draft.txt", V2 + "\nA closing line.\n")
    again = redact_with_previous_review(
        v3, tmp_path / "v3" / "out", settings, detector, tmp_path / "v2" / "out" / "draft.review.csv"
    )
    assert again.warnings == []


def test_the_api_refuses_too(tmp_path: Path, detector: Detector) -> None:
    previous = _previous(tmp_path, detector, policy="strict", scope="full")
    draft = _write(tmp_path / "v2" / "draft.txt", V2)
    with pytest.raises(SettingsMismatch, match="policy strict then, scr now"):
        redact_with_previous_review(draft, tmp_path / "v2" / "out", load_settings(scope="full"), detector, previous)
    assert not (tmp_path / "v2" / "out").exists()
