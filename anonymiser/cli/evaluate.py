"""`anonymiser eval`: measure detection on gold samples or on the TAB benchmark."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from anonymiser.cli._app import app, console, fail
from anonymiser.errors import AnonymiserError, ConfigError


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
        raise fail(exc) from None


