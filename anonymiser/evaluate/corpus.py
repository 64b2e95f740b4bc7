"""``anonymiser eval CORPUS``: how much of what must go went, and how much of what must stay stayed.

For each ``NAME.gold.yml`` in the folder, every sample draft ``NAME.txt`` / ``NAME.docx`` /
``NAME.md`` beside it is anonymised (scope full, the given policy and case file) into a
temporary folder; the text of the input and of the output (every unit of every part) is then
counted with the gold counting rule. A must-redact occurrence counts as redacted when it is no
longer in the output; a must-keep occurrence counts as kept when it still is.
"""

from __future__ import annotations

import json
import tempfile
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from anonymiser.detect.engine import Detector
from anonymiser.evaluate.gold import Gold, count_occurrences, load_gold
from anonymiser.pipeline import OutputNames, process_document
from anonymiser.read import SUPPORTED_SUFFIXES, read_document
from anonymiser.settings import Settings


@dataclass
class Tally:
    hit: int = 0
    total: int = 0

    def add(self, hit: int, total: int) -> None:
        self.hit += hit
        self.total += total

    @property
    def share(self) -> float | None:
        return self.hit / self.total if self.total else None


@dataclass
class DocumentScore:
    name: str
    redacted: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    direct: Tally = field(default_factory=Tally)
    other: Tally = field(default_factory=Tally)
    kept: Tally = field(default_factory=Tally)
    missed: list[str] = field(default_factory=list)  # "CATEGORY text (n left)": for the consultant
    dropped: list[str] = field(default_factory=list)


@dataclass
class CorpusReport:
    documents: list[DocumentScore]

    def total(self) -> DocumentScore:
        out = DocumentScore("TOTAL")
        for doc in self.documents:
            for cat, tally in doc.redacted.items():
                out.redacted[cat].add(tally.hit, tally.total)
            out.direct.add(doc.direct.hit, doc.direct.total)
            out.other.add(doc.other.hit, doc.other.total)
            out.kept.add(doc.kept.hit, doc.kept.total)
        return out


def _all_text(path: Path) -> str:
    return "\n\n".join(u.text for u in read_document(path).units)


def score_document(
    gold: Gold, source: Path, output: Path, name: str, labels: Sequence[str] = ()
) -> DocumentScore:
    """``labels``: the replacements the tool wrote. A must-redact string inside one of them
    in the output is the label, not a leak: "K" (Kian) is not left in "Person K"."""
    before, after = _all_text(source), _all_text(output)
    listed = gold.listed
    score = DocumentScore(name)
    for item in gold.must_redact:
        n_before = count_occurrences(before, item.text, listed)
        n_after = min(count_occurrences(after, item.text, [*listed, *labels]), n_before)
        hit = n_before - n_after
        score.redacted[item.category].add(hit, n_before)
        (score.direct if item.direct else score.other).add(hit, n_before)
        if n_after:
            score.missed.append(f"{item.category} {item.text!r} ({n_after} of {n_before} left)")
    for item in gold.must_keep:
        n_before = count_occurrences(before, item.text, listed)
        n_after = min(count_occurrences(after, item.text, listed), n_before)
        score.kept.add(n_after, n_before)
        if n_after < n_before:
            score.dropped.append(f"{item.text!r} ({n_before - n_after} of {n_before} redacted)")
    return score


def evaluate_corpus(folder: Path, settings: Settings, detector: Detector | None = None) -> CorpusReport:
    detector = detector or Detector(settings)
    documents = []
    with tempfile.TemporaryDirectory(prefix="anonymiser-eval-") as tmp:
        for gold_path in sorted(folder.glob("*.gold.yml")):
            gold = load_gold(gold_path)
            stem = gold_path.name[: -len(".gold.yml")]
            for suffix in SUPPORTED_SUFFIXES:
                source = folder / f"{stem}{suffix}"
                if not source.exists():
                    continue
                process_document(source, Path(tmp), settings, detector)
                names = OutputNames.for_input(source)
                output = Path(tmp) / names.document
                labels = _labels(Path(tmp) / names.json)
                documents.append(score_document(gold, source, output, source.name, labels))
    return CorpusReport(documents)


def _labels(log: Path) -> list[str]:
    """The replacements the review log says were written."""
    data = json.loads(log.read_text(encoding="utf-8"))
    return sorted({str(e["replacement"]) for e in data.get("entities", []) if e.get("action") == "redact"})


def _pct(tally: Tally) -> str:
    share = tally.share
    return "  n/a " if share is None else f"{100 * share:5.1f}% ({tally.hit}/{tally.total})"


def format_corpus_report(report: CorpusReport, settings: Settings) -> str:
    lines = [f"policy: {settings.policy.name}; case file: {settings.case.source or 'none'}; scope: full", ""]
    for doc in [*report.documents, report.total()]:
        lines.append(doc.name)
        for category in sorted(doc.redacted):
            lines.append(f"  redacted {category:<15} {_pct(doc.redacted[category])}")
        lines.append(f"  redacted DIRECT identifiers  {_pct(doc.direct)}")
        lines.append(f"  redacted other strings       {_pct(doc.other)}")
        lines.append(f"  must-keep terms kept         {_pct(doc.kept)}")
        for miss in doc.missed:
            lines.append(f"    missed: {miss}")
        for drop in doc.dropped:
            lines.append(f"    not kept: {drop}")
        lines.append("")
    return "\n".join(lines)
