"""A bracketed label that fills a bracket of the text takes that bracket's place.

"Kayleigh (aged 7) was seen" read "Person A ((age)) was seen": the text's brackets and the
label's both stood. The label's bracket is the descriptor's mark (the published example
writes "(specified medication)"), so it stays, and the text's goes. Every name is invented.
"""

from __future__ import annotations

import pytest

from anonymiser.decide.repeats import tidy_repeated_words
from anonymiser.records import Edit
from tests.decide.handmade import one_unit


def tidy(text: str, part: str, replacement: str) -> str:
    unit = one_unit(text)
    start = text.index(part)
    (edit,) = tidy_repeated_words([Edit(0, start, start + len(part), replacement)], [unit])
    return text[: edit.start] + edit.replacement + text[edit.end :]


@pytest.mark.parametrize(
    ("text", "part", "replacement", "published"),
    [
        ("Kayleigh (aged 7) was seen.", "aged 7", "(age)", "Kayleigh (age) was seen."),
        ("He was seen at (Greenbank Primary).", "Greenbank Primary", "(school)", "He was seen at (school)."),
        # The bracket holds more than the span: both stay.
        ("Tiana (DOB 3/4/15) was seen.", "3/4/15", "(date of birth)", "Tiana (DOB (date of birth)) was seen."),
        # A label with its own article takes the text's: not "a (a specific issue)".
        ("a Staffordshire bull terrier called Tyson", "Staffordshire bull terrier", "(a specific issue)",
         "(a specific issue) called Tyson"),
        ("A heart condition was found.", "heart condition", "(a specific condition)", "(A specific condition) was found."),
        ("the heart condition was found.", "heart condition", "(a specific condition)", "the (a specific condition) was found."),
        # A label without brackets leaves the text's alone.
        ("Mum (Leanne) said so.", "Leanne", "Mother", "Mum (Mother) said so."),
    ],
)
def test_a_bracketed_label_in_a_bracket(text: str, part: str, replacement: str, published: str) -> None:
    assert tidy(text, part, replacement) == published
