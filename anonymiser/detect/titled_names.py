"""People named with a title or rank: "Mr M.N. Ozmen", "DC Reeve", "Dr Imran Qureshi".

The titles come from patterns/people.yml (the same list the decide stage uses to keep a title
with the name it belongs to), so there is one list to extend.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from presidio_analyzer import Pattern

from anonymiser.detect.names import PARTICLES
from anonymiser.detect.pattern_recogniser import PatternRecogniser

TITLED_NAME_RECOGNISER = "titled_name"
# After the title: one to three parts, each initials ("M.N.", "K. M.") or a capitalised word
# ("Reeve", "O'Neill", "Smith-Jones"); the last part must be a word or an initial with a dot.
# An initial without a dot may stand before another part ("Mr J R Smith", "Mr A. N Loizou").
# Presidio compiles with the `regex` module, so \p{Lu} covers "Ö" and "Ł" as well as "O".
# Sentence words that follow an initial ("Mr A. The ...") are not part of the name.
_SENTENCE_WORDS = "The|A|An|And|But|Of|In|On|At|To|For|By|With|He|She|It|They|His|Her|Their|This|That|Was|Is|Has|Had"
# In capitals too ("MRS MCPHERSON WAS SEEN"), with the verbs a note in capitals goes on with.
_SENTENCE_CAPITALS = f"{_SENTENCE_WORDS.upper()}|WERE|ARE|SAID|SAYS|TOLD|WHO|WOULD|WILL|HAD|DID|SEEN|ATTENDED|REPORTED"
_NOT_NAME = rf"(?!(?:{_SENTENCE_WORDS}|{_SENTENCE_CAPITALS})\b(?!\.))"
_PART = (
    rf"{_NOT_NAME}(?:\p{{Lu}}\.(?:-?\s?\p{{Lu}}\.)*"
    r"|\p{Lu}[\w'\u2019\-\u2010\u2011]*\p{Ll}[\w'\u2019\-\u2010\u2011]*"
    r"|\p{Lu}{2,}(?!\p{Ll}))"
)
_BARE_INITIAL = r"\p{Lu}(?=\s)"
# A police officer's collar or warrant number may stand between the rank and the name ("PC
# 4471 Grainger", "DC 1234 Reeve"); it identifies the officer too, so it is masked with them.
_SHOULDER_NUMBER = r"(?:\d{1,6}\s+)?"


# Surname particles ("DI Rhys ap Gwilym", "Mrs van der Berg") in lower case, inside the
# name: "DI Rhys" alone was found, and the model's "DI Rhys ap Gwilym" as an ORG owned it.
_PARTICLE = rf"(?:(?:{'|'.join(sorted(PARTICLES, key=len, reverse=True))})\s+){{0,2}}"


def titled_name_recogniser(
    titles: Sequence[str],
    peerages: Sequence[str] = (),
    capitals: Sequence[str] = (),
    named_after: Sequence[str] = (),
) -> PatternRecogniser:
    """``capitals``: titles also found in capitals ("MRS", "DR"), before a name in capitals;
    a typed-up note or heading in capitals ("MRS MCPHERSON WAS SEEN") was published.
    ``named_after``: words that make a titled name a place's ("Sir Edmund Vane Academy",
    "Dame Alice Harpur School"); the place is left to the recognisers of its kind."""
    not_a_place = ""
    if named_after:
        # Checked once, right after the title, so a shorter name ("Sir Edmund") cannot be
        # taken instead of the place's.
        words = "|".join(re.escape(w) for w in sorted(set(named_after), key=len, reverse=True))
        not_a_place = rf"(?!(?:\p{{Lu}}[\w'\u2019\-]*\.?\s+){{1,3}}(?:{words})\b)"
    regex = (
        rf"(?-i:\b(?:{_alternatives(titles)})\.?\s+{not_a_place}{_SHOULDER_NUMBER}{_PARTICLE}"
        rf"(?:(?:{_BARE_INITIAL}|{_PART})\s+{_PARTICLE}){{0,2}}{_PART})"
    )
    patterns = [Pattern(name="title and name", regex=regex, score=0.8)]
    if capitals:
        upper = sorted({t.rstrip(".").upper() for t in capitals}, key=len, reverse=True)
        caps_part = rf"{_NOT_NAME}\p{{Lu}}[\p{{Lu}}'\u2019\-]+(?!['\u2019]?\p{{Ll}})"
        caps = rf"(?-i:\b(?:{'|'.join(re.escape(t) for t in upper)})\.?\s+{caps_part}(?:\s+{caps_part})?)"
        patterns.append(Pattern(name="title and name in capitals", regex=caps, score=0.8))
    if peerages:
        # "Lord Rodger of Earlsferry": a peer's territorial designation is part of the name.
        peer = rf"(?-i:\b(?:{_alternatives(peerages)})\s+{_PART}\s+of\s+{_PART})"
        patterns.append(Pattern(name="peer and designation", regex=peer, score=0.8))
    return PatternRecogniser(
        supported_entity="PERSON",
        name=TITLED_NAME_RECOGNISER,
        supported_language="en",
        patterns=patterns,
    )


def _alternatives(titles: Sequence[str]) -> str:
    names = sorted({t.rstrip(".") for t in titles}, key=len, reverse=True)
    return "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in names)
