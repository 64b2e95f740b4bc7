"""`anonymiser appendix`: the IMR recommendations appendix, anonymised, with its review log."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from anonymiser.cli._app import EXIT_FAILED, app, console, errors, fail
from anonymiser.errors import AnonymiserError, ConfigError, ModelNotInstalled


@app.command()
def appendix(
    paths: Annotated[
        list[Path], typer.Argument(help="IMRs (.docx, .txt, .md) or folders of IMRs, in the order wanted.")
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="The appendix to write, e.g. appendix.docx.")],
    case: Annotated[Path | None, typer.Option("--case", help="Case file (YAML): people, places, terms.")] = None,
    policy: Annotated[str, typer.Option(help="Policy name from patterns/policies/.")] = "scr",
    patterns: Annotated[Path | None, typer.Option(help="Use another patterns/ folder.")] = None,
) -> None:
    """List each IMR's recommendations under its agency; write FILE.docx, FILE.txt and FILE.review.csv/.json.

    Agencies appear in the order the IMRs are given (a folder's files sorted by name); IMRs of
    the same agency (however its name is capitalised or spaced) share one heading, their
    recommendations in the order given. The appendix is anonymised and verified like any draft; if anything fails, nothing is written.
    """
    from anonymiser.appendix import build_appendix, headings, problems, shared_headings
    from anonymiser.detect.engine import Detector
    from anonymiser.settings import load_settings

    try:
        settings = load_settings(policy=policy, scope="full", case_file=case, patterns_dir=patterns)
        result = build_appendix(paths, out, settings, make_detector=Detector)
    except (ConfigError, ModelNotInstalled) as exc:
        raise fail(exc) from None
    except AnonymiserError as exc:
        # A draft that cannot be read, or an appendix that did not verify: a failed input.
        errors.print(f"[bold red]error:[/] {exc}", soft_wrap=True)
        raise typer.Exit(EXIT_FAILED) from None

    for warning in problems(result.sources):
        errors.print(f"[yellow]warning:[/] {warning}", soft_wrap=True)
    for note in shared_headings(result.sources):
        errors.print(f"note: {note}", soft_wrap=True, markup=False, highlight=False)
    total = sum(len(s.recommendations.items) for s in result.sources)
    agencies = max(headings(result.sources), default=0)
    console.print(
        f"Appendix: {total} recommendation(s) from {len(result.sources)} IMR(s) under {agencies} agency heading(s); "
        f"verification passed ({result.outcome.verification_seconds:.2f} s); "
        f"{result.outcome.needs_review} item(s) need review. Outputs:"
    )
    for path in result.outputs:
        console.print(f"    {path}")
