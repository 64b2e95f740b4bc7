"""Context words: a finding's score rises when one of its recogniser's context words is near.

This is Presidio's rule (``LemmaContextAwareEnhancer`` with its defaults), done in one pass
over a chunk. Presidio looks for each finding's token by scanning the chunk's tokens from
the start, deep-copies every result and tests membership in a list of words, so on a
5,000-character chunk its cost grew with the square of the chunk's findings; here each
finding's token is found by bisection and the chunk's words are read once.

The rule: the words looked at are the last ``WORDS_BEFORE`` + 1 "keywords" up to and
including the finding's first token, and the first ``WORDS_AFTER`` + 1 from that token on. A
keyword is a token's lower-case text that is neither a stop word nor punctuation (no
lemmatiser runs; see model.py). A context word supports the finding when it is part of one
of those words ("phone" in "telephone"). The score then rises by ``BOOST``, to at least
``FLOOR`` and at most 1.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from presidio_analyzer import EntityRecognizer, RecognizerResult

WORDS_BEFORE = 5
WORDS_AFTER = 0
BOOST = 0.35
FLOOR = 0.4


@dataclass(frozen=True)
class ChunkWords:
    """A chunk's tokens as context needs them: where each ends, and its keywords in order."""

    ends: tuple[int, ...]  # end offset of each token
    keyword_at: tuple[int, ...]  # token index of each keyword, ascending
    keywords: tuple[str, ...]  # the keyword at each of those indices

    @classmethod
    def of(cls, starts: Sequence[int], words: Sequence[str], lengths: Sequence[int], is_keyword: Callable[[str], bool]) -> ChunkWords:
        keyword_at = tuple(i for i, word in enumerate(words) if is_keyword(word))
        return cls(
            ends=tuple(s + n for s, n in zip(starts, lengths)),
            keyword_at=keyword_at,
            keywords=tuple(words[i] for i in keyword_at),
        )

    def around(self, start: int) -> set[str]:
        """The keywords in the window of a finding that starts at character ``start``."""
        if not self.ends:
            return set()
        token = min(bisect_right(self.ends, start), len(self.ends) - 1)
        before_end = bisect_right(self.keyword_at, token)
        after_start = bisect_left(self.keyword_at, token)
        before = self.keywords[max(0, before_end - (WORDS_BEFORE + 1)) : before_end]
        after = self.keywords[after_start : after_start + WORDS_AFTER + 1]
        return set(before) | set(after)


def boost_by_context(
    results: Sequence[RecognizerResult],
    words: ChunkWords,
    context_of: Mapping[str, Sequence[str]],
) -> None:
    """Raise, in place, the score of each result whose recogniser's context word is near it.

    ``context_of`` maps a recogniser's id to its lower-case context words (recognisers
    without any are left out).
    """
    for result in results:
        metadata = result.recognition_metadata or {}
        context = context_of.get(metadata.get(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY, ""))
        if not context or metadata.get(RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY):
            continue
        near = words.around(result.start)
        if any(word in keyword for word in context for keyword in near):
            result.score = min(max(result.score + BOOST, FLOOR), EntityRecognizer.MAX_SCORE)


def context_words(recognisers: Sequence[EntityRecognizer]) -> dict[str, tuple[str, ...]]:
    """Each recogniser's context words, lower-cased, by recogniser id."""
    return {r.id: tuple(w.lower() for w in r.context) for r in recognisers if getattr(r, "context", None)}
