"""Run the stages for one document: read -> detect -> decide -> write -> verify -> log.

Nothing is kept between documents. Outputs are staged under temporary names and published
only when every stage, verification included, has passed (see ``write.safe_output``).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from anonymiser.decide.decide import Decisions, decide
from anonymiser.decide.people import KnownName
from anonymiser.decide.repeats import tidy_repeated_words
from anonymiser.decide.sections import SectionPlan, plan_sections
from anonymiser.detect.case_file import CaseFileRecogniser, case_matchers
from anonymiser.detect.engine import Detector
from anonymiser.errors import VerificationError
from anonymiser.read import read_document
from anonymiser.read.document import SourceDocument
from anonymiser.read.limits import InputLimits
from anonymiser.records import Entity, Outcome
from anonymiser.review_log.build import log_document, log_rows, summary_counts
from anonymiser.review_log.html import render_html
from anonymiser.review_log.writers import write_csv, write_json, write_private
from anonymiser.settings import Settings
from anonymiser.verify.rescan import verify_output
from anonymiser.verify.residual import residual_entities
from anonymiser.write import write_document
from anonymiser.write.safe_output import StagedOutputs


@dataclass(frozen=True)
class OutputNames:
    document: str
    csv: str
    json: str
    html: str

    @classmethod
    def for_input(cls, path: Path) -> OutputNames:
        stem, suffix = path.stem, path.suffix.lower()
        return cls(
            f"{stem}.anonymised{suffix}", f"{stem}.review.csv", f"{stem}.review.json", f"{stem}.review.html"
        )


def analyse(
    doc: SourceDocument, settings: Settings, detector: Detector, known: Sequence[KnownName] = ()
) -> tuple[Decisions, SectionPlan]:
    """Detect and decide for one document (no writing): what `redact` and `eval` share.
    ``known``: people other drafts of a batch name in full (see ``decide``)."""
    matchers = case_matchers(settings.case, settings.people.titles, settings.people.not_initials, settings.school_kinds)
    ad_hoc = [CaseFileRecogniser(matchers)] if matchers else []
    findings = detector.detect(doc.units, ad_hoc)
    decisions = decide(doc.units, findings, settings, matchers, known)
    return decisions, plan_sections(doc.units, settings)


# A step between decide and write that changes what was decided: the review workflow uses it
# to apply the consultant's decisions from a review log. It must return decisions whose
# edits and secrets agree (what is redacted is what verification looks for).
Adjust = Callable[[SourceDocument, Decisions, SectionPlan], tuple[Decisions, SectionPlan]]


def process_document(
    path: Path,
    out_dir: Path,
    settings: Settings,
    detector: Detector,
    limits: InputLimits | None = None,
    *,
    adjust: Adjust | None = None,
    extra_log: dict[str, Any] | None = None,
    known: Sequence[KnownName] = (),
) -> Outcome:
    """Anonymise one draft into ``out_dir``. Raises on failure, leaving no outputs behind.

    ``extra_log`` is merged into the JSON review log (for example the review workflow's
    record of decisions and sign-off). ``known``: people other drafts of a batch name in
    full, found here too (see ``decide``).
    """
    started = time.perf_counter()
    limits = limits or InputLimits()
    doc = read_document(path, limits)
    decisions, plan = analyse(doc, settings, detector, known)
    if adjust is not None:
        decisions, plan = adjust(doc, decisions, plan)
    edits = tidy_repeated_words(decisions.edits, doc.units)
    names = OutputNames.for_input(path)
    out_dir.mkdir(parents=True, exist_ok=True)
    with StagedOutputs(out_dir, path.stem) as staged:
        out_doc = staged.path_for(names.document)
        write_document(
            doc, edits, out_doc, drop_units=plan.drop_units, drop_images=settings.drop_images
        )
        # Our own labels, and practice terms (which the decide stage never redacts inside:
        # "Clare's Law" is not the person Clare), are not searched.
        report = verify_output(
            out_doc,
            doc.kind,
            decisions.secrets,
            limits,
            sorted({e.replacement for e in edits if e.replacement}),
            loose=decisions.loose_secrets,
            loose_allowed=decisions.kept_texts,
            terms=settings.keep.matcher,
            name=names.document,
        )
        if not report.passed:
            raise VerificationError(
                f"{path}: verification found redacted text still in the output at "
                f"{'; '.join(report.hits[:5])}; the output was deleted"
            )
        residual = residual_entities(out_doc, doc.kind, decisions, settings, detector, limits)
        entities: list[Entity] = decisions.entities + decisions.kept
        entities += [replace(e, id=f"R{i:03d}") for i, e in enumerate(residual, start=1)]
        log = log_document(
            doc=doc,
            settings=settings,
            entities=entities,
            sections=plan.sections,
            verification=report,
            output_name=names.document,
            output_sha256=hashlib.sha256(out_doc.read_bytes()).hexdigest(),
            scope_note=plan.note,
        )
        if extra_log:
            log.update(extra_log)
        write_csv(staged.path_for(names.csv), log_rows(doc, entities, plan.sections))
        write_json(staged.path_for(names.json), log)
        # The chair's report: one self-contained page, as confidential as the log.
        write_private(staged.path_for(names.html), render_html(log).encode("utf-8"))
        published = staged.publish(last=names.document)
    return Outcome(
        source=str(path),
        ok=True,
        outputs=[str(p) for p in published],
        counts=summary_counts(decisions.entities),
        needs_review=sum(1 for e in entities if e.status in ("needs_review", "residual"))
        + sum(1 for s in plan.sections if s.status == "needs_review"),
        seconds=round(time.perf_counter() - started, 2),
        words=doc.words,
        verification_seconds=report.seconds,
    )
