"""What every phase of the decide stage reads about one draft: its text units, the settings,
and the practice terms found in it. Built once per draft; nothing in it changes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from anonymiser.decide.keep import TermMatcher, TermSpans
from anonymiser.decide.text_index import DocumentText
from anonymiser.decide.titles import TitlePatterns
from anonymiser.decide.words import words_in
from anonymiser.detect.names import is_common_word
from anonymiser.records import TextUnit
from anonymiser.settings import PeopleWords, Policy, Settings


@dataclass(frozen=True)
class Draft:
    """One draft as the decide stage reads it."""

    units: Sequence[TextUnit]
    settings: Settings
    by_uid: dict[int, TextUnit]
    texts: dict[int, str]
    titles: TitlePatterns
    # Where the keep list's practice terms, and the case file's, stand in each unit.
    glossary_spans: TermSpans
    case_keep_spans: TermSpans
    glossary_words: set[str]  # every word of the keep list's terms, in lower case
    title_words: frozenset[str]
    openers: frozenset[str]  # people.yml function_words, in lower case
    text_index: DocumentText  # the whole text, searched once per pattern

    @classmethod
    def read(cls, units: Sequence[TextUnit], settings: Settings) -> Draft:
        words = settings.people
        texts = {u.uid: u.text for u in units}
        return cls(
            units=units,
            settings=settings,
            by_uid={u.uid: u for u in units},
            texts=texts,
            titles=TitlePatterns(words.titles),
            glossary_spans=TermSpans(settings.keep.matcher, texts),
            case_keep_spans=TermSpans(settings.case.keep_matcher, texts),
            # Not a town's name ("Edinburgh" of the Edinburgh Postnatal Depression Scale).
            glossary_words=settings.practice_words(words_in(settings.keep.terms)),
            title_words=frozenset(t.rstrip(".").lower() for t in words.titles),
            openers=frozenset(w.lower() for w in words.function_words),
            text_index=DocumentText(units),
        )

    @property
    def words(self) -> PeopleWords:
        return self.settings.people

    @property
    def policy(self) -> Policy:
        return self.settings.policy

    @property
    def glossary(self) -> TermMatcher:
        return self.settings.keep.matcher

    @property
    def case_keep(self) -> TermMatcher:
        return self.settings.case.keep_matcher

    def is_name_word(self, word: str) -> bool:
        """A capitalised word that can be a given name: not a title, a practice word, a word
        the model often takes for a person, or an ordinary English word."""
        return (
            word.lower() not in self.title_words
            and word.lower() not in self.glossary_words
            and not self.words.not_name_matcher.is_term(word)
            and not is_common_word(word)
        )
