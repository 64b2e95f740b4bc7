"""The command line: parse options, call the library, print a summary, choose the exit code.

Only this module exits the process. Exit codes: 0 every input succeeded; 1 some input failed;
2 the command was given bad options or files (a pattern, policy or case file); 3 the spaCy
model is not installed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from anonymiser import __version__
from anonymiser.errors import AnonymiserError, ConfigError, ModelNotInstalled
from anonymiser.records import Outcome

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Anonymise UK safeguarding review drafts for publication, with a review log.",
)
console = Console(stderr=False, highlight=False)
errors = Console(stderr=True, highlight=False)

EXIT_FAILED = 1
EXIT_CONFIG = 2
EXIT_MODEL = 3


def _fail(exc: AnonymiserError) -> typer.Exit:
    errors.print(f"[bold red]error:[/] {exc}", soft_wrap=True)
    return typer.Exit(EXIT_MODEL if isinstance(exc, ModelNotInstalled) else EXIT_CONFIG)


def _version(value: bool) -> None:
    if value:
        console.print(f"anonymiser {__version__}")
        raise typer.Exit(0)


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """anonymiser: findings-only, anonymised safeguarding reviews, and a log to check them by."""


@app.command()
def redact(
    paths: Annotated[list[Path], typer.Argument(help="Drafts (.docx, .txt, .md) or folders of drafts.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the outputs (created if missing).")],
    case: Annotated[Path | None, typer.Option("--case", help="Case file (YAML): people, places, terms.")] = None,
    scope: Annotated[str, typer.Option(help="findings (the findings-only report) or full.")] = "findings",
    policy: Annotated[str, typer.Option(help="Policy name from patterns/policies/.")] = "scr",
    drop_images: Annotated[bool, typer.Option("--drop-images", help="Remove pictures from .docx outputs.")] = False,
    patterns: Annotated[Path | None, typer.Option(help="Use another patterns/ folder.")] = None,
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
        detector = Detector(settings)
    except AnonymiserError as exc:
        raise _fail(exc) from None
    outcomes = _run_with_progress(inputs, out, settings, detector, redact_many)
    _print_outcomes(outcomes, settings.scope)
    raise typer.Exit(0 if all(o.ok for o in outcomes) else EXIT_FAILED)


def _run_with_progress(inputs, out, settings, detector, redact_many) -> list[Outcome]:  # type: ignore[no-untyped-def]
    if len(inputs) == 1:
        return redact_many(inputs, out, settings, detector=detector)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=errors,
        transient=True,
    ) as progress:
        task = progress.add_task("Anonymising", total=len(inputs))
        return redact_many(
            inputs, out, settings, detector=detector, on_done=lambda _o: progress.advance(task)
        )


def _print_outcomes(outcomes: list[Outcome], scope: str) -> None:
    for outcome in outcomes:
        name = Path(outcome.source).name
        if not outcome.ok:
            continue
        table = Table(title=f"{name}  ({outcome.words:,} words, {outcome.seconds:.1f} s)", title_justify="left")
        table.add_column("category")
        table.add_column("entities", justify="right")
        for category, count in outcome.counts.items():
            table.add_row(category, str(count))
        table.add_row("[bold]needs review[/]", f"[bold]{outcome.needs_review}[/]")
        console.print(table)
        console.print(f"  verification passed ({outcome.verification_seconds:.2f} s); outputs:")
        for path in outcome.outputs:
            console.print(f"    {path}")
    failed = [o for o in outcomes if not o.ok]
    ok = len(outcomes) - len(failed)
    console.print(f"\n{ok} of {len(outcomes)} document(s) anonymised (scope: {scope}).")
    for outcome in failed:
        errors.print(f"[bold red]failed:[/] {outcome.error}", soft_wrap=True)


@app.command("eval")
def evaluate(
    target: Annotated[list[str], typer.Argument(help="A corpus folder with *.gold.yml files, or: tab FOLDER")],
    policy: Annotated[str, typer.Option(help="Policy name from patterns/policies/.")] = "scr",
    case: Annotated[Path | None, typer.Option("--case", help="Case file; default: case.yml in the corpus folder.")] = None,
    spans_out: Annotated[Path | None, typer.Option("--spans-out", help="TAB only: write the masked spans as JSON.")] = None,
    no_case: Annotated[bool, typer.Option("--no-case", help="Corpus only: run without the folder's case.yml.")] = False,
) -> None:
    """Measure detection: on gold-annotated samples, or on the TAB benchmark (`eval tab FOLDER`)."""
    from anonymiser.settings import load_settings

    try:
        if target and target[0] == "tab":
            if len(target) != 2:
                raise ConfigError("usage: anonymiser eval tab FOLDER [--policy strict] [--spans-out FILE]")
            from anonymiser.evaluate.run_tab import run_tab

            settings = load_settings(policy=policy, scope="full", case_file=case)
            console.print(run_tab(Path(target[1]), settings, spans_out))
            raise typer.Exit(0)
        if len(target) != 1:
            raise ConfigError("usage: anonymiser eval CORPUS_FOLDER")
        from anonymiser.evaluate.corpus import evaluate_corpus, format_corpus_report

        folder = Path(target[0])
        if case is None and not no_case and (folder / "case.yml").exists():
            case = folder / "case.yml"
        settings = load_settings(policy=policy, scope="full", case_file=case)
        report = evaluate_corpus(folder, settings)
        console.print(format_corpus_report(report, settings))
    except AnonymiserError as exc:
        raise _fail(exc) from None


if __name__ == "__main__":  # pragma: no cover
    app()
