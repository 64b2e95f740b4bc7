"""The same draft and settings give byte-identical outputs and logs: in one process run after
run (nothing carried between documents), and in a fresh process with another hash seed (no
dependence on set or dict iteration order)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from anonymiser.api import redact_many
from anonymiser.detect.engine import Detector
from anonymiser.pipeline import OutputNames
from anonymiser.settings import Settings
from tests.conftest import CASE_FILE, REPO, SAMPLES

INPUTS = (SAMPLES / "imr_police_draft.docx", SAMPLES / "imr_health_draft.txt")


def _files(out: Path, source: Path) -> dict[str, bytes]:
    names = OutputNames.for_input(source)
    return {name: (out / name).read_bytes() for name in (names.document, names.csv, names.json)}


@pytest.fixture(scope="module")
def first_run(tmp_path_factory: pytest.TempPathFactory, case_settings: Settings, detector: Detector) -> Path:
    out = tmp_path_factory.mktemp("first")
    outcomes = redact_many(list(INPUTS), out, case_settings, detector=detector)
    assert all(o.ok for o in outcomes), [o.error for o in outcomes]
    return out


@pytest.mark.parametrize("source", INPUTS, ids=lambda p: p.name)
def test_same_process_twice_is_byte_identical(
    first_run: Path, tmp_path: Path, case_settings: Settings, detector: Detector, source: Path
) -> None:
    [outcome] = redact_many([source], tmp_path, case_settings, detector=detector)
    assert outcome.ok, outcome.error
    first, second = _files(first_run, source), _files(tmp_path, source)
    for name in first:
        assert first[name] == second[name], f"{name} differs between two runs"


def test_fresh_process_with_another_hash_seed_is_byte_identical(first_run: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = subprocess.run(
        [
            sys.executable, "-m", "anonymiser", "redact", str(INPUTS[0]),
            "--out", str(out), "--case", str(CASE_FILE), "--scope", "full",
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=300,
        env={**os.environ, "PYTHONHASHSEED": "4242"},
    )
    assert result.returncode == 0, result.stderr
    # One document (the .docx, the longer path through reader and writer) keeps this quick.
    first, fresh = _files(first_run, INPUTS[0]), _files(out, INPUTS[0])
    for name in first:
        assert first[name] == fresh[name], f"{name} differs in a fresh process"
