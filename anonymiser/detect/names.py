"""Every way a person's name can appear, and one matcher for them.

Used by the case-file recogniser (names the consultant listed) and by the decide stage
(names detection found once, then found everywhere). One matcher for both means that what
is redacted and what verification looks for cannot drift apart.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from wordfreq import zipf_frequency

from anonymiser.detect.alternation import APOSTROPHES, grouped_alternation

# A word at or above this Zipf frequency is an ordinary English word ("Hope", "Hill",
# "Grace"): as a lone name part it is matched only when capitalised, so "we hope" is kept.
COMMON_WORD_ZIPF = 3.5

# Lower-case words inside a surname ("de Souza", "van der Berg", the Welsh "ap Gwilym" and
# "ferch Owain", "bin Salleh"): part of the name, never its end.
PARTICLES = frozenset(
    {"de", "da", "di", "du", "del", "della", "dos", "das", "van", "von", "der", "den", "le", "la", "al", "el",
     "bin", "ben", "bint", "ibn", "ter", "ten", "ap", "ab", "ferch", "verch"}
)


@dataclass(frozen=True)
class Variant:
    """One surface form of a name, and whether case matters when matching it."""

    text: str
    case_sensitive: bool
    # Another ending of the last word that matches too: a practice term's plural ("IMRs",
    # "chronologies"), matched by one branch of the regex rather than a second term.
    plural: str = ""
    # A lone initial that, between lower-case words, abbreviates a word in the records
    # reviews quote ("bruise L cheek": left; people.yml's ``not_initials``): matched there
    # only when possessive or beside something other than lower-case words.
    abbreviates: bool = False


def plural_of(term: str, *, proper: bool = False) -> str | None:
    """The plural of a term or name as a review writes it: "IMRs", "care orders",
    "chronologies", "the Marshes"; a ``proper`` name only gains -s or -es ("the Kennedys").
    None when its last word does not end in a letter."""
    last = term.split()[-1] if term.split() else ""
    if not last[-1:].isalpha():
        return None
    if last.isupper() and not proper:
        return term + "s"  # an abbreviation: "IMRs", "ICPCs"
    if last.lower().endswith(("s", "x", "z", "ch", "sh")):
        return term + "es"
    if not proper and last.lower().endswith("y") and len(last) > 1 and last[-2].lower() not in "aeiou":
        return term[:-1] + "ies"
    return term + "s"


def is_common_word(word: str) -> bool:
    return zipf_frequency(word.lower(), "en") >= COMMON_WORD_ZIPF


def name_tokens(name: str) -> list[str]:
    # str.split splits on the same whitespace as the regex \s+ did, at a third of the cost
    # (the deciding stage asks this tens of thousands of times per long draft).
    return name.split()


def name_variants(
    name: str,
    aliases: Sequence[str] = (),
    *,
    common: Callable[[str], bool] = is_common_word,
    titles: Sequence[str] = (),
    initial: bool = False,
    not_initials: Sequence[str] = (),
) -> list[Variant]:
    """The full name, first and last names alone, first+last without middle names, initials,
    and the aliases. Lone words that are ordinary English words match only capitalised."""
    out: dict[str, Variant] = {}

    def add(text: str, case_sensitive: bool = False) -> None:
        text = text.strip()
        if len(text.replace(".", "").strip()) < 2:
            return  # lone initials are added on purpose below, never by accident
        if " " not in text and common(text):
            case_sensitive = True
        key = text if case_sensitive else text.lower()
        if key not in out or (out[key].case_sensitive and not case_sensitive):
            out[key] = Variant(text, case_sensitive)

    tokens = [t for t in name_tokens(name) if t.rstrip(".") not in titles]
    if not tokens:
        return []
    add(" ".join(tokens))
    if len(tokens) >= 2:
        add(tokens[0])
        add(tokens[-1])
        # The surname in the plural names the family ("the Marshes", "the Zielinskis"): it was
        # published, as names are matched as whole words. Capitalised only ("the marshes").
        surname = tokens[-1]
        plural = plural_of(surname, proper=True)
        if surname[:1].isupper() and plural and len(surname) > 2:
            add(plural, True)
        add(f"{tokens[0]} {tokens[-1]}")
        letters = [t[0].upper() for t in tokens if t[0].isalpha()]
        # Initials are matched case-sensitively: "KM" is a person, "km" a distance.
        for initials in {tuple(letters), (letters[0], letters[-1])} if len(letters) >= 2 else ():
            add(".".join(initials) + ".", True)
            add(".".join(initials), True)  # "K.M said", without the last dot
            add("".join(initials), True)
            add(". ".join(initials) + ".", True)
        # The first initial and the surname ("D. Marsh", "D Marsh"): the model found them as
        # a new person ("Person B" for the listed Denise Marsh). "A" and "I" only with a dot.
        first = tokens[0][0]
        if first.isalpha() and first.isupper() and surname[:1].isupper():
            for sep in (". ", ".") if first in "AI" else (". ", ".", " "):
                add(f"{first}{sep}{surname}", True)
        # A surname with a particle ("de Souza", "van der Berg") is the surname as a whole.
        particles = [i for i, t in enumerate(tokens[:-1]) if i > 0 and t in PARTICLES]
        if particles:
            add(" ".join(tokens[particles[0] :]))
    if initial and len(tokens) >= 2 and tokens[0][0].isupper() and tokens[0][0] not in "AI":
        # A lone initial ("K running around clinic") in a quoted record: only for people the
        # consultant listed, and never "A" or "I", which are words.
        letter = tokens[0][0]
        out[letter] = Variant(letter, True, abbreviates=letter in not_initials)
    for alias in aliases:
        alias_tokens = name_tokens(alias)
        is_initials = alias.replace(".", "").replace(" ", "").isupper() and len(alias) <= 6
        add(alias, is_initials)
        # The first word of a two-word alias is a name ("Con" of "Con B"), unless it is a
        # title: "Ms" of "Ms Marsh" is nobody's name.
        if len(alias_tokens) >= 2 and not is_initials and alias_tokens[0].rstrip(".") not in titles:
            add(alias_tokens[0])
    return sorted(out.values(), key=lambda v: (-len(v.text), v.text))


def has_no_capitals(text: str) -> bool:
    """Whether ``text`` has letters and none of them is a capital: a note typed all in lower
    case ("seen hope and grace at home"), where capitals say nothing about names."""
    return not any(c.isupper() for c in text) and any(c.isalpha() for c in text)


def lower_case_variants(variants: Iterable[Variant], name_words: Iterable[str]) -> list[Variant]:
    """The one-word ``variants`` matched only capitalised because they are ordinary words
    ("Hope", "Brook", "Joy"), matched in any case: for paragraphs with no capitals, where
    "hope" may be Hope. Only words of the person's own names and aliases (``name_words``),
    not the surname's plural. A guess: the caller sends what it finds for review."""
    words = {w.lower() for w in name_words}
    return [
        Variant(v.text, case_sensitive=False)
        for v in variants
        if v.case_sensitive
        and " " not in v.text
        and v.text[:1].isupper()
        and v.text[1:].islower()
        and v.text.lower() in words
        and is_common_word(v.text)
    ]


# A listed person's lone initial ("C" of Connor) right after a capitalised word of three
# letters or more is that word's letter, not the person: "Review C", "Appendix C", "a Category
# C prison", "Hepatitis C" read "Review Mother's partner". Two-letter titles ("Mr C", "Ms K")
# have no lower-case run that long, and the longer honorifics are let through by name.
_AFTER_HONORIFIC = "|".join(rf"(?<=\b{t} )" for t in ("Mrs", "Miss", "Master"))
_NOT_AFTER_WORD = "".join(rf"(?<!\b[A-Z][a-z]{{{n}}} )" for n in range(2, 25))
_LONE_INITIAL_CONTEXT = rf"(?:{_AFTER_HONORIFIC}|{_NOT_AFTER_WORD})"


# Nor is a letter that starts a path ("C:\\Users", "D:/shared"): a drive, not Connor.
_NOT_A_DRIVE = r"(?!:[\\/])"
# Nor a letter after a word and an apostrophe: the end of a word in capitals ("CHILDREN'S
# SERVICES" read "CHILDREN'Mother SERVICES" with a Shari listed, "DON'T", "I'M").
_NOT_AFTER_APOSTROPHE = rf"(?<!\w[{APOSTROPHES}])"


_HYPHEN = r"[-\u2010\u2011](?:[ \t]*\r?\n[ \t]*)?"


def _variant_regex(variant: Variant) -> str:
    if len(variant.text) == 1 and variant.text.isupper():
        letter = re.escape(variant.text)
        if variant.abbreviates:
            # Not between lower-case words ("bruise L cheek"); "L's coat", "saw L." still are.
            letter = rf"(?:(?<![a-z][ \t]){letter}|{letter}(?![ \t]+[a-z]))"
        return f"(?-i:{_LONE_INITIAL_CONTEXT}{_NOT_AFTER_APOSTROPHE}{letter}{_NOT_A_DRIVE})"
    text, ending = variant.text, ""
    if variant.plural:
        # "chronolog" and (?:ies|y): the endings that differ, the longer first.
        stem = os.path.commonprefix([variant.text, variant.plural])
        tails = sorted({variant.plural[len(stem) :], variant.text[len(stem) :]}, key=len, reverse=True)
        text, ending = stem, "(?:" + "|".join(re.escape(t) for t in tails) + ")"
    parts = []
    for token in name_tokens(text):
        # Straight and curly apostrophes are the same letter to a reader (O'Neill / O’Neill).
        pieces = re.split(f"[{APOSTROPHES}]", token)
        # A double-barrelled name may be broken at its hyphen by a line end ("Fernandes-
        # Lopez" over two lines), or typed with a non-breaking hyphen.
        parts.append(f"[{APOSTROPHES}]".join(re.escape(p).replace(r"\-", _HYPHEN) for p in pieces))
    body = r"\s+".join(parts) + ending
    flag = "-i" if variant.case_sensitive else "i"
    if variant.case_sensitive and variant.text[:1].isalpha() and variant.text[1:2].islower():
        # A capitalised common word also matches in capitals: "HOPE" in a heading is the name.
        upper = r"\s+".join(re.escape(t.upper()) for t in name_tokens(variant.text))
        return f"(?-i:{body}|{upper})"
    return f"(?{flag}:{body})"


def compile_variants(variants: Iterable[Variant]) -> re.Pattern[str] | None:
    """One regex for every variant: whole words only, longest alternatives first.

    The alternation is grouped by first character (see alternation.py): a keep list of a
    thousand terms tried branch by branch at every word was a large share of a document's
    time.
    """
    ordered = sorted(set(variants), key=lambda v: (-len(v.text), v.text, v.case_sensitive))
    if not ordered:
        return None
    alternation, starts = grouped_alternation([(v.text, _variant_regex(v), v.case_sensitive) for v in ordered])
    # A name followed by a dot is fine ("met Hope."), but "K.M." must keep its own dots.
    return re.compile(rf"{starts}(?<![\w@])(?:{alternation})(?![\w@])")


def find_all(pattern: re.Pattern[str] | None, text: str) -> Iterator[tuple[int, int, str]]:
    if pattern is None:
        return
    for match in pattern.finditer(text):
        yield match.start(), match.end(), match.group(0)
