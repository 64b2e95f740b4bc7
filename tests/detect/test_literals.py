"""literals.py: the words every match of a regular expression contains, and the word-by-word
search that stands for a pattern's ``needs`` group. Getting a word wrong would skip a text
that holds a match and publish what the pattern finds, so the words must be certain."""

from __future__ import annotations

import re

import pytest

from anonymiser.detect.literals import LiteralNeeds, required_literals
from anonymiser.detect.registry import load_recognisers, needs_source
from tests.detect.test_pattern_needs import PATTERNS, _texts

FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL


@pytest.mark.parametrize(
    ("source", "words"),
    [
        ("Crew|Gang|Boys", ("boys", "crew", "gang")),
        # A word that holds another is not needed beside it.
        ("Cottage|Cottages|Farm", ("cottage", "farm")),
        # A run of letters joined to what every branch after it opens with.
        (r"\.(?:uk|com|org)\b", (".com", ".org", ".uk")),
        # The longest run of a branch stands for it: "tik" of "tik\s?tok".
        (r"\b(?:snapchat|tik\s?tok)", ("snapchat", "tik")),
        (r"sentenced\s+to|jailed\s+for", ("jailed", "sentenced")),
        (r"(?:ab)?cd", ("cd",)),
        # Verbose: the spaces and comments are no words.
        ("(?x) foo | bar  # the two", ("bar", "foo")),
    ],
)
def test_words_every_match_holds(source: str, words: tuple[str, ...]) -> None:
    assert required_literals(source, FLAGS) == words


@pytest.mark.parametrize(
    "source",
    [
        r"\d+",  # no word at all
        r"a|\d",  # a branch without one
        r"x(?:ab|)c",  # an empty branch: "x" and "c" are one letter each
        r"(?:abc)?",  # optional
        r"(?=abc)d",  # a look-ahead's words are outside the match
        "[[:alpha:]]+",  # a class the two engines read differently (Python warns)
        r"(?:abc){e<=1}",  # a fuzzy match to `regex`, five letters to Python's engine
    ],
)
def test_no_words_where_they_are_not_certain(source: str) -> None:
    assert required_literals(source, FLAGS) is None


def test_the_search_finds_the_first_word_ignoring_case() -> None:
    needs = LiteralNeeds(("crew", "gang"), 0)
    text = "the Marsh Lane CREW and a gang"
    hit = needs.search(text)
    assert hit is not None and (hit.start(), hit.group(0)) == (15, "CREW")
    later = needs.search(text, hit.end())
    assert later is not None and later.group(0) == "gang"
    assert needs.search(text, later.end()) is None


def _needs_groups() -> list[tuple[str, object, re.Pattern[str]]]:
    """Each shipped pattern whose group became words, with the group's own regex."""
    out = []
    for recogniser in load_recognisers(PATTERNS, []):
        for pattern in getattr(recogniser, "patterns", []):
            needs = getattr(pattern, "needs", None)
            if isinstance(needs, LiteralNeeds):
                verbose = bool(pattern.compiled_regex.flags & re.VERBOSE)  # type: ignore[attr-defined]
                body = needs_source(pattern.regex, verbose)  # type: ignore[attr-defined]
                out.append((pattern.name, needs, re.compile(body, FLAGS | (re.VERBOSE if verbose else 0))))  # type: ignore[attr-defined]
    return out


def test_most_shipped_groups_are_searched_word_by_word() -> None:
    assert len(_needs_groups()) >= 20


@pytest.mark.parametrize(("name", "needs", "group"), _needs_groups(), ids=lambda x: x if isinstance(x, str) else "")
def test_the_words_find_every_place_the_group_does(name: str, needs: LiteralNeeds, group: re.Pattern[str]) -> None:
    # Wherever the group's own regex finds something, one of the words is there too.
    for text in _texts():
        for match in group.finditer(text):
            hit = needs.search(text, match.start())
            assert hit is not None and hit.start() < match.end(), (name, match.group(0))
