"""Every other redacted string (not a person's name) found everywhere in the draft, and which
of them verification can look for in the output."""

from __future__ import annotations

from anonymiser.detect.names import Variant

# A redacted string of this many digits or fewer, and nothing else ("14" and "16" that the
# strict policy masks as the model's dates), is replaced where it was found but is not one
# that verification can look for: the same digits are in every Word file's font sizes and
# version numbers, so the search would fail every output and prove nothing.
MAX_UNSEARCHABLE_DIGITS = 3


def searchable(text: str) -> bool:
    digits = text.replace(" ", "")
    return not (digits.isdigit() and len(digits) <= MAX_UNSEARCHABLE_DIGITS)


def match_key(text: str) -> str:
    """What a case-insensitive variant match of ``text`` has in common with ``text``."""
    return " ".join(text.replace("\u2019", "'").split()).lower()


def unique_variants(variants: list[Variant]) -> list[Variant]:
    return sorted(set(variants), key=lambda v: (v.text.lower(), v.case_sensitive))
