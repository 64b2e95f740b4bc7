"""Detection run again on the written output: whatever it still finds is listed for review.

Verification proves that every string we redacted is gone; this asks the other question,
whether anything else that looks identifying is still there (text the first pass could not
see in context, a name next to a replacement). Such rows are marked ``residual``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from anonymiser.decide.decide import Decisions, decide
from anonymiser.detect.case_file import CaseFileRecogniser, case_matchers
from anonymiser.detect.engine import Detector
from anonymiser.errors import EmptyDocument
from anonymiser.read import read_document
from anonymiser.read.limits import InputLimits
from anonymiser.records import Entity, Finding, TextUnit
from anonymiser.review_log.rows import context_of
from anonymiser.settings import Settings


def residual_entities(
    out_path: Path,
    kind: str,
    decisions: Decisions,
    settings: Settings,
    detector: Detector,
    limits: InputLimits,
) -> list[Entity]:
    try:
        out_doc = read_document(out_path, limits)
    except EmptyDocument:
        # Every section was dropped (findings scope): nothing was written, so nothing is left.
        return []
    replacements = sorted({e.replacement for e in decisions.entities}, key=len, reverse=True)
    if not replacements:
        return []
    pattern = re.compile("|".join(re.escape(r) for r in replacements))
    # Only sentences we changed can hold anything new: an unchanged sentence gives the model
    # the same text as before, and its findings were all decided. Looking at the changed
    # sentences alone saves most of a second model pass.
    windows, origin = changed_sentences(out_doc.units, pattern)
    if not windows:
        return []
    matchers = case_matchers(settings.case, settings.people.titles, settings.people.not_initials, settings.school_kinds)
    ad_hoc = [CaseFileRecogniser(matchers)] if matchers else []
    # The model reads again only the sentences where a replacement stands next to a
    # capitalised word: where a half-redacted name ("Carys Person A") or a run-on can be;
    # they get the patterns, checksums and the case file too.
    function_words = frozenset(w.lower() for w in settings.people.function_words)
    marked = [beside_name_word(pattern.sub("\x00", w.text), function_words) for w in windows]
    beside = [w for w, m in zip(windows, marked) if m]
    # Elsewhere the patterns read only the seams: the stretches round a replacement that
    # touches the text beside it with no space between. A pattern looks at most at the
    # character next to its match, so a match with a space between it and every replacement
    # saw the same text in the draft, where it was found and decided; and a match that takes
    # in a replacement is not a finding (below). Most replacements stand between spaces or
    # punctuation, so this is a small share of the changed text.
    seams, seam_origin = seam_windows([w for w, m in zip(windows, marked) if not m], pattern)
    found = [
        replace(f, unit=origin[f.unit][0], start=f.start + origin[f.unit][1], end=f.end + origin[f.unit][1])
        for f in detector.detect(beside, ad_hoc)
    ] + [
        replace(
            f,
            unit=origin[seam_origin[f.unit][0]][0],
            start=f.start + seam_origin[f.unit][1] + origin[seam_origin[f.unit][0]][1],
            end=f.end + seam_origin[f.unit][1] + origin[seam_origin[f.unit][0]][1],
        )
        for f in detector.detect(seams, ad_hoc, model=False)
    ]
    findings = _outside_replacements(found, out_doc.units, pattern)
    if not findings:
        return []
    again = decide(out_doc.units, findings, settings, matchers)
    out = []
    for entity in again.entities:
        # Offsets are into the output, so the row carries the output's own place and context.
        first = entity.occurrences[0]
        unit = out_doc.units[first.unit]
        out.append(
            replace(
                entity,
                action="review",
                status="residual",
                replacement="",
                occurrences=[],
                reason=(
                    f"still in the written output ({len(entity.occurrences)}x), first at "
                    f"{unit.location.describe()}: {context_of(unit, first.start, first.end)}"
                ),
            )
        )
    return out


# A replacement (marked \x00) with a capitalised word right before or after it. The word
# before does not take the mark with it, so the word after the same mark is also seen.
_BESIDE_CAPITAL = re.compile(
    r"(?<![.!?]\s)(?<!^)\b(?P<before>[A-Z][\w'\u2019-]+)[ \t]+(?=\x00)|\x00[ \t]+(?P<after>[A-Z][\w'\u2019-]+)"
)


def beside_name_word(marked: str, function_words: frozenset[str]) -> bool:
    """Whether a replacement (marked \\x00 in ``marked``) has beside it a capitalised word
    that may be part of a name: not one of the ``function_words`` ("On", "The"), which
    only open the next sentence or clause ("(a date in May 2019) On the same day")."""
    for match in _BESIDE_CAPITAL.finditer(marked):
        if (match.group("before") or match.group("after")).lower() not in function_words:
            return True
    return False


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"'\u2018\u201c])|\n")


def changed_sentences(
    units: Sequence[TextUnit], pattern: re.Pattern[str]
) -> tuple[list[TextUnit], dict[int, tuple[int, int]]]:
    """The sentences that hold a replacement, as units of their own, and for each its unit
    and offset in the output: (window uid -> (unit uid, offset))."""
    windows: list[TextUnit] = []
    origin: dict[int, tuple[int, int]] = {}
    for unit in units:
        hits = [m.start() for m in pattern.finditer(unit.text)]
        if not hits:
            continue
        bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(unit.text)] + [len(unit.text)]
        for start, end in zip(bounds, bounds[1:]):
            if any(start <= h < end for h in hits):
                origin[len(windows)] = (unit.uid, start)
                windows.append(TextUnit(uid=len(windows), text=unit.text[start:end], location=unit.location))
    return windows, origin


# Round a seam, this much text either side is read (then widened to whole words): more than
# any pattern's match and look-around reach beyond the replacement.
SEAM_MARGIN = 60
# Characters that may stand right after a replacement without making a seam: closing
# punctuation and the possessive, where no pattern starts.
_CLOSING = frozenset(".,;:!?)]}'\"\u2019\u201d")
_OPENING = frozenset("([{'\"\u2018\u201c")


def seam_windows(
    windows: Sequence[TextUnit], pattern: re.Pattern[str]
) -> tuple[list[TextUnit], dict[int, tuple[int, int]]]:
    """The stretches of ``windows`` round each replacement that touches the text beside it
    ("Ref:(reference)", "07700(phone)"), merged where they overlap, as units of their own;
    and for each, its window and offset: (seam uid -> (window uid, offset))."""
    seams: list[TextUnit] = []
    where: dict[int, tuple[int, int]] = {}
    for window in windows:
        text = window.text
        spans: list[tuple[int, int]] = []
        for match in pattern.finditer(text):
            before = text[match.start() - 1] if match.start() > 0 else " "
            after = text[match.end()] if match.end() < len(text) else " "
            touching = (not before.isspace() and before not in _OPENING) or (
                not after.isspace() and after not in _CLOSING
            )
            if not touching:
                continue
            start = _word_start(text, max(0, match.start() - SEAM_MARGIN))
            end = _word_end(text, min(len(text), match.end() + SEAM_MARGIN))
            if spans and start <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
            else:
                spans.append((start, end))
        for start, end in spans:
            where[len(seams)] = (window.uid, start)
            seams.append(TextUnit(uid=len(seams), text=text[start:end], location=window.location))
    return seams, where


def _word_start(text: str, position: int) -> int:
    while position > 0 and not text[position - 1].isspace():
        position -= 1
    return position


def _word_end(text: str, position: int) -> int:
    while position < len(text) and not text[position].isspace():
        position += 1
    return position


def _outside_replacements(
    findings: Sequence[Finding], units: Sequence[TextUnit], pattern: re.Pattern[str]
) -> list[Finding]:
    spans: dict[int, list[tuple[int, int]]] = {}
    kept = []
    for f in findings:
        if f.unit not in spans:
            spans[f.unit] = [(m.start(), m.end()) for m in pattern.finditer(units[f.unit].text)]
        if any(s < f.end and f.start < e for s, e in spans[f.unit]):
            continue
        kept.append(f)
    return kept
