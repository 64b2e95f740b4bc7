"""`anonymiser redact`: anonymise drafts, one output and review log each."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.markup import escape
from rich.table import Table

from anonymiser.cli._app import EXIT_FAILED, app, console, errors, fail
from anonymiser.errors import AnonymiserError, ConfigError, ReviewMismatch
from anonymiser.records import Outcome


@app.command()
def redact(
    paths: Annotated[list[Path], typer.Argument(help="Drafts (.docx, .txt, .md) or folders of drafts.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the outputs (created if missing).")],
    case: Annotated[Path | None, typer.Option("--case", help="Case file (YAML): people, places, terms.")] = None,
    scope: Annotated[str, typer.Option(help="findings (the findings-only report) or full.")] = "findings",
    policy: Annotated[str, typer.Option(help="Policy name from patterns/policies/.")] = "scr",
    drop_images: Annotated[bool, typer.Option("--drop-images", help="Remove pictures from .docx outputs.")] = False,
    patterns: Annotated[Path | None, typer.Option(help="Use another patterns/ folder.")] = None,
    previous_review: Annotated[
        Path | None,
        typer.Option(
            "--previous-review",
            help="The review CSV of the previous version of this draft: carry its decisions over.",
        ),
    ] = None,
) -> None:
    """Anonymise drafts; write NAME.anonymised.EXT, NAME.review.csv and NAME.review.json for each."""
    from anonymiser.api import expand_inputs, redact_many
    from anonymiser.detect.engine import Detector
    from anonymiser.settings import load_settings

    try:
        settings = load_settings(
            policy=policy, scope=scope, case_file=case, patterns_dir=patterns, drop_images=drop_images
        )
        inputs = expand_inputs(paths)
        if not inputs:
            raise ConfigError("no .docx, .txt or .md drafts found in the paths given")
        # Before the model loads: a previous review that cannot be carried over fails fast.
        review = _previous_review(inputs, settings, previous_review) if previous_review is not None else None
        detector = Detector(settings)
    except AnonymiserError as exc:
        raise fail(exc) from None
    if previous_review is not None:
        _redact_with_previous_review(inputs, out, settings, detector, previous_review, review)
    try:
        outcomes = run_with_progress(
            len(inputs), lambda hook: redact_many(inputs, out, settings, detector=detector, on_done=hook)
        )
    except ConfigError as exc:  # an --out that cannot be a folder
        raise fail(exc) from None
    print_outcomes(outcomes, settings.scope)
    raise typer.Exit(0 if all(o.ok for o in outcomes) else EXIT_FAILED)


def run_with_progress(total: int, work: Callable[[Callable[[Outcome], None] | None], list[Outcome]]) -> list[Outcome]:
    """Run ``work`` with a progress bar over documents when there is more than one."""
    if total <= 1:
        return work(None)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=errors,
        transient=True,
    ) as progress:
        task = progress.add_task("Anonymising", total=total)
        return work(lambda _o: progress.advance(task))


def _previous_review(inputs, settings, previous_review):  # type: ignore[no-untyped-def]
    """The previous review, once it is known to be usable with these settings: raises
    ConfigError (SettingsMismatch) for one made with a policy, scope, patterns or case file
    its decisions cannot be carried over under."""
    from anonymiser.review.carry_over import check_settings
    from anonymiser.review.decisions import load_review

    if len(inputs) != 1:
        raise ConfigError("--previous-review takes one draft: the new version of the reviewed one")
    review = load_review(previous_review)
    check_settings(review, settings)
    return review


def _redact_with_previous_review(inputs, out, settings, detector, previous_review, review) -> None:  # type: ignore[no-untyped-def]
    from anonymiser.review.carry_over import redact_with_previous_review

    try:
        carried = redact_with_previous_review(inputs[0], out, settings, detector, previous_review, review=review)
    except (ConfigError, ReviewMismatch) as exc:
        raise fail(exc) from None
    except AnonymiserError as exc:
        errors.print(f"[bold red]failed:[/] {escape(str(exc))}", soft_wrap=True)
        raise typer.Exit(EXIT_FAILED) from None
    print_outcomes([carried.outcome], settings.scope)
    for line in carried.summary_lines():
        console.print(escape(line), soft_wrap=True)
    raise typer.Exit(0)


def print_outcomes(outcomes: list[Outcome], scope: str) -> None:
    for outcome in outcomes:
        name = Path(outcome.source).name
        if not outcome.ok:
            continue
        table = Table(
            title=f"{escape(name)}  ({outcome.words:,} words, {outcome.seconds:.1f} s)", title_justify="left"
        )
        table.add_column("category")
        table.add_column("entities", justify="right")
        for category, count in outcome.counts.items():
            table.add_row(category, str(count))
        table.add_row("[bold]needs review[/]", f"[bold]{outcome.needs_review}[/]")
        console.print(table)
        console.print(f"  verification passed ({outcome.verification_seconds:.2f} s); outputs:")
        for path in outcome.outputs:
            console.print(f"    {escape(path)}")
    failed = [o for o in outcomes if not o.ok]
    ok = len(outcomes) - len(failed)
    console.print(f"\n{ok} of {len(outcomes)} document(s) anonymised (scope: {scope}).")
    for outcome in failed:
        errors.print(f"[bold red]failed:[/] {escape(outcome.error or '')}", soft_wrap=True)


