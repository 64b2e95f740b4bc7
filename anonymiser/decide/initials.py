"""Lone initials used as a person's name, for a policy that masks them (``initials: mask``).

A judgment or record may call a real person by one letter ("the complainant (M.)", "sued by
“K”, a former patient"). Under a policy that masks whatever narrows a person down, that
letter is the person's name. It is found in two steps: a seed, where the text itself says
the letter is a person (right after a person word, or followed by "a former patient"), and
then every place the same letter stands alone as a word. A letter that labels something
("Annex A", "Child A", "A/S"), the article "A", the pronoun "I" and a letter inside initials
("J. K. Smith") are never taken.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence

from wordfreq import zipf_frequency

# One capital letter standing alone: not part of a word, of initials ("K.M.", "J. K."), of
# a code ("A/S", "B-2", "A1") or an abbreviation.
_LETTER = r"(?<![\w.\-/&'\u2019])(?<![A-Z]\.\s)[A-Z](?![\w/&\-])(?!\.\s?[A-Z]\.)(?!\.?[\-/]\w)"
# The same, for the decide stage's other readers of lone letters (short_forms.py).
LONE_LETTER = _LETTER
_OPEN = r"[(\[\u201c\u2018\"']?"
_CLOSE = r"\.?[)\]\u201d\u2019\"']?"
_LIST_JOIN = r"(?:\s*,\s*|\s+and\s+|\s*&\s*|\s*,\s*and\s+)"
_ARTICLE_OR_PRONOUN = frozenset("AI")
# A word this common opening a sentence is a grammar word ("When", "Then", "After").
_SENTENCE_WORD_ZIPF = 5.75


def _words_regex(words: Sequence[str]) -> str:
    ordered = sorted({w.lower() for w in words if w.strip()}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


class InitialFinder:
    """Finds lone initials that name a person in one text, given the person words."""

    def __init__(self, person_words: Sequence[str], titles: Sequence[str] = ()) -> None:
        nouns = _words_regex(person_words)
        letters = rf"{_OPEN}{_LETTER}{_CLOSE}(?:{_LIST_JOIN}{_OPEN}{_LETTER}{_CLOSE})*"
        # Written in lower case, so "Child A" or "Person B" (a pseudonym) is no seed.
        # "the complainant (M.)", "five co-accused, A, B and R", "a daughter M., born".
        self._after_noun = re.compile(rf"(?<![\w\-])(?:{nouns})(?:\s*,)?\s+(?P<letters>{letters})")
        # "“K”, a former patient", "B, the applicant's brother".
        self._apposition = re.compile(
            rf"(?P<letters>{_OPEN}{_LETTER}{_CLOSE}),\s+(?:a|an|the|his|her|their)\s+"
            rf"(?:[\w\u2019'\-]+\s+){{0,2}}(?:{nouns})\b"
        )
        self._letter = re.compile(_LETTER)
        # "Sergeant H", "Corporal G", "Officer K": a capitalised rank or title before a lone
        # letter makes the letter a person's name. Matched in capitals only, so "the officer
        # A" is left to the person words above.
        ranks = "|".join(
            re.escape(t.rstrip(".")).replace(r"\ ", r"\s+")
            for t in sorted({t for t in titles if t.strip()}, key=len, reverse=True)
        )
        self._titled = (
            re.compile(rf"(?<![\w\-])(?P<title>(?:{ranks})\.?)\s+(?P<letter>{_LETTER})") if ranks else None
        )

    def titled(self, text: str) -> Iterator[tuple[int, int, int]]:
        """(title start, letter start, letter end) of each titled letter ("Sergeant H"): the
        title is masked with the letter, as a title before a redacted name is."""
        if self._titled is None:
            return
        for match in self._titled.finditer(text):
            start, end = match.span("letter")
            # "Captain A Smith": the letter is the initial of a name the model finds whole.
            if not _is_article_or_pronoun(text, start, end) and not re.match(r"\s+[A-Z][a-z]", text[end:]):
                yield match.start(), start, end

    def seeds(self, text: str) -> Iterator[tuple[int, int]]:
        """Spans of the letters the text itself calls a person."""
        for pattern in (self._after_noun, self._apposition):
            for match in pattern.finditer(text):
                base = match.start("letters")
                for letter in self._letter.finditer(match.group("letters")):
                    start, end = base + letter.start(), base + letter.end()
                    if _may_be_a_name(text, start, end):
                        yield start, end

    def occurrences(self, text: str, letter: str) -> Iterator[tuple[int, int]]:
        """Every span where ``letter`` stands alone as a person's name could."""
        for match in self._letter.finditer(text):
            if match.group() == letter and _may_be_a_name(text, match.start(), match.end()):
                yield match.start(), match.end()


def pupil_letters(text: str, state_after: re.Pattern[str], not_initials: Collection[str] = ()) -> Iterator[tuple[int, int]]:
    """Spans of the lone capital letters ``text`` puts where a pupil is ("K is on SEN
    Support", "M was in Year 4": people.yml ``pupil_states``, ``state_after`` the pattern of
    them after a name), under any policy: the letter is a child's initial. Not "I", nor a
    letter that labels something ("Group B is in ...") or that people.yml ``not_initials``
    lists."""
    for match in re.finditer(_LETTER, text):
        start, end = match.span()
        if (
            match.group() != "I"
            and match.group() not in not_initials
            and state_after.match(text, end) is not None
            and _may_be_a_name(text, start, end)
        ):
            yield start, end


def _may_be_a_name(text: str, start: int, end: int) -> bool:
    """Not a label after a capitalised word ("Annex A", "Child A", "Part B"), nor the article
    or the pronoun ("A meeting", "I said"; "A and B" is a list), nor a heading's number ("A. Introduction" at the
    start of a line). A very common word opening a sentence ("When M. gave evidence", "Then K
    left") is no label."""
    if re.search(r"(?:^|\n)[ \t]*$", text[:start]) and re.match(r"[.)]\s", text[end:]):
        return False
    before = re.search(r"([\w\u2019'\-]+)[ \t]*$", text[max(0, start - 40) : start])
    if before and before.group(1)[:1].isupper() and before.group(1).lower() not in ("and", "or"):
        opens_sentence = re.search(r"(?:^|[.!?:;]\s+|\n\s*|[(\[\u201c\u2018\"]\s*)$", text[: start - len(before.group(0))])
        if not (opens_sentence and zipf_frequency(before.group(1).lower(), "en") >= _SENTENCE_WORD_ZIPF):
            return False
    return not _is_article_or_pronoun(text, start, end)


def _is_article_or_pronoun(text: str, start: int, end: int) -> bool:
    """"A meeting", "I said"; but "A and B" is a list of names."""
    return text[start:end] in _ARTICLE_OR_PRONOUN and bool(
        re.match(r"\s+(?!(?:and|or)\b)[A-Za-z]", text[end:])
    )
