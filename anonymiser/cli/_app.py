"""The typer app and what every command shares: consoles, exit codes, error printing.

Only the cli package exits the process. Exit codes: 0 every input succeeded; 1 some input
failed; 2 the command was given bad options or files (a pattern, policy, case or review
file); 3 the spaCy model is not installed.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from anonymiser import __version__
from anonymiser.errors import AnonymiserError, ModelNotInstalled

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


def fail(exc: AnonymiserError) -> typer.Exit:
    """Print a one-line error and return the Exit to raise."""
    errors.print(f"[bold red]error:[/] {escape(str(exc))}", soft_wrap=True)
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
