"""Score masking against the TAB benchmark (Text Anonymization Benchmark, test split).

The benchmark folder (see its SOURCE.md) holds 127 court judgments, the character spans its
annotators decided must be masked, the same spans with their TAB entity type, and the stored
outputs of two reference systems (Presidio and spaCy). This module loads that folder, scores
any system's spans against the gold with one piece of code, and prints a comparison table.

Counting rules (the same for every system, including the stored baselines):

* **Word tokens** are runs of the regex ``\\w+`` over the whole document text (Unicode word
  characters: letters, digits, underscore). Spaces and punctuation are never tokens. This is
  the tokenisation of the benchmark's own evaluation script.
* A token is **masked by the system** when every one of its characters lies inside some
  system span (the spans may be several adjacent ones). A token only partly covered is not
  masked: part of a name or a date still shows.
* A token is **gold** when any of its characters lies inside a gold span. Gold spans cut a
  token in only 4 of 19,408 gold tokens, all annotation slips where two words are glued
  together ("Gävleimpossible" with "Gävle" marked); that is why scoring the gold against
  itself gives 0.999 rather than 1 for LOC and DEM token recall.
* **Token recall** = gold tokens the system masks / gold tokens.
* **Token precision** = system-masked tokens that are gold / system-masked tokens. When the
  system masks nothing, precision is undefined and reported as ``n/a`` (``None``), not 0:
  a system that masks nothing has made no wrong masks.
* **Mention recall** = gold mentions the system masks / gold mentions. A mention counts as
  masked when each of its characters is covered by system spans or is *forgiven*. Forgiven
  are characters that are not word characters (spaces, punctuation) and the characters of
  the tokens in :data:`FORGIVEN_WORDS`, compared case-insensitively, except that a single
  capital letter ("A") is never forgiven, because in TAB it is an anonymised initial ("Mr
  A."), not the article. A mention made only of forgiven material ("Mr" on its own) must be
  covered in full.
* Forgiving applies to mention recall only. Token recall counts every gold token, function
  words included; with that rule the stored baselines reproduce the figures the benchmark
  quotes (Presidio token recall 0.55 / precision 0.92, spaCy 0.85 / 0.62), whereas
  forgiving function words at token level raises both recalls by 6-8 points.
* Overall figures use the "must be masked" spans (``test_gold_masks.json``); per-type figures
  use the typed spans (``test_gold_entities.json``), which are the same spans with a type.
  Every gold mention is counted, including the few that overlap another.

Differences from the benchmark's own evaluation script (TAE), which produce at most a few
tenths of a point: it tokenises inside each mention and each system span separately (so a
token in two overlapping spans counts twice), it forgives words by spaCy part of speech
rather than by a word list, and it reports recall per entity as well as per mention; this
extract has no entity links or direct/quasi split, so only mention and token figures can be
computed.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from anonymiser.errors import ConfigError

# The words a mention may leave unmasked and still count as masked. They are part of the
# benchmark's scoring definition (its annotators disagree on whether spans include them),
# not a list a consultant tunes, so they live here rather than under patterns/: editing
# them would change the measurement, not the tool.
FORGIVEN_WORDS: frozenset[str] = frozenset(
    {"the", "of", "mr", "mrs", "ms", "dr", "a", "an", "and", "in", "on", "at", "to"}
)

# The eight entity types TAB annotates, in the order the report lists them.
TAB_TYPES: tuple[str, ...] = ("PERSON", "CODE", "LOC", "ORG", "DEM", "DATETIME", "QUANTITY", "MISC")

TEXTS_FILE = "test_texts.json"
GOLD_MASKS_FILE = "test_gold_masks.json"
GOLD_ENTITIES_FILE = "test_gold_entities.json"
BASELINE_FILES: dict[str, str] = {
    "presidio": "test_presidio_output.json",
    "spacy": "test_spacy_output.json",
}

_WORD = re.compile(r"\w+")

Span = tuple[int, int, str]
# Gold masks carry no label; system and typed gold spans do. Only the offsets are read here.
_Offsets = tuple[int, int] | tuple[int, int, str]


@dataclass(frozen=True)
class TabBenchmark:
    """The TAB test split as loaded from its folder; offsets are Python string indices."""

    texts: dict[str, str]
    gold_masks: dict[str, list[tuple[int, int]]]
    gold_entities: dict[str, list[tuple[int, int, str]]]
    baselines: dict[str, dict[str, list[tuple[int, int, str]]]]


@dataclass(frozen=True)
class Ratio:
    """A share with its counts, so a report can show both and an empty denominator is visible."""

    hits: int
    total: int

    @property
    def value(self) -> float | None:
        """``hits / total``, or ``None`` when there is nothing to count."""
        return self.hits / self.total if self.total else None


@dataclass(frozen=True)
class TypeScores:
    """Recall for one TAB entity type.

    There is no per-type precision: precision asks which of the system's masked tokens should
    have been masked, and a wrongly masked token has no gold type to file it under. Splitting
    precision by the *system's* labels would not help either, because each system uses its
    own label set (Presidio DATE_TIME, spaCy CARDINAL, ours "(school)"), and a token masked
    under the "wrong" label is still correctly masked. So precision is reported overall only.
    """

    token_recall: Ratio
    mention_recall: Ratio


@dataclass(frozen=True)
class TabScores:
    """One system's scores; see the module docstring for the counting rules."""

    token_recall: Ratio
    token_precision: Ratio
    mention_recall: Ratio
    per_type: dict[str, TypeScores] = field(default_factory=dict)


# ---------------------------------------------------------------------------------------------
# Loading


def _read_json(path: Path) -> object:
    if not path.is_file():
        raise ConfigError(f"{path}: file not found; the TAB folder needs {path.name}")
    try:
        with path.open(encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: not readable JSON ({type(exc).__name__}); restore the file") from None


def _check_spans(
    path: Path, texts: Mapping[str, str], data: object, *, typed: bool
) -> dict[str, list[Span]]:
    """Validate ``{doc_id: [[start, end, label], ...]}`` against the texts' lengths."""
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a JSON object mapping document ids to span lists")
    result: dict[str, list[Span]] = {}
    for doc_id, spans in data.items():
        if doc_id not in texts:
            raise ConfigError(f"{path}: document {doc_id!r} is not in {TEXTS_FILE}")
        if not isinstance(spans, list):
            raise ConfigError(f"{path}: document {doc_id!r}: expected a list of spans")
        length = len(texts[doc_id])
        checked: list[Span] = []
        for index, span in enumerate(spans):
            where = f"{path}: document {doc_id!r}, span {index}"
            if not isinstance(span, list) or len(span) not in (2, 3):
                raise ConfigError(f"{where}: expected [start, end, label]")
            start, end = span[0], span[1]
            label = span[2] if len(span) == 3 else ""
            # bool is an int subclass; a true/false offset is a broken file, not offset 1/0.
            if not all(isinstance(x, int) and not isinstance(x, bool) for x in (start, end)):
                raise ConfigError(f"{where}: start and end must be whole numbers")
            if not 0 <= start < end <= length:
                raise ConfigError(
                    f"{where}: offsets {start}-{end} do not fit a text of {length} characters"
                )
            if not isinstance(label, str) or (typed and not label):
                raise ConfigError(f"{where}: the label must be a non-empty string")
            checked.append((start, end, label))
        result[doc_id] = checked
    return result


def read_spans(path: Path, texts: Mapping[str, str]) -> dict[str, list[Span]]:
    """Read a spans file in the benchmark's format (as :func:`write_spans` writes it).

    Documents absent from the file are given no spans. Raises ``ConfigError`` naming the file
    and entry when the file is missing, is not JSON, or has a span that does not fit its text.
    """
    spans = _check_spans(path, texts, _read_json(path), typed=False)
    return {doc_id: spans.get(doc_id, []) for doc_id in texts}


def load_tab(folder: Path) -> TabBenchmark:
    """Load the TAB folder described by its SOURCE.md; ``ConfigError`` names any bad file."""
    folder = Path(folder)
    texts_path = folder / TEXTS_FILE
    raw_texts = _read_json(texts_path)
    if not isinstance(raw_texts, dict) or not raw_texts:
        raise ConfigError(f"{texts_path}: expected a JSON object mapping document ids to texts")
    for doc_id, text in raw_texts.items():
        if not isinstance(text, str):
            raise ConfigError(f"{texts_path}: document {doc_id!r}: the text must be a string")
    texts: dict[str, str] = dict(raw_texts)

    def gold(name: str, typed: bool) -> dict[str, list[Span]]:
        path = folder / name
        spans = _check_spans(path, texts, _read_json(path), typed=typed)
        missing = sorted(set(texts) - set(spans))
        if missing:
            raise ConfigError(f"{path}: no entry for document {missing[0]!r} ({len(missing)} missing)")
        return spans

    masks = gold(GOLD_MASKS_FILE, typed=False)
    entities = gold(GOLD_ENTITIES_FILE, typed=True)
    for doc_id, spans in entities.items():
        for index, (_, _, label) in enumerate(spans):
            if label not in TAB_TYPES:
                raise ConfigError(
                    f"{folder / GOLD_ENTITIES_FILE}: document {doc_id!r}, span {index}: "
                    f"unknown TAB type {label!r}; expected one of {', '.join(TAB_TYPES)}"
                )
    baselines = {name: read_spans(folder / file, texts) for name, file in BASELINE_FILES.items()}
    return TabBenchmark(
        texts=texts,
        gold_masks={d: [(s, e) for s, e, _ in spans] for d, spans in masks.items()},
        gold_entities=entities,
        baselines=baselines,
    )


# ---------------------------------------------------------------------------------------------
# Scoring


def _coverage(length: int, spans: Sequence[_Offsets]) -> np.ndarray:
    covered = np.zeros(length, dtype=bool)
    for span in spans:
        covered[span[0] : span[1]] = True
    return covered


def _prefix(mask: np.ndarray) -> np.ndarray:
    """Prefix sums, so that the count of set characters in [a, b) is p[b] - p[a]."""
    return np.concatenate(([0], np.cumsum(mask, dtype=np.int64)))


@dataclass(frozen=True)
class _DocTokens:
    starts: np.ndarray
    ends: np.ndarray
    forgiven: np.ndarray  # per character: may stay unmasked inside a mention


def _tokenise(text: str) -> _DocTokens:
    matches = list(_WORD.finditer(text))
    starts = np.fromiter((m.start() for m in matches), dtype=np.int64, count=len(matches))
    ends = np.fromiter((m.end() for m in matches), dtype=np.int64, count=len(matches))
    # Everything outside a word token (spaces, punctuation) is forgiven, then the listed words.
    forgiven = np.ones(len(text), dtype=bool)
    for m in matches:
        word = m.group()
        forgive = word.lower() in FORGIVEN_WORDS and not (len(word) == 1 and word.isupper())
        forgiven[m.start() : m.end()] = forgive
    return _DocTokens(starts, ends, forgiven)


def _all_in(prefix: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    return (prefix[ends] - prefix[starts]) == (ends - starts)


def _any_in(prefix: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    return (prefix[ends] - prefix[starts]) > 0


def _mentions_masked(
    spans: Sequence[_Offsets], system: np.ndarray, forgiven: np.ndarray
) -> int:
    if not spans:
        return 0
    starts = np.fromiter((s[0] for s in spans), dtype=np.int64, count=len(spans))
    ends = np.fromiter((s[1] for s in spans), dtype=np.int64, count=len(spans))
    lenient = _all_in(_prefix(system | forgiven), starts, ends)
    # A mention with nothing but forgiven material ("Mr" alone) would otherwise pass unmasked.
    substantive = ~_all_in(_prefix(forgiven), starts, ends)
    strict = _all_in(_prefix(system), starts, ends)
    return int(np.count_nonzero(np.where(substantive, lenient, strict)))


def score_spans(bench: TabBenchmark, system: Mapping[str, Sequence[tuple[int, int, str]]]) -> TabScores:
    """Score one system's masked spans against the gold; see the module docstring for the rules.

    ``system`` maps document ids to ``(start, end, label)`` spans (the label is ignored: only
    what is masked matters). A document with no entry is treated as masking nothing. Raises
    ``ValueError`` for a document id the benchmark does not have or a span outside its text,
    because either means the spans were made from other texts and every figure would be wrong.
    """
    unknown = sorted(set(system) - set(bench.texts))
    if unknown:
        raise ValueError(f"spans given for {len(unknown)} document(s) not in the benchmark, e.g. {unknown[0]!r}")

    gold_tokens = masked_gold_tokens = system_tokens = system_gold_tokens = 0
    mentions = masked_mentions = 0
    type_tokens = dict.fromkeys(TAB_TYPES, 0)
    type_masked_tokens = dict.fromkeys(TAB_TYPES, 0)
    type_mentions = dict.fromkeys(TAB_TYPES, 0)
    type_masked_mentions = dict.fromkeys(TAB_TYPES, 0)

    for doc_id, text in bench.texts.items():
        spans = system.get(doc_id, ())
        for start, end, *_ in spans:
            if not 0 <= start <= end <= len(text):
                raise ValueError(f"document {doc_id!r}: span {start}-{end} is outside its text")
        tokens = _tokenise(text)
        system_cover = _coverage(len(text), spans)
        gold_spans = bench.gold_masks.get(doc_id, [])

        sys_masked = _all_in(_prefix(system_cover), tokens.starts, tokens.ends)
        in_gold = _any_in(_prefix(_coverage(len(text), gold_spans)), tokens.starts, tokens.ends)
        gold_tokens += int(np.count_nonzero(in_gold))
        masked_gold_tokens += int(np.count_nonzero(in_gold & sys_masked))
        system_tokens += int(np.count_nonzero(sys_masked))
        system_gold_tokens += int(np.count_nonzero(sys_masked & in_gold))

        mentions += len(gold_spans)
        masked_mentions += _mentions_masked(gold_spans, system_cover, tokens.forgiven)

        entities = bench.gold_entities.get(doc_id, [])
        for entity_type in TAB_TYPES:
            typed = [s for s in entities if s[2] == entity_type]
            if not typed:
                continue
            in_type = _any_in(_prefix(_coverage(len(text), typed)), tokens.starts, tokens.ends)
            type_tokens[entity_type] += int(np.count_nonzero(in_type))
            type_masked_tokens[entity_type] += int(np.count_nonzero(in_type & sys_masked))
            type_mentions[entity_type] += len(typed)
            type_masked_mentions[entity_type] += _mentions_masked(typed, system_cover, tokens.forgiven)

    return TabScores(
        token_recall=Ratio(masked_gold_tokens, gold_tokens),
        token_precision=Ratio(system_gold_tokens, system_tokens),
        mention_recall=Ratio(masked_mentions, mentions),
        per_type={
            t: TypeScores(
                token_recall=Ratio(type_masked_tokens[t], type_tokens[t]),
                mention_recall=Ratio(type_masked_mentions[t], type_mentions[t]),
            )
            for t in TAB_TYPES
        },
    )


# ---------------------------------------------------------------------------------------------
# Reporting and output


def _cell(ratio: Ratio) -> str:
    value = ratio.value
    return "n/a" if value is None else f"{value:.3f}"


def format_report(results: Mapping[str, TabScores]) -> str:
    """A plain-text table: one column per system (in the mapping's order), one row per figure.

    Rows: overall token recall, token precision and mention recall, then token recall and
    mention recall for each TAB type. The ``gold`` column gives each recall's denominator (the
    same for every system); precision's denominator differs per system, so it shows "-".
    """
    names = list(results)
    rows: list[tuple[str, str, list[str]]] = []

    def add(label: str, pick: Callable[[TabScores], Ratio], gold: bool = True) -> None:
        ratios = [pick(results[name]) for name in names]
        total = str(ratios[0].total) if ratios and gold else "-"
        rows.append((label, total, [_cell(r) for r in ratios]))

    add("token recall", lambda s: s.token_recall)
    add("token precision", lambda s: s.token_precision, gold=False)
    add("mention recall", lambda s: s.mention_recall)
    for entity_type in TAB_TYPES:
        add(f"{entity_type} token recall", lambda s, t=entity_type: s.per_type[t].token_recall)
        add(f"{entity_type} mention recall", lambda s, t=entity_type: s.per_type[t].mention_recall)

    label_width = max(len("figure"), *(len(r[0]) for r in rows))
    gold_width = max(len("gold"), *(len(r[1]) for r in rows))
    widths = [max(len(name), 5) for name in names]
    header = "  ".join(
        ["figure".ljust(label_width), "gold".rjust(gold_width)]
        + [name.rjust(w) for name, w in zip(names, widths)]
    )
    lines = [header, "-" * len(header)]
    for i, (label, total, cells) in enumerate(rows):
        if i == 3:
            lines.append("")  # separate the overall figures from the per-type ones
        lines.append(
            "  ".join(
                [label.ljust(label_width), total.rjust(gold_width)]
                + [cell.rjust(w) for cell, w in zip(cells, widths)]
            )
        )
    lines.append("")
    lines.append(
        "Tokens are \\w+ runs; a token counts as masked only when all its characters are "
        "covered. Mention recall forgives spaces, punctuation and: "
        + ", ".join(sorted(FORGIVEN_WORDS))
        + ". Precision is overall only."
    )
    return "\n".join(lines) + "\n"


def write_spans(path: Path, spans: Mapping[str, Sequence[tuple[int, int, str]]]) -> None:
    """Write ``{doc_id: [[start, end, category], ...]}`` as JSON, sorted so reruns diff cleanly.

    Documents are sorted by id and spans by (start, end, category). The file is written to a
    temporary name beside ``path`` and renamed, so an interrupted run leaves no half file.
    """
    path = Path(path)
    ordered = {
        doc_id: [[int(s), int(e), str(c)] for s, e, c in sorted((s, e, c) for s, e, c in spans[doc_id])]
        for doc_id in sorted(spans)
    }
    # One document per line: small enough to diff, and ensure_ascii=False keeps it readable.
    body = ",\n".join(
        f" {json.dumps(doc_id, ensure_ascii=False)}: {json.dumps(items, ensure_ascii=False)}"
        for doc_id, items in ordered.items()
    )
    text = "{\n" + body + "\n}\n" if ordered else "{}\n"
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
