"""`anonymiser case`: propose a case file from the drafts, for the consultant to edit."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from anonymiser.cli._app import EXIT_FAILED, app, console, errors, fail
from anonymiser.errors import AnonymiserError, ConfigError, ModelNotInstalled


@app.command()
def case(
    paths: Annotated[list[Path], typer.Argument(help="Drafts (.docx, .txt, .md) or folders of drafts (sub-folders included).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The case file to write (.yml); never replaced without --force.")],
    case_file: Annotated[
        Path | None, typer.Option("--case", help="An existing case file: kept as it is, with what is new added.")
    ] = None,
    policy: Annotated[str, typer.Option(help="Policy name from patterns/policies/.")] = "scr",
    patterns: Annotated[Path | None, typer.Option(help="Use another patterns/ folder.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace OUT if it exists.")] = False,
) -> None:
    """Propose a case file: the people, places and agencies the drafts name, as detection finds them.

    Every draft is read, detected and decided as `redact` would, and nothing else is written.
    People are joined across drafts as `batch` joins them, with the label it would give; each
    entry says where it was first found and how. The file names everyone: it is written
    readable by its owner only.
    """
    from anonymiser.detect.engine import Detector
    from anonymiser.propose.collect import propose_case
    from anonymiser.propose.render import ExistingCase, check_out, render_case_file, write_case_file
    from anonymiser.settings import load_settings

    try:
        # Before the model loads: a bad option or case file, or an --out already there.
        check_out(out, force=force, case=case_file)
        settings = load_settings(policy=policy, scope="full", case_file=case_file, patterns_dir=patterns)
        existing = ExistingCase.read(case_file) if case_file is not None else None
        detector = Detector(settings)
    except (ConfigError, ModelNotInstalled) as exc:
        raise fail(exc) from None
    try:
        proposal = propose_case(paths, settings, detector)
    except ConfigError as exc:
        raise fail(exc) from None
    except AnonymiserError as exc:
        # A draft that cannot be read: no file, since a proposal without it would look whole.
        errors.print(f"[bold red]error:[/] {escape(str(exc))}; no case file was written", soft_wrap=True)
        raise typer.Exit(EXIT_FAILED) from None
    try:
        write_case_file(out, render_case_file(proposal, existing), force=force, case=case_file)
    except ConfigError as exc:
        raise fail(exc) from None
    listed = [p for p in proposal.people if not p.left_out]
    places = [t for t in proposal.terms if not t.left_out]
    doubtful = len(proposal.people) - len(listed) + len(proposal.terms) - len(places)
    console.print(
        f"Proposed case file from {len(proposal.drafts)} draft(s): {len(listed)} {'new ' if existing else ''}"
        f"people, {len(places)} {'new ' if existing else ''}addresses and places, {doubtful} doubtful entries left as comments, "
        f"{len(proposal.keep)} terms proposed to keep (commented)."
    )
    console.print(f"    {escape(str(out))}  (confidential: it names everyone; check every entry)")
