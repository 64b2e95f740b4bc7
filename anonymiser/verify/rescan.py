"""After writing: re-open the output and look for every string that was redacted.

Any hit means the writer left something behind (a part it did not rewrite, a run it did not
reach). The caller deletes the output and fails the document; the error names the part and
place, never the text. Verification searches with exactly the variants that the decide stage
propagated (see ``anonymiser.detect.names``), whole words, case-insensitive except for
initials and names that are also ordinary words, which match capitalised or in capitals.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from anonymiser.detect.names import Variant, compile_variants
from anonymiser.read.limits import InputLimits
from anonymiser.records import VerificationReport

MAX_HITS_REPORTED = 20


def output_chunks(path: Path, kind: str, limits: InputLimits) -> Iterable[tuple[str, str]]:
    """Every piece of text in a written output, with a place description."""
    if kind == "docx":
        from anonymiser.verify.package_text import package_chunks

        return package_chunks(path, limits)
    text = path.read_bytes().decode("utf-8-sig")
    return ((f"line {n}", line) for n, line in enumerate(text.split("\n"), start=1))


def verify_chunks(chunks: Iterable[tuple[str, str]], secrets: Sequence[Variant]) -> VerificationReport:
    """Search every chunk for every secret; return a report with the places of any hits."""
    started = time.perf_counter()
    pattern = compile_variants(secrets)
    hits: list[str] = []
    parts: set[str] = set()
    for place, text in chunks:
        parts.add(place.split(":", 1)[0])
        if pattern is None or not text:
            continue
        for match in pattern.finditer(text):
            if len(hits) < MAX_HITS_REPORTED:
                hits.append(f"{place}, characters {match.start()}-{match.end()}")
            else:
                break
    return VerificationReport(
        ran=True,
        passed=not hits,
        strings_checked=len(secrets),
        parts_checked=len(parts),
        seconds=round(time.perf_counter() - started, 3),
        hits=hits,
    )


def verify_output(path: Path, kind: str, secrets: Sequence[Variant], limits: InputLimits) -> VerificationReport:
    started = time.perf_counter()
    report = verify_chunks(output_chunks(path, kind, limits), secrets)
    report.seconds = round(time.perf_counter() - started, 3)
    return report
