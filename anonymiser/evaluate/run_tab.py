"""`anonymiser eval tab FOLDER`: run the pipeline on the TAB test texts and score it.

The benchmark is only measured here, never tuned for: no rule in patterns/ names anything in
its documents. Each text is analysed as a plain-text document (detect and decide, as
`redact --scope full` does), and the spans the decisions redact are mapped back to character
offsets in the benchmark's text.
"""

from __future__ import annotations

from pathlib import Path

from anonymiser.detect.engine import Detector
from anonymiser.evaluate.tab import TabScores, format_report, load_tab, score_spans, write_spans
from anonymiser.pipeline import analyse
from anonymiser.read.text import TextPayload, document_from_text
from anonymiser.settings import Settings


def tab_spans(texts: dict[str, str], settings: Settings, detector: Detector) -> dict[str, list[tuple[int, int, str]]]:
    """The redacted spans for every TAB document, as [start, end, category] in its text."""
    out: dict[str, list[tuple[int, int, str]]] = {}
    for doc_id in sorted(texts):
        doc = document_from_text(texts[doc_id], doc_id)
        decisions, _plan = analyse(doc, settings, detector)
        payload: TextPayload = doc.payload
        category = {}
        for entity in decisions.entities:
            for occ in entity.occurrences:
                category[(occ.unit, occ.start, occ.end)] = entity.category
        spans = []
        for edit in decisions.edits:
            base = payload.spans[edit.unit][0]
            spans.append((base + edit.start, base + edit.end, category.get((edit.unit, edit.start, edit.end), "")))
        out[doc_id] = sorted(spans)
    return out


def run_tab(folder: Path, settings: Settings, spans_out: Path | None = None) -> str:
    """Score the pipeline beside the stored Presidio and spaCy outputs; return the report."""
    bench = load_tab(folder)
    detector = Detector(settings)
    ours = tab_spans(bench.texts, settings, detector)
    if spans_out is not None:
        spans_out.parent.mkdir(parents=True, exist_ok=True)
        write_spans(spans_out, ours)
    results: dict[str, TabScores] = {f"anonymiser ({settings.policy.name})": score_spans(bench, ours)}
    for name, spans in sorted(bench.baselines.items()):
        results[name] = score_spans(bench, spans)
    header = (
        f"TAB test split: {len(bench.texts)} documents; policy {settings.policy.name}; "
        f"model {settings.model}; scored by anonymiser.evaluate.tab\n"
    )
    return header + format_report(results)
