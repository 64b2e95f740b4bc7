"""Words of the draft as the decide stage reads them: where a sentence opens, which words are
a name's own, a pseudonym's letter, and the keys strings are compared by."""

from __future__ import annotations

import re
from collections.abc import Sequence

from anonymiser.settings import KeepList

LONE_INITIAL = re.compile(r"[A-Z]")


def normalise(text: str) -> str:
    return " ".join(text.split()).lower()


def words_in(terms: Sequence[str]) -> set[str]:
    """Every word of ``terms``, in lower case: a hyphened word whole and each of its parts
    ("multi-agency", "multi", "agency"), so that either way of reading a text's words finds it."""
    words: set[str] = set()
    for term in terms:
        for whole in re.findall(r"[\w'\u2019-]+", term):
            words.add(whole.lower())
            words.update(part.lower() for part in re.findall(r"[\w'\u2019]+", whole))
    return words


# A word of a name: capitalised letters, perhaps with an apostrophe or hyphen ("O'Neill").
NAME_WORD = re.compile(r"[A-Z][A-Za-z'\u2019-]+")


def at_sentence_start(text: str, start: int) -> bool:
    """Whether ``start`` opens its paragraph or a sentence (after ". ", "? ", "! ")."""
    before = text[:start].rstrip()
    return not before or before[-1] in ".?!:"


# A paragraph's number before the first word of its text ("4.11 ", "3. ", "(b) ").
_PARAGRAPH_NUMBER = re.compile(r"\s*(?:\d+(?:\.\d+)*\.?|\(?[a-z]\)|\(?[ivx]+[.)])\s*")


def after_paragraph_number(text: str, start: int) -> bool:
    """Whether only a paragraph's number stands before ``start``: "Leadership" of "4.11
    Leadership and culture" opens its heading as surely as it would without the number."""
    return start > 0 and bool(_PARAGRAPH_NUMBER.fullmatch(text[:start]))


def heading_like(text: str) -> bool:
    """A short line without a sentence's last stop: "Background to the review"."""
    stripped = text.strip()
    return 0 < len(stripped.split()) <= 8 and stripped[-1] not in ".?!:;,"


def pseudonym_letter(text: str, start: int, end: int, keep: KeepList) -> bool:
    """Whether ``text[start:end]`` is one capital letter that makes an already anonymised form
    with the word just before it ("CHILD M", "Adult C")."""
    if not LONE_INITIAL.fullmatch(text[start:end]):
        return False
    match = re.search(r"([^\W\d_]+) $", text[max(0, start - 40) : start])
    return bool(match) and keep.is_anonymised_form(f"{match.group(1)} {text[start:end]}")


def own_name_word(
    text: str,
    start: int,
    end: int,
    others: Sequence[tuple[int, int]],
    glossary_words: set[str],
    keep: KeepList | None = None,
) -> bool:
    """Whether ``text[start:end]`` has, outside the ``others`` spans, a capitalised word that is
    not an article, a possessive "s" or a practice word: a name word of its own. Given the
    ``keep`` list, a pseudonym's letter ("M" of "Child M") is not one either: "Individual
    Management Review: Child M" was masked whole as a body's name."""
    rest = list(text[start:end])
    for s, e in others:
        s, e = max(s, start), min(e, end)
        if s < e:
            rest[s - start : e - start] = " " * (e - s)
    for match in re.finditer(r"[^\W\d_][\w\-]*", "".join(rest)):
        word = match.group(0)
        low = word.lower()
        if word[:1].isupper() and low not in glossary_words and low not in ("the", "a", "an", "s"):
            if keep is not None and pseudonym_letter(text, start + match.start(), start + match.end(), keep):
                continue
            return True
    return False


# How the names of peoples end ("Polish", "Japanese", "Nigerian", "Asian", "Pakistani",
# "Arabic", "Dutch", "Traveller"): a one-word guess of a people that ends otherwise is a
# misread word ("Scans showed") or a first name ("Mikey").
DEMONYM_ENDINGS = ("ish", "ese", "ian", "an", "i", "ic", "ch", "er")
