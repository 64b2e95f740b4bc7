"""What a batch worker does with one document, in two steps.

1. ``Worker.analyse``: read, detect and decide; report the document's people and the
   detector's findings (small, picklable).
2. ``Worker.write``: run the normal pipeline (``process_document``) with the batch's labels.
   The first step's findings are replayed instead of running the model again, and an
   ``adjust`` hook puts the batch-wide labels on the people.

The same code runs in this process (one worker) or in a pool of processes. A pool worker
loads the settings and the model once, in ``init_pool_worker``.
"""

from __future__ import annotations

import hashlib
import signal
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from presidio_analyzer import EntityRecognizer

from anonymiser.batch.people import BatchName, PersonSummary, people_in
from anonymiser.decide.decide import Decisions
from anonymiser.decide.keep import TermMatcher
from anonymiser.decide.sections import SectionPlan
from anonymiser.detect.engine import Detector
from anonymiser.detect.names import name_variants
from anonymiser.errors import AnonymiserError
from anonymiser.pipeline import analyse, process_document
from anonymiser.read import read_document
from anonymiser.read.document import SourceDocument
from anonymiser.read.limits import InputLimits
from anonymiser.records import Edit, Finding, Outcome, TextUnit
from anonymiser.settings import Settings, load_settings
from anonymiser.verify.rescan import verify_chunks
from anonymiser.write.text import apply_edits


class BatchMismatch(AnonymiserError):
    """A document changed between the two steps of a batch (or the steps disagree)."""


@dataclass(frozen=True)
class SettingsSpec:
    """How to build the run's Settings, so that a worker process can build its own.

    (``Settings`` itself holds read-only mappings that cannot be pickled.)
    """

    policy: str = "scr"
    scope: str = "findings"
    case_file: Path | None = None
    patterns_dir: Path | None = None
    drop_images: bool = False

    def load(self) -> Settings:
        return load_settings(
            policy=self.policy,
            scope=self.scope,
            case_file=self.case_file,
            patterns_dir=self.patterns_dir,
            drop_images=self.drop_images,
        )


@dataclass(frozen=True)
class AnalyseJob:
    document: str  # the path relative to the batch folder, as the summary shows it
    source: Path


@dataclass
class Analysed:
    document: str
    ok: bool
    sha256: str = ""
    words: int = 0
    digest: str = ""  # of the units the findings belong to
    findings: list[Finding] = field(default_factory=list)
    people: list[PersonSummary] = field(default_factory=list)
    labels_in_use: tuple[str, ...] = ()  # labels the draft itself uses ("Police Officer 1")
    seconds: float = 0.0
    error: str | None = None


@dataclass(frozen=True)
class WriteJob:
    document: str
    source: Path
    out_dir: Path
    labels: Mapping[str, str]  # person text -> batch label
    people: tuple[PersonSummary, ...]
    sha256: str = ""  # the input the labels were worked out for ("" = not known)
    digest: str = ""  # with ``findings``: replay them instead of running the model
    findings: tuple[Finding, ...] | None = None
    # People the other drafts found who are not in the case file: the output must not
    # name them (see Relabel).
    others: tuple[str, ...] = ()
    labels_in_use: tuple[str, ...] = ()  # recorded for a later run's labels (resume.py)
    # People other drafts name in full: found in this one too, with the batch's labels.
    known: tuple[BatchName, ...] = ()


def units_digest(units: Sequence[TextUnit]) -> str:
    digest = hashlib.sha256()
    for unit in units:
        digest.update(f"{unit.uid}\x00{len(unit.text)}\x00".encode())
        digest.update(unit.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class _Recording(Detector):
    """A detector that keeps what the live one found for the input's units."""

    def __init__(self, live: Detector) -> None:  # noqa: D107 - nothing to load: it delegates
        self.live = live
        self.settings = live.settings
        self.entities = live.entities
        self.digest = ""
        self.findings: list[Finding] = []

    def detect(
        self, units: Sequence[TextUnit], ad_hoc: Iterable[EntityRecognizer] = (), *, model: bool = True
    ) -> list[Finding]:
        found = self.live.detect(units, ad_hoc, model=model)
        if model:
            self.digest, self.findings = units_digest(units), list(found)
        return found


class _Replay(Detector):
    """A detector that hands back the first step's findings for the same units.

    Detection is a pure function of the units and the settings, so replaying is exactly
    what running the model again would give. Anything else (the verification re-scan of
    the written output) goes to the live detector.
    """

    def __init__(self, live: Detector, digest: str, findings: Sequence[Finding]) -> None:  # noqa: D107
        self.live = live
        self.settings = live.settings
        self.entities = live.entities
        self._digest = digest
        self._findings = list(findings)

    def detect(
        self, units: Sequence[TextUnit], ad_hoc: Iterable[EntityRecognizer] = (), *, model: bool = True
    ) -> list[Finding]:
        if model and units_digest(units) == self._digest:
            return list(self._findings)
        return self.live.detect(units, ad_hoc, model=model)


@dataclass(frozen=True)
class Relabel:
    """The ``adjust`` hook that gives a document's people their batch-wide labels.

    Only replacement texts change: what is redacted, and so what verification searches
    for (``secrets``), stays exactly as decided.
    """

    labels: Mapping[str, str]
    sha256: str = ""
    others: tuple[str, ...] = ()
    terms: TermMatcher | None = None  # practice terms, never a person's name ("Early Help")
    # The labels of the people other drafts name in full (WriteJob.known), by name, and the
    # labels of a word several of them bear ("(family name)"), which stay as decided.
    known: Mapping[str, str] = field(default_factory=dict)
    shared: frozenset[str] = frozenset()

    def __call__(
        self, doc: SourceDocument, decisions: Decisions, plan: SectionPlan
    ) -> tuple[Decisions, SectionPlan]:
        if self.sha256 and doc.sha256 != self.sha256:
            raise BatchMismatch(f"{doc.path}: the file changed while the batch was running; run the batch again")
        _check_others(doc, decisions, plan, self.others, self.terms)
        people = [e for e in decisions.entities if e.category == "PERSON" and e.action == "redact"]
        labels = {**self.known, **self.labels}
        # The other drafts' people come on top of the first pass's, and may take over a form
        # the first pass gave someone of its own; none other may come or go.
        own = {e.text for e in people if e.text in self.labels}
        new = {e.text for e in people if e.text not in labels and e.replacement not in self.shared}
        if new or (own != set(self.labels) and not self.known):
            raise BatchMismatch(
                f"{doc.path}: the people found differ from the batch's first pass; run the batch again"
            )
        # A name several people share keeps the label the draft gave it ("(family name)"): the
        # batch's labels are keyed by text, and a titled "Ms Marsh" shares that text.
        ids = {id(e) for e in people if e.text in labels and e.replacement not in self.shared}
        by_place: dict[tuple[int, int, int], str] = {}
        entities = []
        for entity in decisions.entities:
            if id(entity) in ids:
                label = labels[entity.text]
                by_place.update({(o.unit, o.start, o.end): label for o in entity.occurrences})
                entity = replace(entity, replacement=label)
            entities.append(entity)
        edits = [replace(e, replacement=by_place.get((e.unit, e.start, e.end), e.replacement)) for e in decisions.edits]
        return replace(decisions, entities=entities, edits=edits), plan


class Worker:
    """Settings, model and limits for one process; analyses and writes documents."""

    def __init__(self, settings: Settings, detector: Detector | None, limits: InputLimits) -> None:
        self.settings = settings
        self._detector = detector
        self.limits = limits

    @property
    def detector(self) -> Detector:
        # Built on first use: a batch where every document is up to date never loads the model.
        if self._detector is None:
            self._detector = Detector(self.settings)
        return self._detector

    def analyse(self, job: AnalyseJob) -> Analysed:
        started = time.perf_counter()
        try:
            doc = read_document(job.source, self.limits)
            recording = _Recording(self.detector)
            decisions, _plan = analyse(doc, self.settings, recording)
            return Analysed(
                document=job.document,
                ok=True,
                sha256=doc.sha256,
                words=doc.words,
                digest=recording.digest,
                findings=recording.findings,
                people=people_in(decisions, self.settings),
                labels_in_use=tuple(sorted(decisions.labels_in_use)),
                seconds=_since(started),
            )
        except Exception as exc:  # noqa: BLE001 - a bad document is a failed row, never a stopped batch
            return Analysed(document=job.document, ok=False, error=describe_failure(job.source, exc), seconds=_since(started))

    def write(self, job: WriteJob) -> Outcome:
        started = time.perf_counter()
        try:
            detector = self.detector
            if job.findings is not None:
                detector = _Replay(detector, job.digest, job.findings)
            job.out_dir.mkdir(parents=True, exist_ok=True)
            return process_document(
                job.source,
                job.out_dir,
                self.settings,
                detector,
                self.limits,
                adjust=Relabel(
                    job.labels,
                    job.sha256,
                    job.others,
                    self.settings.keep.matcher,
                    known={k.name: k.label for k in job.known},
                    shared=frozenset(
                        {self.settings.replacements.shared_name, self.settings.replacements.shared_given_name}
                    ),
                ),
                extra_log={
                    "batch": {
                        "document": job.document,
                        "people": [p.as_json() for p in job.people],
                        "labels": dict(sorted(job.labels.items())),
                        "others": list(job.others),
                        "labels_in_use": list(job.labels_in_use),
                        "known": [k.as_json() for k in job.known],
                    }
                },
                known=[k.known() for k in job.known],
            )
        except Exception as exc:  # noqa: BLE001
            return Outcome(source=str(job.source), ok=False, error=describe_failure(job.source, exc), seconds=_since(started))


def _check_others(
    doc: SourceDocument,
    decisions: Decisions,
    plan: SectionPlan,
    others: Sequence[str],
    terms: TermMatcher | None = None,
) -> None:
    """Fail closed when the output would name someone another draft of the batch found.

    Each draft is detected on its own: "Treharne did not refer" is a surname to a draft
    that names Dr Alwyn Treharne in full, and a word to one that does not. The output of
    every draft is searched, before it is written, for the names (full, first and last)
    of the people the other drafts found, and the draft fails if one is still there, other
    than inside what this draft kept (an agency's name, a name the case file keeps). The
    consultant adds the person to the case file, and every draft then knows them.
    """
    variants = [
        v
        for name in others
        for v in name_variants(name)
        if any(ch.islower() for ch in v.text)  # names and name parts, not initials
    ]
    if not variants:
        return
    # The same search as verification's, on the text as it will be written: our labels
    # and the practice terms ("Early" of Grace Early inside "Early Help") are not hits.
    by_unit: dict[int, list[Edit]] = {}
    for edit in decisions.edits:
        by_unit.setdefault(edit.unit, []).append(edit)
    chunks = [
        (unit.location.describe(), apply_edits(unit.text, by_unit.get(unit.uid, [])))
        for unit in doc.units
        if unit.uid not in plan.drop_units
    ]
    labels = sorted({e.replacement for e in decisions.edits if e.replacement.strip()})
    # What this draft kept is allowed to hold them, as verification allows the model's places
    # inside kept agency names: another draft's model took "Westmere" of "the Westmere
    # procedures" for a person, and every draft that kept "Westmere Constabulary" failed.
    report = verify_chunks(chunks, [], labels, loose=variants, loose_allowed=decisions.kept_texts, terms=terms)
    places = list(dict.fromkeys(hit.rsplit(", characters ", 1)[0] for hit in report.hits))
    if places:
        raise BatchMismatch(
            f"{doc.path}: names someone another draft of the batch names in full, without "
            f"redacting them here (at {'; '.join(places[:3])}); add the people of the review "
            "to the case file and run the batch again"
        )


def describe_failure(source: Path, exc: Exception) -> str:
    """The summary's error text: our own messages as they are, a bug only by its type
    (an unexpected exception's message might quote the draft)."""
    if isinstance(exc, AnonymiserError):
        return str(exc)
    return f"{source}: internal error ({type(exc).__name__}); nothing was written"


def _since(started: float) -> float:
    return round(time.perf_counter() - started, 2)


# ------------------------------------------------------------------ pool processes

# A pool process's Worker, set once by the pool's initializer. This is the one place
# where a module holds state: each worker process must load the model once (or inherit it,
# forked) and keep it for every task the pool sends it, and an initializer can hand it on
# in no other way.
_process_worker: Worker | None = None
_process_error: str | None = None


def init_pool_worker(spec: SettingsSpec, fingerprint: str, limits: InputLimits) -> None:
    """Load settings and the model in a new pool process."""
    global _process_worker, _process_error
    # Ctrl-C is the parent's to handle: it stops the workers and cleans up after them.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        settings = spec.load()
        if settings.fingerprint() != fingerprint:
            raise BatchMismatch("the patterns or case file changed while the batch was starting; run it again")
        _process_worker = Worker(settings, Detector(settings), limits)
    except AnonymiserError as exc:
        _process_error = str(exc)


def init_forked_worker(worker: Worker) -> None:
    """In a process forked from the batch's own: its worker, model loaded, inherited as is."""
    global _process_worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _process_worker = worker


def pool_ready() -> bool:
    """A task that does nothing: sent once so that a forking pool starts its processes."""
    return _process_worker is not None


def pool_analyse(job: AnalyseJob) -> Analysed:
    if _process_worker is None:
        return Analysed(document=job.document, ok=False, error=_process_error or "the worker did not start")
    return _process_worker.analyse(job)


def pool_write(job: WriteJob) -> Outcome:
    if _process_worker is None:
        return Outcome(source=str(job.source), ok=False, error=_process_error or "the worker did not start")
    return _process_worker.write(job)
