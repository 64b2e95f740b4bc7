"""Why a person goes for review: the doubts the phases leave, written as the review log
gives them (a name only a family word marks, a name that is also an ordinary word)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from anonymiser.decide.context import Draft
from anonymiser.decide.found import Found
from anonymiser.decide.recognisers import FAMILY_WORD_NAME
from anonymiser.decide.spans import Candidate
from anonymiser.decide.words import at_sentence_start
from anonymiser.detect.names import is_common_word


def note_doubts(found: Found) -> None:
    """The doubts about the people found: a name only the family word before it marks, the
    person's own doubt (``Person.doubt``), a name matched in lower case."""
    review_reasons = found.review_reasons
    for key, names in found.recognisers.items():
        if names == {FAMILY_WORD_NAME}:
            review_reasons.setdefault(key, set()).add("a name only the family word before it marks")
    for person in found.people:
        if person.doubt:
            review_reasons.setdefault(person.key, set()).add(person.doubt)
        if person.misspelt:
            quoted = ", ".join(f'"{m}"' for m in sorted(person.misspelt))
            review_reasons.setdefault(person.key, set()).add(f"includes a possible misspelling of the name ({quoted})")
    for key, lower_case in found.lower_case_names.items():
        quoted = ", ".join(f'"{w}"' for w in sorted(lower_case))
        review_reasons.setdefault(key, set()).add(
            f"a name that is also an ordinary word, matched in lower case in a paragraph with no capitals ({quoted})"
        )


def note_word_names_opening_sentences(found: Found, draft: Draft, resolved: Sequence[Candidate]) -> None:
    """A person's lone name that is an ordinary word, opening a sentence before a word in lower
    case ("Faith in agencies was low", "Mason jars were found"): the capital there says
    nothing, and whether the next word makes it the ordinary word is more than the words
    tell. Redacted, and the person goes for review with the words quoted."""
    person_keys = {p.key for p in found.people}
    verbs_after_name = frozenset(w.lower() for w in draft.words.verbs_after_name)
    for cand in resolved:
        if cand.key in person_keys:
            phrase = _word_name_opening_sentence(draft.by_uid[cand.unit].text, cand.start, cand.end, verbs_after_name)
            if phrase is not None:
                found.review_reasons.setdefault(cand.key, set()).add(
                    f'a name that is also an ordinary word opens a sentence ("{phrase}"): may be the word'
                )


# A paragraph's number or bullet before its first sentence ("9.7 ", "(b) ", "- ").
_PARAGRAPH_MARK = re.compile(r"\s*(?:\d+(?:\.\d+)*\.?|\(?[a-z0-9]{1,3}\)|[-\u2022*])?\s*")


_LOWER_WORD_AFTER = re.compile(r"[ \t\u00a0]+([a-z][a-z'\u2019-]*)")


def _word_name_opening_sentence(text: str, start: int, end: int, verbs: frozenset[str]) -> str | None:
    """The words ("Faith in") when ``text[start:end]`` is one capitalised word that is also
    an ordinary English word, opening a paragraph or a sentence (after its number, if any),
    with a word in lower case right after it that is none of ``verbs`` nor a past tense in
    -ed ("Hope was seen", "Grace attended" read as the person); else None."""
    word = text[start:end]
    if not (word[:1].isupper() and word[1:].islower() and word.isalpha() and is_common_word(word)):
        return None
    if not (at_sentence_start(text, start) or _PARAGRAPH_MARK.fullmatch(text, 0, start)):
        return None
    after = _LOWER_WORD_AFTER.match(text, end)
    if after is None or after.group(1) in verbs or after.group(1).endswith("ed"):
        return None
    return f"{word} {after.group(1)}"
