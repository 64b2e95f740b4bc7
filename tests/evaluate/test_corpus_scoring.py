"""The sample-draft counting rule: a must-redact string left in the output is a miss, but
not where it is part of a label the tool wrote ("K" of Kian inside "Person K")."""

from __future__ import annotations

from pathlib import Path

import pytest

from anonymiser.evaluate.corpus import score_document
from anonymiser.evaluate.gold import load_gold

GOLD = """document: draft.txt
must_redact:
  - text: "K"
    category: PERSON
    count: 1
must_keep: []
"""


@pytest.mark.parametrize(
    ("output", "labels", "left"),
    [
        ("small bruise (first name)'s forehead. Person K was present.", ["Person K", "(first name)"], 0),
        ("small bruise (first name)'s forehead. Person K was present.", [], 1),
        ("small bruise K's forehead. Person K was present.", ["Person K"], 1),
    ],
)
def test_a_label_the_tool_wrote_is_not_a_leak(tmp_path: Path, output: str, labels: list[str], left: int) -> None:
    (tmp_path / "draft.gold.yml").write_text(GOLD, encoding="utf-8")
    source = tmp_path / "draft.txt"
    source.write_text("small bruise K's forehead. Connor Brightwell was present.", encoding="utf-8")
    out = tmp_path / "out.txt"
    out.write_text(output, encoding="utf-8")
    score = score_document(load_gold(tmp_path / "draft.gold.yml"), source, out, "draft.txt", labels)
    assert score.redacted["PERSON"].total == 1
    assert score.redacted["PERSON"].hit == 1 - left
