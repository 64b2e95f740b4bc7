"""`anonymiser batch`: every draft in a folder, one label per person across all of them."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from anonymiser.batch.run import BatchEvents
from anonymiser.batch.summary import DocumentRow
from anonymiser.cli._app import EXIT_FAILED, app, console, errors, fail
from anonymiser.errors import AnonymiserError

# The shell's convention for a command stopped by Ctrl-C.
EXIT_INTERRUPTED = 130


class _Bars(BatchEvents):
    """Two bars: documents analysed (with a running word count), then words written."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.analysing: TaskID | None = None
        self.writing_task: TaskID | None = None
        self.words = 0
        self.docs_written = 0
        self.docs_to_write = 0

    def started(self, documents: int, to_analyse: int) -> None:
        # Shown from here, not before the batch starts: the display runs a thread, and the
        # batch forks its worker processes only while none runs (see batch/run.py).
        self.progress.start()
        if to_analyse:
            self.analysing = self.progress.add_task("Detecting", total=to_analyse, unit="documents", note="")

    def analysed(self, row: DocumentRow) -> None:
        if self.analysing is not None:
            self.words += row.words
            self.progress.update(self.analysing, advance=1, note=f"{self.words:,} words")

    def writing(self, documents: int, words: int) -> None:
        self.docs_to_write = documents
        if documents:
            self.writing_task = self.progress.add_task(
                "Writing", total=max(words, 1), unit="words", note=f"0/{documents} documents"
            )

    def written(self, row: DocumentRow) -> None:
        if self.writing_task is not None:
            self.docs_written += 1
            self.progress.update(
                self.writing_task,
                advance=row.words,
                note=f"{self.docs_written}/{self.docs_to_write} documents",
            )


@app.command()
def batch(
    folder: Annotated[Path, typer.Argument(help="A folder of drafts (.docx, .txt, .md); sub-folders included.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the outputs; sub-folders mirror FOLDER's.")],
    case: Annotated[Path | None, typer.Option("--case", help="Case file (YAML): people, places, terms.")] = None,
    workers: Annotated[int, typer.Option(min=1, help="Documents processed at once; each worker is a process that loads the model once.")] = 1,
    force: Annotated[bool, typer.Option("--force", help="Process documents that are already done.")] = False,
    policy: Annotated[str, typer.Option(help="Policy name from patterns/policies/.")] = "scr",
    scope: Annotated[str, typer.Option(help="findings (the findings-only report) or full.")] = "findings",
    drop_images: Annotated[bool, typer.Option("--drop-images", help="Remove pictures from .docx outputs.")] = False,
    patterns: Annotated[Path | None, typer.Option(help="Use another patterns/ folder.")] = None,
) -> None:
    """Anonymise every draft in FOLDER with the same label for each person in all of them.

    Writes each document's outputs as `redact` does, plus OUT/batch-summary.csv. Documents
    already done with the same input and settings are skipped (use --force to redo them).
    """
    from anonymiser.batch import SettingsSpec, run_batch

    spec = SettingsSpec(
        policy=policy, scope=scope, case_file=case, patterns_dir=patterns, drop_images=drop_images
    )
    try:
        settings = spec.load()
        _check_model(settings.model)
    except AnonymiserError as exc:
        raise fail(exc) from None
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[unit]}  {task.fields[note]}"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=errors,
        transient=True,
    )
    try:
        try:
            result = run_batch(
                folder,
                out,
                spec,
                workers=workers,
                force=force,
                settings=settings,
                events=_Bars(progress),
            )
        finally:
            progress.stop()
    except AnonymiserError as exc:
        raise fail(exc) from None
    except KeyboardInterrupt:
        errors.print(
            "[bold red]interrupted:[/] finished documents were kept; nothing half-written was left. "
            "Run the same command again to carry on.",
            soft_wrap=True,
        )
        raise typer.Exit(EXIT_INTERRUPTED) from None
    for row in result.rows:
        if row.status == "failed":
            errors.print(f"[bold red]failed:[/] {escape(row.error)}", soft_wrap=True)
    console.print(
        f"{result.count('ok')} written, {result.count('skipped')} already done, "
        f"{result.count('failed')} failed, of {len(result.rows)} document(s) in {result.seconds:.1f} s "
        f"(scope: {scope}).\nSummary: {escape(str(result.summary))}"
    )
    raise typer.Exit(EXIT_FAILED if result.failed else 0)


def _check_model(name: str) -> None:
    """Fail before starting workers when the model is missing (each would fail on its own)."""
    import spacy

    from anonymiser.errors import ModelNotInstalled

    if not spacy.util.is_package(name):
        raise ModelNotInstalled(
            f"the spaCy model package {name!r} is not installed; run `make setup` or `pip install` "
            "the model package named in patterns/anonymiser.yml (anonymiser never downloads models)"
        )
