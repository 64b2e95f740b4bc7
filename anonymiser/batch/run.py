"""Run a batch: every draft in a folder, consistent labels, resumable, in parallel.

Step 1 reads, detects and decides every document that is not already done (in parallel).
The parent then gives every person one label for the whole batch (``people.assign_labels``).
Step 2 writes each document through the normal pipeline with those labels, replaying step
1's findings so the model does not run twice on the input (in parallel again). A failing
document becomes a failed row; the others carry on.

Outputs mirror the folder: ``FOLDER/police/imr.docx`` is written to ``OUT/police/``, so two
drafts with the same name in different sub-folders cannot collide.
"""

from __future__ import annotations

import multiprocessing
import queue
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from anonymiser.api import expand_inputs
from anonymiser.batch.people import assign_labels, batch_names, searched_in_other_drafts
from anonymiser.batch.resume import (
    PreviousRun,
    output_names,
    previous_run,
    sweep_partials,
)
from anonymiser.batch.summary import DocumentRow, write_summary
from anonymiser.batch.worker import (
    Analysed,
    AnalyseJob,
    SettingsSpec,
    Worker,
    WriteJob,
    init_forked_worker,
    init_pool_worker,
    pool_analyse,
    pool_ready,
    pool_write,
)
from anonymiser.detect.engine import Detector
from anonymiser.errors import AnonymiserError, ConfigError
from anonymiser.pipeline import OutputNames
from anonymiser.read.limits import InputLimits
from anonymiser.records import Outcome
from anonymiser.settings import Settings
from anonymiser.write.safe_output import prepare_out_dir, remove_outputs

BROKEN_WORKER = (
    "a worker process stopped unexpectedly (killed, or out of memory) while working on this "
    "document; nothing was written for it; run the batch again to retry"
)


class BatchEvents:
    """What a front end hears while a batch runs (progress bars); every hook does nothing here."""

    def started(self, documents: int, to_analyse: int) -> None:
        """The batch has ``documents`` drafts, of which ``to_analyse`` need step 1."""

    def analysed(self, row: DocumentRow) -> None:
        """Step 1 finished one document (``row.words`` is known when it succeeded)."""

    def writing(self, documents: int, words: int) -> None:
        """Step 2 is about to write ``documents`` documents of ``words`` words in all."""

    def written(self, row: DocumentRow) -> None:
        """Step 2 finished one document (ok or failed)."""


@dataclass
class BatchResult:
    rows: list[DocumentRow]  # in batch order (sorted by path)
    summary: Path
    seconds: float

    @property
    def failed(self) -> bool:
        return any(r.status == "failed" for r in self.rows)

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)


@dataclass(frozen=True)
class _Draft:
    document: str  # path relative to the folder, POSIX style
    source: Path
    out_dir: Path


def find_drafts(folder: Path, out_dir: Path) -> list[tuple[str, Path]]:
    """Every supported draft under ``folder``, sorted, except anything inside ``out_dir``."""
    out_resolved = out_dir.resolve()
    found = []
    for path in expand_inputs([folder], recursive=True):
        resolved = path.resolve()
        if resolved == out_resolved or out_resolved in resolved.parents:
            continue
        found.append((path.relative_to(folder).as_posix(), path))
    return sorted(found)


def run_batch(
    folder: Path,
    out_dir: Path,
    spec: SettingsSpec,
    *,
    workers: int = 1,
    force: bool = False,
    limits: InputLimits | None = None,
    settings: Settings | None = None,
    detector: Detector | None = None,
    events: BatchEvents | None = None,
) -> BatchResult:
    """Anonymise every draft under ``folder`` into ``out_dir``; write ``batch-summary.csv``.

    This process is one worker (with ``settings`` and ``detector`` if given, else built from
    ``spec``); ``workers`` > 1 adds that many less one worker processes, each loading the
    model once and building its settings from ``spec`` (a worker refuses to start if they
    differ from this process's: same fingerprint). Raises
    ConfigError when there are no drafts, and KeyboardInterrupt after cleaning up when
    interrupted (the summary then marks unfinished documents "interrupted").
    """
    started = time.perf_counter()
    limits = limits or InputLimits()
    events = events or BatchEvents()
    settings = settings or spec.load()
    fingerprint = settings.fingerprint()
    if not folder.is_dir():
        raise ConfigError(f"{folder}: not a folder")
    found = find_drafts(folder, out_dir)
    if not found:
        raise ConfigError(f"{folder}: no .docx, .txt or .md drafts found (sub-folders included)")
    prepare_out_dir(out_dir)
    sweep_partials(out_dir)

    rows = {document: DocumentRow(document, "pending") for document, _ in found}
    found_by_name = dict(found)
    drafts: list[_Draft] = []
    claimed: dict[tuple[Path, str], str] = {}
    for document, source in found:
        draft = _Draft(document, source, out_dir / Path(document).parent)
        slot = (draft.out_dir, OutputNames.for_input(source).csv)
        if slot in claimed:
            _fail(rows[document], f"{source}: its outputs would overwrite those of {claimed[slot]}; rename one")
            # Its logs are the other draft's, but its document is its own ("imr.anonymised.txt"
            # beside "imr.anonymised.md"): one an earlier run wrote would outlive this failure,
            # with no log left that describes it.
            other = found_by_name[claimed[slot]]
            remove_outputs(
                [draft.out_dir / n for n in output_names(source) if n not in output_names(other)]
            )
            continue
        claimed[slot] = document
        drafts.append(draft)

    previous: dict[str, PreviousRun] = {}
    if not force:
        for draft in drafts:
            done = previous_run(draft.source, draft.out_dir, fingerprint)
            if done is not None:
                previous[draft.document] = done
    to_analyse = [d for d in drafts if d.document not in previous]

    processes = max(0, min(workers, len(drafts)) - 1)
    runner = _Runner(Worker(settings, detector, limits), processes, spec, fingerprint, limits)
    try:
        if len(to_analyse) > 1:
            runner.start()  # before the front end's progress display starts a thread
        events.started(len(found), len(to_analyse))
        analysed: dict[str, Analysed] = {}
        jobs = [AnalyseJob(d.document, d.source) for d in to_analyse]
        for job, result in runner.analyse(jobs):
            row = rows[job.document]
            if isinstance(result, BaseException):
                _fail(row, _pool_failure(job.source, result))
            elif result.ok:
                analysed[job.document] = result
                row.words, row.seconds = result.words, result.seconds
            else:
                _fail(row, result.error or "failed", result.seconds)
            events.analysed(row)

        write_jobs = _write_jobs(drafts, analysed, previous, rows, settings)
        events.writing(len(write_jobs), sum(rows[j.document].words for j in write_jobs))
        for job, outcome in runner.write(write_jobs):
            row = rows[job.document]
            if isinstance(outcome, BaseException):
                _fail(row, _pool_failure(job.source, outcome))
            elif outcome.ok:
                row.status = "ok"
                row.entities = sum(outcome.counts.values())
                row.needs_review = outcome.needs_review
                row.seconds = round(row.seconds + outcome.seconds, 2)
                row.words = outcome.words
            else:
                _fail(row, outcome.error or "failed", row.seconds + outcome.seconds)
            events.written(row)
    except KeyboardInterrupt:
        runner.stop()
        for row in rows.values():
            if row.status == "pending":
                row.status = "interrupted"
        sweep_partials(out_dir)
        _remove_failed(drafts, rows)
        write_summary(out_dir, [rows[d] for d, _ in found])
        raise
    finally:
        runner.close()
    sweep_partials(out_dir)
    ordered = [rows[d] for d, _ in found]
    for row in ordered:
        if row.status == "pending":  # cannot happen; never report a silent success
            _fail(row, "internal error (the document was not processed)")
    _remove_failed(drafts, rows)
    summary = write_summary(out_dir, ordered)
    return BatchResult(rows=ordered, summary=summary, seconds=round(time.perf_counter() - started, 2))


def _write_jobs(
    drafts: Sequence[_Draft],
    analysed: dict[str, Analysed],
    previous: dict[str, PreviousRun],
    rows: dict[str, DocumentRow],
    settings: Settings,
) -> list[WriteJob]:
    """Labels for the whole batch, then a write job for each document that needs one.

    A finished document is skipped only if the labels it was written with are still the
    batch's labels (a new document earlier in the batch can move "Person A"), and the people
    the other drafts name in full, which it was searched for, are still the same.
    """
    order = [d for d in drafts if d.document in analysed or d.document in previous]
    # What each draft's first pass recorded: this run's, or the finished run's log.
    first_pass = [analysed.get(d.document) or previous[d.document] for d in order]
    people = [list(p.people) for p in first_pass]
    in_use = frozenset(label for p in first_pass for label in p.labels_in_use)
    labels = assign_labels(people, settings, in_use)
    everyone = [
        p.text for doc_people in people for p in doc_people if not p.case and searched_in_other_drafts(p.text, settings)
    ]
    # Everyone a draft names in full: each draft is searched for them too (decide's
    # ``known``), as for the people a case file lists.
    pool = batch_names([d.document for d in order], people, labels)
    jobs = []
    for draft, doc_labels, own, recorded in zip(order, labels, people, first_pass):
        # The people the other drafts found, for the check that this output names none of
        # them (worker.Relabel); a finished document is written again when they change.
        mine = {p.text for p in own}
        others = tuple(sorted({name for name in everyone if name not in mine}))
        # Not those it names in full itself (under their label): they are its own.
        named = {doc_labels[p.text] for p in own if len(p.text.split()) >= 2 and p.text in doc_labels}
        known = tuple(k for k in pool if k.label not in named)
        done = previous.get(draft.document)
        row = rows[draft.document]
        if done is not None and done.labels == doc_labels and done.others == others and done.known == known:
            row.status, row.entities, row.needs_review = "skipped", done.entities, done.needs_review
            continue
        job = WriteJob(
            draft.document,
            draft.source,
            draft.out_dir,
            doc_labels,
            tuple(own),
            others=others,
            labels_in_use=recorded.labels_in_use,
            known=known,
        )
        if done is not None:
            # Written before with other labels: write it again (the model runs once, here).
            row.words = done.words
        else:
            result = analysed[draft.document]
            job = replace(job, sha256=result.sha256, digest=result.digest, findings=tuple(result.findings))
        jobs.append(job)
    return jobs


def _remove_failed(drafts: Sequence[_Draft], rows: dict[str, DocumentRow]) -> None:
    """A document that failed keeps no outputs, not even an earlier run's, as with `redact`:
    nothing stale can be taken for this run's result. (A draft that failed because its names
    clash with another's is not in ``drafts``: those outputs are the other's.)"""
    for draft in drafts:
        if rows[draft.document].status == "failed":
            remove_outputs([draft.out_dir / name for name in output_names(draft.source)])


def _pool_failure(source: Path, error: BaseException) -> str:
    if isinstance(error, BrokenProcessPool):
        return f"{source}: {BROKEN_WORKER}"  # named, like every other error the batch prints
    return f"{source}: internal error in a worker process ({type(error).__name__}); nothing was written"


def _fail(row: DocumentRow, error: str, seconds: float = 0.0) -> None:
    row.status, row.error, row.seconds = "failed", error, round(seconds, 2)


# ------------------------------------------------------------------------------ runner

_Result = Any  # Analysed | Outcome, or the BrokenProcessPool a dead worker left


class _Runner:
    """Runs jobs in this process and, for more than one worker, in worker processes too.

    This process is always one of the workers. Every worker takes the largest job left, so
    the last jobs of a step are the smallest and no worker waits long for the others at its
    end (labels are agreed between the steps, so that wait is lost time).

    How worker processes start: on Linux, when this process runs no other thread, it loads
    its model and is then forked, so each worker starts with the model already loaded (in
    about 0.1 s, where a spawned one takes about 3 s to import and load: on two cores that
    was most of what a second worker lost). spaCy forks a loaded pipeline the same way for
    ``nlp.pipe(n_process=...)``. Forking a process that runs other threads can leave a lock
    held for ever in the child, so otherwise (another thread alive, or another platform)
    workers are spawned and each loads its own model. ``start`` forks before the progress
    display starts its thread. A worker that dies (killed, out of memory) breaks the pool:
    the document it was working on fails, this process finishes the rest of the step, and
    the next step starts a fresh pool.
    """

    def __init__(self, worker: Worker, processes: int, spec: SettingsSpec, fingerprint: str, limits: InputLimits) -> None:
        self.worker = worker
        self.processes = processes
        self.spec = spec
        self.fingerprint = fingerprint
        self.limits = limits
        self._executor: ProcessPoolExecutor | None = None

    def analyse(self, jobs: Sequence[AnalyseJob]) -> Iterator[tuple[AnalyseJob, Analysed | BaseException]]:
        return self._run(self.worker.analyse, pool_analyse, jobs)

    def write(self, jobs: Sequence[WriteJob]) -> Iterator[tuple[WriteJob, Outcome | BaseException]]:
        return self._run(self.worker.write, pool_write, jobs)

    def start(self) -> None:
        """Start the worker processes now (forked, if it is safe, with the model loaded)."""
        if self.processes < 1 or self._executor is not None:
            return
        self._pool()

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            forked = None
            if can_fork() and self._load_model():
                # Checked again: loading must not have left a thread running.
                forked = self._forked_pool() if can_fork() else None
            self._executor = forked or ProcessPoolExecutor(
                max_workers=self.processes,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=init_pool_worker,
                initargs=(self.spec, self.fingerprint, self.limits),
            )
        return self._executor

    def _load_model(self) -> bool:
        """Load this process's model, for forked workers to inherit. A model that fails to
        load is not an error here: each document then fails with the reason, as when the
        workers are spawned."""
        try:
            self.worker.detector  # noqa: B018 - loads it
        except AnonymiserError:
            return False
        return True

    def _forked_pool(self) -> ProcessPoolExecutor | None:
        """Worker processes forked from this one, or None if they did not start."""
        executor = ProcessPoolExecutor(
            max_workers=self.processes,
            mp_context=multiprocessing.get_context("fork"),
            initializer=init_forked_worker,
            initargs=(self.worker,),
        )
        try:
            # The pool forks at its first task: make that happen now, while this process
            # still runs no other thread.
            if executor.submit(pool_ready).result():
                return executor
        except BrokenProcessPool:
            pass
        executor.shutdown(wait=True, cancel_futures=True)
        return None

    def _run(self, here: Callable[[Any], Any], there: Callable[[Any], Any], jobs: Sequence[Any]) -> Iterator[tuple[Any, _Result]]:
        pending = deque(sorted(jobs, key=_size, reverse=True))
        if self.processes < 1 or len(pending) < 2:
            while pending:
                job = pending.popleft()
                yield job, here(job)
            return
        feed = _Feed(self._pool(), there, pending)
        feed.start(self.processes)
        while True:
            yield from feed.results()
            job = feed.take_next()
            if job is not None:
                yield job, here(job)
            elif not feed.waiting():
                break
            else:
                yield feed.next_result()
        if feed.broken:
            self.close()

    def stop(self) -> None:
        """After Ctrl-C: end the worker processes now rather than wait for their documents."""
        executor, self._executor = self._executor, None
        if executor is None:
            return
        # The workers ignore Ctrl-C. (``_processes`` is CPython's own; Python 3.14 adds
        # terminate_workers() for this.)
        processes = list((getattr(executor, "_processes", None) or {}).values())
        executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        for process in processes:
            process.join(timeout=30)

    def close(self) -> None:
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)


class _Feed:
    """Hands jobs to the worker processes one at a time, as each one finishes a document.

    Each worker process gets its next document the moment it finishes one (from the pool's
    callback thread), never a queue of them: a document queued behind a busy worker could
    leave this process idle at the end of the step while the worker still has two to do.
    The pool and this process both take from the front of ``pending`` (largest first).
    """

    def __init__(self, pool: ProcessPoolExecutor, there: Callable[[Any], Any], pending: deque[Any]) -> None:
        self.pool = pool
        self.there = there
        self.pending = pending
        self.broken = False
        self._lock = threading.Lock()
        self._done: queue.SimpleQueue[tuple[Any, _Result]] = queue.SimpleQueue()
        self._outstanding = 0  # sent to the pool and not yet taken from ``_done``

    def start(self, processes: int) -> None:
        for _ in range(processes):
            self._send_next()

    def _send_next(self) -> None:
        with self._lock:
            if self.broken or not self.pending:
                return
            job = self.pending.popleft()
            try:
                future = self.pool.submit(self.there, job)
            except (BrokenProcessPool, RuntimeError):  # the pool is broken or shut down
                self.broken = True
                self.pending.appendleft(job)  # this process will do it
                return
            self._outstanding += 1
        future.add_done_callback(lambda f: self._finished(job, f))

    def _finished(self, job: Any, future: Future[Any]) -> None:
        # Runs on the pool's thread: it must never raise.
        if future.cancelled():
            return
        error = future.exception()
        if isinstance(error, BrokenProcessPool):
            self.broken = True
        self._done.put((job, error if error is not None else future.result()))
        self._send_next()

    def take_next(self) -> Any | None:
        with self._lock:
            return self.pending.popleft() if self.pending else None

    def waiting(self) -> bool:
        with self._lock:
            return self._outstanding > 0

    def results(self) -> Iterator[tuple[Any, _Result]]:
        while True:
            try:
                item = self._done.get_nowait()
            except queue.Empty:
                return
            with self._lock:
                self._outstanding -= 1
            yield item

    def next_result(self) -> tuple[Any, _Result]:
        item = self._done.get()
        with self._lock:
            self._outstanding -= 1
        return item


def can_fork() -> bool:
    """Whether worker processes may be forked from this one: on Linux, and only while this
    process runs no other thread."""
    return (
        sys.platform.startswith("linux")
        and "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
    )


def _size(job: AnalyseJob | WriteJob) -> int:
    try:
        return job.source.stat().st_size
    except OSError:
        return 0
