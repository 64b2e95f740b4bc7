"""What the phases of the decide stage find in one draft, gathered in one record.

Each phase adds to it in turn (judging the findings, then searching for names and strings
everywhere, then noting doubts); the last builds the decisions from it. The order of the
phases is the order of ``decide``: a later phase reads what the earlier ones found.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from anonymiser.decide.kept_rows import KeptRow
from anonymiser.decide.people import Person
from anonymiser.decide.spans import Candidate
from anonymiser.detect.names import Variant


@dataclass
class Found:
    """Candidates for redaction, and what is known about each key (a person's key, or a
    string's "CATEGORY:text")."""

    candidates: list[Candidate] = field(default_factory=list)
    kept: dict[str, KeptRow] = field(default_factory=dict)
    scores: dict[str, float] = field(default_factory=dict)
    recognisers: dict[str, set[str]] = field(default_factory=dict)
    fuzzy_keys: set[str] = field(default_factory=set)  # people found by a possible misspelling
    case_replacements: dict[str, str] = field(default_factory=dict)
    plain_strings: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (text, category), non-person
    case_keys: set[str] = field(default_factory=set)  # plain strings the case file lists: redacted everywhere
    # The names that are ordinary words matched in lower case in a paragraph with no capitals
    # ("mum joy says"), by person: a guess, sent for review.
    lower_case_names: dict[str, set[str]] = field(default_factory=dict)
    # Where a listed child's name was found to be an adult's ("Abdi senior"): the person it is.
    adult_spans: dict[tuple[int, int, int], str] = field(default_factory=dict)
    # Spans of things the policy keeps (agencies under scr): a weaker finding inside one,
    # such as the model calling "Westmere Constabulary" an ORG, is not a separate entity.
    policy_kept_spans: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    # The people found, once the names are searched for (``search_people``).
    people: list[Person] = field(default_factory=list)
    # The people a couple's first title stands for ("Mr" of "Mr and Mrs Okonkwo"), made at
    # resolving (resolve.py).
    couple_keys: set[str] = field(default_factory=set)
    secrets: list[Variant] = field(default_factory=list)  # strings verification looks for
    loose: list[Variant] = field(default_factory=list)  # allowed inside kept agency names
    review_reasons: dict[str, set[str]] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)  # where a name came from; no doubt of itself
