"""Candidate spans and how overlapping ones are resolved.

Fail closed, like scrubadub's merged filth: when two spans to be redacted overlap, the
redaction covers their union, and the longer span's entity owns it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from anonymiser.decide.recognisers import FUZZY, PROPAGATED
from anonymiser.detect.unknown_names import UNKNOWN_NAME_RECOGNISER

# The recogniser named for two durations joined into one span.
JOINED = "joined_duration"
# The recogniser named for two names of places or bodies joined into one span.
JOINED_NAME = "joined_name"

# A category that is a more sensitive reading of the same words than another: where both
# claim a span, the sensitive one owns it whatever the scores. "Date of birth: 03/04/2017"
# is found as a DATE (published as "April 2017" under month_year) and as a DATE_OF_BIRTH
# (always removed); context words can lift both scores to 1.0, and the tie then went to the
# alphabetically first key, DATE, publishing the month and year of birth.
# An identifier found by its own shape is also a surer reading than a date: under strict the
# model reads "07700 900127" and "B1 1AA" as dates too, and its guess scored above a phone
# number outside an allocated range or a postcode with no context word, as it does for a
# reference of spaced digits ("claim number 4451 2290 11"): "(date)" was published for each
# (hidden, but the reader is told the wrong thing).
SENSITIVE_OVER: dict[str, frozenset[str]] = {
    "DATE_OF_BIRTH": frozenset({"DATE"}),
    "DATE_OF_DEATH": frozenset({"DATE"}),
    "PHONE": frozenset({"DATE"}),
    "POSTCODE": frozenset({"DATE"}),
    "NHS_NUMBER": frozenset({"DATE"}),
    "NI_NUMBER": frozenset({"DATE"}),
    "REFERENCE": frozenset({"DATE"}),
}


@dataclass(frozen=True)
class Candidate:
    """A span the decide stage intends to redact, tied to the entity it belongs to."""

    unit: int
    start: int
    end: int
    key: str  # the entity key: "person:3", "DATE:12 march 2019"
    category: str
    score: float
    recogniser: str
    # False when the span was widened over a title ("Ms " + "Marsh"): an exact match of the
    # same span ("Ms Marsh", listed as someone's alias) is the better owner.
    exact: bool = True
    # True for a string (not a person) found elsewhere in the document and matched here.
    # What was found here reads these words better: "Polish" found as a language before
    # "interpreter" and as an ethnicity before "heritage" is each where it was found.
    propagated: bool = False

    @property
    def length(self) -> int:
        return self.end - self.start


def resolve_overlaps(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Return non-overlapping candidates covering at least everything the input covered."""
    by_unit: dict[int, list[Candidate]] = {}
    for cand in candidates:
        by_unit.setdefault(cand.unit, []).append(cand)
    resolved: list[Candidate] = []
    for unit in sorted(by_unit):
        group: list[Candidate] = []
        for cand in sorted(by_unit[unit], key=lambda c: (c.start, -c.length, c.key)):
            if group and cand.start < max(c.end for c in group):
                group.append(cand)
                continue
            if group:
                resolved.append(_merge(group))
            group = [cand]
        if group:
            resolved.append(_merge(group))
    return resolved


def _merge(group: list[Candidate]) -> Candidate:
    # The longest span names the entity; ties go to an exact match, then the higher score,
    # then the stable key. A more sensitive reading of the same words goes first (see
    # SENSITIVE_OVER), even over a longer span: "Monday 3 April 2017" as a DATE beside
    # "3 April 2017" as a date of birth is still a date of birth.
    categories = {c.category for c in group}
    sensitive = [c for c in group if categories & SENSITIVE_OVER.get(c.category, frozenset())]
    pool = sensitive or group
    # A person found here (not by their name found elsewhere) reads these words better too:
    # "Kendal had gone to Kendal" keeps the girl first and the town second.
    found_here = {
        (c.start, c.end)
        for c in pool
        # (Nor one found only by an unknown word before a verb: a name another draft of the
        # batch gives in full reads those words better, "Treharne" as Connor Treharne.)
        if not c.propagated and (c.category != "PERSON" or c.recogniser not in (PROPAGATED, FUZZY, UNKNOWN_NAME_RECOGNISER))
    }
    pool = [c for c in pool if not (c.propagated and (c.start, c.end) in found_here)] or pool
    owner = sorted(pool, key=lambda c: (-c.length, not c.exact, -c.score, c.key))[0]
    return replace(
        owner,
        start=min(c.start for c in group),
        end=max(c.end for c in group),
        score=max(c.score for c in group),
    )




@dataclass(frozen=True)
class DurationWords:
    """Words that make two durations one (a policy's ``join_durations``)."""

    # "twelve years and six months" is one length of time; "1929 and 1923" or "29 March and
    # 10 April 1990" are two dates, each its own span (TAB marks most such pairs apart).
    words: tuple[str, ...] = ()
    # The last word of a duration: "twelve years", "six months".
    units: tuple[str, ...] = ()


def join_durations(
    resolved: Sequence[Candidate], texts: Mapping[int, str], words: DurationWords
) -> list[Candidate]:
    """Join two DATE spans that are durations with only a joining word between them into one
    span, so the word that makes them one length of time is masked with them. ``resolved``
    must not overlap."""
    if not words.words:
        return list(resolved)
    out: list[Candidate] = []
    for cand in sorted(resolved, key=lambda c: (c.unit, c.start)):
        last = out[-1] if out else None
        if last is not None and last.unit == cand.unit and _one_duration(last, cand, texts[cand.unit], words):
            out[-1] = _joined(last, cand, texts[cand.unit], "DATE", JOINED)
            continue
        out.append(cand)
    return out


def _one_duration(first: Candidate, second: Candidate, text: str, words: DurationWords) -> bool:
    if not first.category == second.category == "DATE":
        return False
    if text[first.end : second.start].strip().lower() not in {w.lower() for w in words.words}:
        return False
    return _ends_in_unit(text[first.start : first.end], words) and _ends_in_unit(
        text[second.start : second.end], words
    )


def _ends_in_unit(text: str, words: DurationWords) -> bool:
    parts = text.split()
    return bool(parts) and parts[-1].lower() in {u.lower() for u in words.units}


@dataclass(frozen=True)
class NameJoins:
    """Words that make two names of places or bodies one (a policy's ``join_names``)."""

    # "the United Kingdom of Great Britain and Northern Ireland", "the Aliens Department of
    # the Kirkmuir Security Headquarters": the model finds two names where there is one.
    words: tuple[str, ...] = ()
    # The categories that may be joined: places and bodies, never people ("Sam and Leeds").
    categories: tuple[str, ...] = ()


def join_names(resolved: Sequence[Candidate], texts: Mapping[int, str], joins: NameJoins) -> list[Candidate]:
    """Join two spans of the ``joins`` categories that have only a joining word between them
    into one span, owned by the first, so the name is masked as the one body or place it is
    and the word between its parts is not left standing ("(place) and (place)"). ``resolved``
    must not overlap."""
    if not joins.words:
        return list(resolved)
    words = {" ".join(w.lower().split()) for w in joins.words}
    out: list[Candidate] = []
    for cand in sorted(resolved, key=lambda c: (c.unit, c.start)):
        last = out[-1] if out else None
        if (
            last is not None
            and last.unit == cand.unit
            and last.category in joins.categories
            and cand.category in joins.categories
            and " ".join(texts[cand.unit][last.end : cand.start].lower().split()) in words
            # a joining word stands between words, never against punctuation ("Leeds, and")
            and texts[cand.unit][last.end : last.end + 1].isspace()
            and texts[cand.unit][cand.start - 1 : cand.start].isspace()
            # a body's name that ends in its bracketed other name is whole: "the County Court
            # (länsrätten) of the County of Dalarna" is the court of a county, two names
            and texts[cand.unit][last.end - 1 : last.end] != ")"
        ):
            out[-1] = _joined(last, cand, texts[cand.unit], last.category, JOINED_NAME)
            continue
        out.append(cand)
    return out


def _joined(first: Candidate, second: Candidate, text: str, category: str, recogniser: str) -> Candidate:
    """``first`` run on to the end of ``second``: one entity, keyed by the whole text."""
    whole = text[first.start : second.end]
    return replace(
        first,
        end=second.end,
        key=f"{category}:{' '.join(whole.lower().split())}",
        score=max(first.score, second.score),
        recogniser=recogniser,
    )
