"""What the command line (and any other front end) calls: redact files, one or many.

``redact_many`` never stops at a bad document: each failure becomes a failed ``Outcome``
naming the file and the problem, and the others carry on.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from anonymiser.detect.engine import Detector
from anonymiser.errors import AnonymiserError, InputError
from anonymiser.pipeline import OutputNames, process_document
from anonymiser.read import SUPPORTED_SUFFIXES
from anonymiser.read.limits import InputLimits
from anonymiser.records import Outcome
from anonymiser.settings import Settings
from anonymiser.write.safe_output import prepare_out_dir, remove_outputs

ProgressHook = Callable[[Outcome], None]


def expand_inputs(paths: Iterable[Path], *, recursive: bool = False) -> list[Path]:
    """Files as given; a folder means every supported draft in it (sorted, so runs repeat).

    Skipped in folders: hidden files, Word lock files (~$...), our own outputs
    (*.anonymised.*) and README files.
    """
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = path.rglob("*") if recursive else path.glob("*")
            out.extend(
                sorted(
                    p
                    for p in found
                    if p.is_file()
                    and p.suffix.lower() in SUPPORTED_SUFFIXES
                    and not p.name.startswith((".", "~$"))
                    and ".anonymised." not in p.name
                    # A folder's README describes the drafts; it is never one of them.
                    and not p.stem.upper().startswith("README")
                )
            )
        else:
            out.append(path)
    return out


def redact_many(
    paths: Sequence[Path],
    out_dir: Path,
    settings: Settings,
    *,
    detector: Detector | None = None,
    limits: InputLimits | None = None,
    on_done: ProgressHook | None = None,
) -> list[Outcome]:
    """Anonymise each draft into ``out_dir``; return one Outcome per input, in order.

    Raises ConfigError if ``out_dir`` cannot be used. A document that fails leaves no
    outputs under its names, not even those of an earlier successful run, so nothing stale
    can be mistaken for the result of this one.
    """
    prepare_out_dir(out_dir)
    detector = detector or Detector(settings)
    outcomes: list[Outcome] = []
    claimed: dict[str, Path] = {}
    for path in paths:
        started = time.perf_counter()
        names = OutputNames.for_input(path)
        clash = claimed.get(names.csv)
        try:
            if clash is not None:
                raise InputError(path, f"its outputs would overwrite those of {clash.name}; rename one")
            claimed[names.csv] = path
            outcome = process_document(path, out_dir, settings, detector, limits)
        except AnonymiserError as exc:
            outcome = Outcome(source=str(path), ok=False, error=str(exc), seconds=_since(started))
        except Exception as exc:  # fail closed: an unexpected bug is a failed document
            outcome = Outcome(
                source=str(path),
                ok=False,
                error=f"{path}: internal error ({type(exc).__name__}); nothing was written",
                seconds=_since(started),
            )
        if not outcome.ok and clash is None:
            remove_outputs([out_dir / n for n in (names.document, names.csv, names.json, names.html)])
        outcomes.append(outcome)
        if on_done is not None:
            on_done(outcome)
    return outcomes


def _since(started: float) -> float:
    return round(time.perf_counter() - started, 2)
