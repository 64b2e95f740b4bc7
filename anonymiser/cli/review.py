"""`anonymiser apply`, `approve` and `review`: the review workflow on the command line."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from anonymiser.cli._app import EXIT_CONFIG, app, console, errors, fail
from anonymiser.errors import AnonymiserError


@app.command("apply")
def apply_command(
    draft: Annotated[Path, typer.Argument(help="The draft the review log was made from (or its next version, with --carry-over).")],
    review: Annotated[Path, typer.Option("--review", help="The consultant's NAME.review.csv (its NAME.review.json must be beside it).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the output and its new log (not the review log's folder).")],
    draft_output: Annotated[
        bool, typer.Option("--draft", help="Write even while rows await a decision, marked DRAFT - NOT FOR PUBLICATION.")
    ] = False,
    carry_over: Annotated[
        bool, typer.Option("--carry-over", help="The log was made from another version of the draft: carry its decisions over.")
    ] = False,
    case: Annotated[Path | None, typer.Option("--case", help="The case file the log was made with.")] = None,
    policy: Annotated[str | None, typer.Option(help="Policy name; default: the one in the log.")] = None,
    scope: Annotated[str | None, typer.Option(help="findings or full; default: the one in the log.")] = None,
    patterns: Annotated[Path | None, typer.Option(help="Use another patterns/ folder.")] = None,
) -> None:
    """Write the output that the review log's decisions describe, with a new log and the chair's report."""
    from anonymiser.detect.engine import Detector
    from anonymiser.review.apply import apply_review, check_same_draft, settings_for_review
    from anonymiser.review.decisions import ReviewIncomplete, load_review

    try:
        loaded = load_review(review)
        if not carry_over:
            check_same_draft(loaded, draft)  # before the model loads: a wrong log fails fast
        settings, warnings = settings_for_review(loaded, case=case, policy=policy, scope=scope, patterns=patterns)
        detector = Detector(settings)
        result = apply_review(
            draft, review, out, settings, detector,
            draft_output=draft_output, carry_over=carry_over, review=loaded,
        )
    except ReviewIncomplete as exc:
        errors.print(f"[bold red]refused:[/] {escape(str(exc))}", soft_wrap=True)
        for line in exc.rows:
            errors.print(f"  {escape(line)}", soft_wrap=True)
        raise typer.Exit(EXIT_CONFIG) from None
    except AnonymiserError as exc:
        raise fail(exc) from None
    record = result.record
    decided = record.get("decided", {})
    for warning in warnings + result.warnings:
        errors.print(f"[yellow]warning:[/] {escape(warning)}", soft_wrap=True)
    if record.get("draft"):
        console.print("[bold yellow]DRAFT - NOT FOR PUBLICATION[/]: written with rows still awaiting a decision:")
        for line in record.get("undecided", []):
            console.print(f"  {escape(line)}", soft_wrap=True)
    console.print(
        f"decisions: {decided.get('consultant', 0)} by the consultant, {decided.get('auto', 0)} as proposed, "
        f"{decided.get('undecided', 0)} undecided; verification passed"
    )
    if record.get("new") or record.get("gone"):
        console.print(f"carried over: {len(record.get('new', []))} new row(s), {len(record.get('gone', []))} gone")
    console.print("outputs:")
    for path in [*result.outcome.outputs, str(result.report)]:
        console.print(f"  {escape(path)}", soft_wrap=True)


@app.command("approve")
def approve_command(
    log: Annotated[Path, typer.Argument(help="The NAME.review.json written by apply.")],
    by: Annotated[str, typer.Option("--by", help="The name of the person signing off.")],
    role: Annotated[str, typer.Option("--role", help="consultant or chair.")],
) -> None:
    """Sign off a review log: records who, their role, when, and the output's SHA-256."""
    from anonymiser.review.approve import approve

    try:
        stamp = approve(log, by, role)
    except AnonymiserError as exc:
        raise fail(exc) from None
    console.print(
        f"signed off by {escape(stamp['by'])} ({stamp['role']}) at {stamp['at']}; "
        f"output SHA-256 {stamp['output_sha256']}",
        soft_wrap=True,
    )


@app.command("review")
def review_command(
    folder: Annotated[Path, typer.Argument(help="A folder of review logs (the --out folder of redact).")],
    drafts: Annotated[
        list[Path] | None, typer.Option("--drafts", help="A folder holding the drafts (default: look beside the logs).")
    ] = None,
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1 (default: any free one).")] = 0,
) -> None:
    """Open the review screen: a local web page to decide every row and save to the review log."""
    from anonymiser.web.server import ReviewServer

    try:
        server = ReviewServer(folder, drafts or [], port=port)
    except (AnonymiserError, OSError) as exc:
        errors.print(f"[bold red]error:[/] {escape(str(exc))}", soft_wrap=True)
        raise typer.Exit(EXIT_CONFIG) from None
    console.print("Review screen, on this computer only. Open this address (its key is private):")
    console.print(server.url, markup=False, soft_wrap=True, highlight=False)
    console.print("Press Ctrl+C to stop.")
    sys.stdout.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.httpd.server_close()
