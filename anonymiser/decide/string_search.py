"""Every other redacted string (not a person's name) found everywhere in the draft, and which
of them verification can look for in the output."""

from __future__ import annotations

import re

from anonymiser.decide.context import Draft
from anonymiser.decide.found import Found
from anonymiser.decide.keep import inside_any
from anonymiser.decide.recognisers import PROPAGATED
from anonymiser.decide.spans import Candidate
from anonymiser.detect.names import Variant, compile_variants

# A redacted string of this many digits or fewer, and nothing else ("14" and "16" that the
# strict policy masks as the model's dates), is replaced where it was found but is not one
# that verification can look for: the same digits are in every Word file's font sizes and
# version numbers, so the search would fail every output and prove nothing.
MAX_UNSEARCHABLE_DIGITS = 3


# A digit and a separator beside a match: the digits are part of another number ("9" in the
# paragraph number "5.9", in "19/1" or "9:30"), or a span of time follows them ("a 9-month
# Referral Order", "9 hours"; not "9-month-old"), not the age or count found elsewhere.
_NUMBER_BEFORE = re.compile(r"\d[.,/:]$")
_NUMBER_AFTER = re.compile(r"[.,/:]\d|%|[- ](?:months?|weeks?|days?|hours?|minutes?|mins?)\b(?!-old)")


def _inside_a_number(text: str, start: int, end: int) -> bool:
    return bool(_NUMBER_BEFORE.search(text, max(0, start - 2), start) or _NUMBER_AFTER.match(text, end))


def searchable(text: str) -> bool:
    digits = text.replace(" ", "")
    return not (digits.isdigit() and len(digits) <= MAX_UNSEARCHABLE_DIGITS)


def match_key(text: str) -> str:
    """What a case-insensitive variant match of ``text`` has in common with ``text``."""
    return " ".join(text.replace("\u2019", "'").split()).lower()


def unique_variants(variants: list[Variant]) -> list[Variant]:
    return sorted(set(variants), key=lambda v: (v.text.lower(), v.case_sensitive))


def search_strings(found: Found, draft: Draft) -> None:
    """Every other redacted string, all in one pattern: one pass over the document. The case
    file's strings are secrets for verification; the rest are allowed inside the agency names
    the policy keeps (``found.loose``)."""
    plain_strings, case_keys = found.plain_strings, found.case_keys
    keys_by_text: dict[str, list[str]] = {}
    for key, (text, _category) in sorted(plain_strings.items()):
        variant = Variant(text.strip(), case_sensitive=False)
        if searchable(variant.text):
            (found.secrets if key in case_keys else found.loose).append(variant)
        keys_by_text.setdefault(match_key(variant.text), []).append(key)
    plain_pattern = compile_variants(Variant(t, case_sensitive=False) for t in keys_by_text)
    for unit, start, end in draft.text_index.find(plain_pattern):
        if inside_any(start, end, draft.glossary_spans[unit.uid]):
            continue  # inside a practice term ("Edinburgh Postnatal Depression Scale")
        if not searchable(unit.text[start:end]) and _inside_a_number(unit.text, start, end):
            continue  # a child's age "9" is not the "9" of paragraph "5.9" or "9-month" (session 13)
        for key in keys_by_text.get(match_key(unit.text[start:end]), []):
            if key not in case_keys and inside_any(start, end, found.policy_kept_spans.get(unit.uid, [])):
                # A place the model found stays inside the agency named after it
                # ("Westmere Constabulary"), as published reviews do, unless the case file
                # lists the place for redaction.
                continue
            found.candidates.append(
                Candidate(
                    unit.uid, start, end, key, plain_strings[key][1], found.scores[key], PROPAGATED, propagated=True
                )
            )
