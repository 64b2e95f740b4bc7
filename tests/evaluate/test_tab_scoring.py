"""The TAB scorer: counting rules on a hand-made two-document benchmark, loading, output.

All names, places and codes in the hand-made documents are invented.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from anonymiser.errors import ConfigError
from anonymiser.evaluate.tab import (
    BASELINE_FILES,
    GOLD_ENTITIES_FILE,
    GOLD_MASKS_FILE,
    TAB_TYPES,
    TEXTS_FILE,
    Ratio,
    TabBenchmark,
    format_report,
    load_tab,
    read_spans,
    score_spans,
    write_spans,
)

# Hand-computed gold. Word tokens (\w+) per document:
#   d1: Mr Tobias Wrenfield visited Carrowmere on 4 May 2001 with the Court of Halvering  (14)
#   d2: Case no 12345 06 concerned two Ruritanian nationals                              (8)
# Gold tokens: d1 3 + 1 + 3 + 3 = 10, d2 2 + 1 = 3, total 13. Gold mentions: 6.
D1 = "Mr Tobias Wrenfield visited Carrowmere on 4 May 2001 with the Court of Halvering."
D2 = "Case no. 12345/06 concerned two Ruritanian nationals."
TEXTS = {"d1": D1, "d2": D2}
GOLD = {
    "d1": [
        ("Mr Tobias Wrenfield", "PERSON"),
        ("Carrowmere", "LOC"),
        ("4 May 2001", "DATETIME"),
        ("Court of Halvering", "ORG"),
    ],
    "d2": [("12345/06", "CODE"), ("Ruritanian", "DEM")],
}
GOLD_TOKENS = 13
GOLD_MENTIONS = 6


def at(doc: str, phrase: str, label: str = "X") -> tuple[int, int, str]:
    """The span of ``phrase`` in document ``doc`` (each phrase occurs once)."""
    text = TEXTS[doc]
    start = text.index(phrase)
    assert text.count(phrase) == 1
    return (start, start + len(phrase), label)


def make_bench() -> TabBenchmark:
    entities = {d: [at(d, phrase, label) for phrase, label in items] for d, items in GOLD.items()}
    return TabBenchmark(
        texts=dict(TEXTS),
        gold_masks={d: [(s, e) for s, e, _ in spans] for d, spans in entities.items()},
        gold_entities=entities,
        baselines={},
    )


def system(**docs: list[str]) -> dict[str, list[tuple[int, int, str]]]:
    return {d: [at(d, phrase) for phrase in phrases] for d, phrases in docs.items()}


def test_perfect_system_scores_one_everywhere() -> None:
    bench = make_bench()
    scores = score_spans(bench, bench.gold_entities)
    assert scores.token_recall == Ratio(GOLD_TOKENS, GOLD_TOKENS)
    assert scores.token_precision == Ratio(GOLD_TOKENS, GOLD_TOKENS)
    assert scores.mention_recall == Ratio(GOLD_MENTIONS, GOLD_MENTIONS)
    for entity_type in ("PERSON", "LOC", "DATETIME", "ORG", "CODE", "DEM"):
        assert scores.per_type[entity_type].token_recall.value == 1.0
        assert scores.per_type[entity_type].mention_recall.value == 1.0


def test_empty_system_has_zero_recall_and_undefined_precision() -> None:
    scores = score_spans(make_bench(), {})
    assert scores.token_recall == Ratio(0, GOLD_TOKENS)
    assert scores.mention_recall == Ratio(0, GOLD_MENTIONS)
    assert scores.token_precision == Ratio(0, 0)
    assert scores.token_precision.value is None
    assert "n/a" in format_report({"none": scores})


@pytest.mark.parametrize(
    ("spans", "masked_tokens", "masked_mentions", "system_tokens"),
    [
        # Part of a mention: its tokens count, the mention does not.
        (system(d1=["Tobias"]), 1, 0, 1),
        (system(d1=["4 May"]), 2, 0, 2),
        # Forgiven title: the mention counts though "Mr" shows; "Mr" itself is still a token.
        (system(d1=["Tobias Wrenfield"]), 2, 1, 2),
        # Forgiven function word between two separately masked words.
        (system(d1=["Court", "Halvering"]), 2, 1, 2),
        # Punctuation inside a mention is forgiven.
        (system(d2=["12345", "06"]), 2, 1, 2),
        # A token cut short is not masked, and so neither is its mention.
        (system(d1=["Tobias Wrenfiel"]), 1, 0, 1),
        # Two adjacent spans together cover a token.
        (system(d1=["Tobias Wren", "field"]), 2, 1, 2),
        # A span wider than the mention still masks it.
        (system(d1=["visited Carrowmere on"]), 1, 1, 3),
    ],
)
def test_partial_coverage(
    spans: dict[str, list[tuple[int, int, str]]],
    masked_tokens: int,
    masked_mentions: int,
    system_tokens: int,
) -> None:
    scores = score_spans(make_bench(), spans)
    assert scores.token_recall == Ratio(masked_tokens, GOLD_TOKENS)
    assert scores.mention_recall == Ratio(masked_mentions, GOLD_MENTIONS)
    assert scores.token_precision.total == system_tokens


@pytest.mark.parametrize(
    ("text", "mention", "masked", "expected"),
    [
        # A lone capital letter is an initial, not the article "a": it must be masked.
        ("The applicant, Mr A. Dunmarrow, objected.", "Mr A. Dunmarrow", "Dunmarrow", 0),
        ("The applicant, Mr A. Dunmarrow, objected.", "Mr A. Dunmarrow", "A. Dunmarrow", 1),
        # A mention of nothing but forgiven words needs full coverage.
        ("Then Mr spoke.", "Mr", None, 0),
        ("Then Mr spoke.", "Mr", "Mr", 1),
        # Forgiven words are matched without regard to case.
        ("Seen by Dr Quillabeth at THE Orvington Clinic.", "THE Orvington Clinic", "Orvington Clinic", 1),
    ],
)
def test_forgiving_rules(text: str, mention: str, masked: str | None, expected: int) -> None:
    def span(phrase: str, label: str) -> tuple[int, int, str]:
        start = text.index(phrase)
        return (start, start + len(phrase), label)

    bench = TabBenchmark(
        texts={"d": text},
        gold_masks={"d": [span(mention, "")[:2]]},
        gold_entities={"d": [span(mention, "PERSON")]},
        baselines={},
    )
    spans = {"d": [span(masked, "X")]} if masked else {}
    scores = score_spans(bench, spans)
    assert scores.mention_recall == Ratio(expected, 1)
    assert scores.per_type["PERSON"].mention_recall == Ratio(expected, 1)


def test_spans_outside_gold_reduce_precision_only() -> None:
    bench = make_bench()
    extra = system(d1=["visited", "with the"], d2=["concerned two"])
    spans = {d: list(bench.gold_entities[d]) + extra[d] for d in TEXTS}
    scores = score_spans(bench, spans)
    assert scores.token_recall == Ratio(GOLD_TOKENS, GOLD_TOKENS)
    assert scores.mention_recall == Ratio(GOLD_MENTIONS, GOLD_MENTIONS)
    assert scores.token_precision == Ratio(GOLD_TOKENS, GOLD_TOKENS + 5)


def test_overlapping_system_spans_count_each_token_once() -> None:
    bench = make_bench()
    spans = system(d1=["Carrowmere on", "visited Carrowmere"])
    scores = score_spans(bench, spans)
    assert scores.token_precision == Ratio(1, 3)


def test_per_type_breakdown() -> None:
    scores = score_spans(make_bench(), system(d1=["Carrowmere", "4 May 2001", "Wrenfield"]))
    expected = {
        "PERSON": (Ratio(1, 3), Ratio(0, 1)),
        "LOC": (Ratio(1, 1), Ratio(1, 1)),
        "DATETIME": (Ratio(3, 3), Ratio(1, 1)),
        "ORG": (Ratio(0, 3), Ratio(0, 1)),
        "CODE": (Ratio(0, 2), Ratio(0, 1)),
        "DEM": (Ratio(0, 1), Ratio(0, 1)),
        "QUANTITY": (Ratio(0, 0), Ratio(0, 0)),
        "MISC": (Ratio(0, 0), Ratio(0, 0)),
    }
    assert set(scores.per_type) == set(TAB_TYPES)
    for entity_type, (tokens, mentions) in expected.items():
        assert scores.per_type[entity_type].token_recall == tokens, entity_type
        assert scores.per_type[entity_type].mention_recall == mentions, entity_type
    assert scores.token_recall == Ratio(5, GOLD_TOKENS)
    assert scores.mention_recall == Ratio(2, GOLD_MENTIONS)


def test_system_labels_do_not_matter() -> None:
    bench = make_bench()
    relabelled = {d: [(s, e, "ANYTHING") for s, e, _ in spans] for d, spans in bench.gold_entities.items()}
    assert score_spans(bench, relabelled) == score_spans(bench, bench.gold_entities)


@pytest.mark.parametrize(
    "spans",
    [{"elsewhere": [(0, 1, "X")]}, {"d1": [(0, len(D1) + 1, "X")]}, {"d2": [(-1, 3, "X")]}],
)
def test_spans_from_other_texts_are_refused(spans: dict[str, list[tuple[int, int, str]]]) -> None:
    with pytest.raises(ValueError):
        score_spans(make_bench(), spans)


def test_report_lists_systems_and_rows() -> None:
    bench = make_bench()
    report = format_report(
        {"ours": score_spans(bench, bench.gold_entities), "presidio": score_spans(bench, {})}
    )
    lines = report.splitlines()
    assert lines[0].split() == ["figure", "gold", "ours", "presidio"]
    assert lines[2].split() == ["token", "recall", str(GOLD_TOKENS), "1.000", "0.000"]
    assert lines[3].split() == ["token", "precision", "-", "1.000", "n/a"]
    assert lines[4].split() == ["mention", "recall", str(GOLD_MENTIONS), "1.000", "0.000"]
    for entity_type in TAB_TYPES:
        assert f"{entity_type} token recall" in report
        assert f"{entity_type} mention recall" in report
    assert "PERSON precision" not in report


# --- files ------------------------------------------------------------------------------------


def write_folder(folder: Path) -> None:
    bench = make_bench()
    files = {
        TEXTS_FILE: TEXTS,
        GOLD_MASKS_FILE: {d: [[s, e, ""] for s, e in spans] for d, spans in bench.gold_masks.items()},
        GOLD_ENTITIES_FILE: {d: [list(x) for x in spans] for d, spans in bench.gold_entities.items()},
        BASELINE_FILES["presidio"]: {"d1": [list(at("d1", "Carrowmere", "LOCATION"))]},
        BASELINE_FILES["spacy"]: {"d1": [], "d2": [list(at("d2", "Ruritanian", "NORP"))]},
    }
    for name, data in files.items():
        (folder / name).write_text(json.dumps(data), encoding="utf-8")


def test_load_tab_reads_a_folder(tmp_path: Path) -> None:
    write_folder(tmp_path)
    bench = load_tab(tmp_path)
    assert bench == TabBenchmark(
        texts=TEXTS,
        gold_masks=make_bench().gold_masks,
        gold_entities=make_bench().gold_entities,
        baselines={
            "presidio": {"d1": [at("d1", "Carrowmere", "LOCATION")], "d2": []},
            "spacy": {"d1": [], "d2": [at("d2", "Ruritanian", "NORP")]},
        },
    )
    assert score_spans(bench, bench.baselines["presidio"]).token_recall == Ratio(1, GOLD_TOKENS)


@pytest.mark.parametrize(
    ("file", "content"),
    [
        (TEXTS_FILE, None),  # missing
        (TEXTS_FILE, "{not json"),
        (TEXTS_FILE, json.dumps({"d1": 5})),
        (GOLD_MASKS_FILE, None),
        (GOLD_MASKS_FILE, json.dumps({"d1": [[0, 2, ""]]})),  # no entry for d2
        (GOLD_ENTITIES_FILE, json.dumps({"d1": [[0, 2, "PERSON"]], "d2": [[0, 999, "CODE"]]})),
        (GOLD_ENTITIES_FILE, json.dumps({"d1": [[0, 2, "PERSON"]], "d2": [[0, 4, "SCHOOL"]]})),
        (GOLD_ENTITIES_FILE, json.dumps({"d1": [[0, 2, ""]], "d2": []})),
        (BASELINE_FILES["spacy"], json.dumps({"d1": [[5, 2, "X"]]})),
        (BASELINE_FILES["spacy"], json.dumps({"d1": [[True, 2, "X"]]})),
        (BASELINE_FILES["spacy"], json.dumps({"elsewhere": []})),
        (BASELINE_FILES["presidio"], json.dumps([[0, 2, "X"]])),
        (BASELINE_FILES["presidio"], None),
    ],
)
def test_load_tab_names_the_bad_file(tmp_path: Path, file: str, content: str | None) -> None:
    write_folder(tmp_path)
    if content is None:
        (tmp_path / file).unlink()
    else:
        (tmp_path / file).write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=file.replace(".", r"\.")):
        load_tab(tmp_path)


def test_write_spans_is_sorted_and_reads_back(tmp_path: Path) -> None:
    spans = {
        "d2": [(30, 40, "PLACE"), (5, 9, "DATE"), (5, 9, "CODE")],
        "d1": [(12, 20, "PERSON")],
    }
    out = tmp_path / "spans.json"
    write_spans(out, spans)
    first = out.read_text(encoding="utf-8")
    assert json.loads(first) == {
        "d1": [[12, 20, "PERSON"]],
        "d2": [[5, 9, "CODE"], [5, 9, "DATE"], [30, 40, "PLACE"]],
    }
    assert first.index('"d1"') < first.index('"d2"')
    write_spans(out, dict(reversed(list(spans.items()))))
    assert out.read_text(encoding="utf-8") == first
    assert [p.name for p in tmp_path.iterdir()] == ["spans.json"]

    texts = {"d1": "x" * 50, "d2": "y" * 50, "d3": "z"}
    assert read_spans(out, texts) == {
        "d1": [(12, 20, "PERSON")],
        "d2": [(5, 9, "CODE"), (5, 9, "DATE"), (30, 40, "PLACE")],
        "d3": [],
    }


def test_write_spans_with_no_documents(tmp_path: Path) -> None:
    out = tmp_path / "empty.json"
    write_spans(out, {})
    assert json.loads(out.read_text(encoding="utf-8")) == {}


# --- the real benchmark -------------------------------------------------------------------------

REAL_TAB = Path(__file__).parents[2] / ".." / "shared" / "benchmarks" / "tab"


@pytest.mark.skipif(not (REAL_TAB / TEXTS_FILE).is_file(), reason="TAB benchmark folder not present")
@pytest.mark.parametrize(
    ("baseline", "recall", "precision"),
    [("presidio", 0.55, 0.92), ("spacy", 0.85, 0.62)],
)
def test_real_baselines_match_the_quoted_figures(baseline: str, recall: float, precision: float) -> None:
    bench = load_tab(REAL_TAB)
    assert len(bench.texts) == 127
    scores = score_spans(bench, bench.baselines[baseline])
    assert scores.token_recall.value == pytest.approx(recall, abs=0.05)
    assert scores.token_precision.value == pytest.approx(precision, abs=0.05)
