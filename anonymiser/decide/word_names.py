"""First names the name lists hold but which are ordinary words, where the words around them
say they are a person: before a person's verb ("Summer told the teacher", "Grace's mother
said"), and in lower-case notes after a kinship word used as a title or in brackets after a
family role ("nanna pat said", "dad (lee) was drunk").

The recogniser proposes a lone first name only when it is rare as a word ("Tyler", not
"Grace"), and a lower-case one only when rarer still ("kayleigh", not "pat"): these were
published whole.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from wordfreq import zipf_frequency

from anonymiser.decide.keep import overlaps_any
from anonymiser.decide.recognisers import WORD_NAME
from anonymiser.decide.place_guesses import CHILDS_AGE_AFTER
from anonymiser.decide.reclassify import PLACE_CATEGORIES
from anonymiser.decide.words import NAME_WORD
from anonymiser.detect.given_names import LOWER_CASE_BELOW_ZIPF, GivenNameRules, name_key
from anonymiser.detect.model import MODEL_RECOGNISER_PREFIX
from anonymiser.records import Finding
from anonymiser.settings import PeopleWords

# A guess from the words around the name: scored so that the person goes for review.
_WORD_NAME_SCORE = 0.6
# A capitalised word or an initial just before, on the same line.
_NAME_BEFORE = re.compile(r"(?<![\w'\u2019.-])(?:[A-Z]\.|[A-Z][\w'\u2019-]*)[ \t]+$")
# A word in lower case, its possessive apart.
_LOWER_CASE = re.compile(r"(?<![\w'\u2019-])([a-z]{3,})(?=(?:['\u2019]s)?(?![\w-]))")
# Words that give a name after them ("is called |ryan", "known as |kai").
_NAMED_BEFORE = re.compile(r"\b(?:called|named|known[ \t]+as)[ \t]+$", re.IGNORECASE)
# A word that reports what someone said just before a name ("she said |darren had left").
_REPORTED_BEFORE = re.compile(r"\b(?:said|says|told|tells|that|reported|reports|stated)[ \t]+$", re.IGNORECASE)
# An honorific in lower case and the word after it ("mrs |smith|", "mr |o'neill|"); not "miss",
# a verb ("did not miss school"), nor "ms" before a word of a condition, which is no surname.
_LOWER_CASE_TITLE_THEN_WORD = re.compile(r"(?<![\w'\u2019.-])(?:mr|mrs|ms|mx|dr)\.?[ \t]+(?P<name>[a-z][a-z'\u2019-]*[a-z])(?![\w'\u2019-])")
# A nickname in quotes after words that give someone a name ('known as "Smithy"', 'knew her as
# "Bubbles"', "called him 'Tiny'", "nicknamed 'Bear'"): one or two capitalised words.
_NICKNAME_IN_QUOTES = re.compile(
    r"\b(?:known|knew[ \t]+(?:him|her|them)|called[ \t]+(?:him|her|them)|referred[ \t]+to|nicknamed|named)"
    r"(?:[ \t]+as)?[ \t]+[\"'\u2018\u201c](?P<name>[A-Z][a-z'\u2019-]+(?:[ \t]+[A-Z][a-z'\u2019-]+)?)[\"'\u2019\u201d]"
)
# What closes a name set off after a role ("the contact supervisor, Grace|,", "(the IRO, Faith|)").
_APPOSITION_CLOSES = re.compile(r"[ \t]*[,)]")
# "and" and a capitalised word after a name ("Rose| and Summer").
_AND_CAPITALISED = re.compile(r"[ \t]+(?:and|&)[ \t]+([A-Z][a-z]+)(?![\w'\u2019-])")
# A determiner before a word makes it a noun ("the |bill said").
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|this|that|his|her|their|my|your|our|its)[ \t]+$", re.IGNORECASE)
# What every match of ``role_then_quoted_name`` holds: an opening quote before a capital.
_QUOTE_THEN_CAPITAL = re.compile(r"[\"'\u2018\u201c][A-Z]")
# A capitalised word, its possessive apart.
_CAPITALISED = re.compile(r"(?<![\w'\u2019-])([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?=(?:['\u2019]s)?(?![\w-]))")


def with_word_names(
    findings: Sequence[Finding],
    texts: Mapping[int, str],
    words: PeopleWords,
    glossary_words: set[str],
    given: GivenNameRules,
) -> list[Finding]:
    """``findings`` with the names ``word_names`` finds, and without the model's guesses that
    overlap one: the model read "Summer" of "Summer told the teacher" as a date, "Grace" of
    "Grace's mother said" as a body, and "nanna pat" as a person in lower case, which the
    judge drops as no name; each was published."""
    found = word_names(findings, texts, words, glossary_words, given)
    if not found:
        return list(findings)
    spans: dict[int, list[tuple[int, int]]] = {}
    for f in found:
        spans.setdefault(f.unit, []).append((f.start, f.end))
    kept = [
        f
        for f in findings
        if not (f.recogniser.startswith(MODEL_RECOGNISER_PREFIX) and overlaps_any(f.start, f.end, spans.get(f.unit, [])))
    ]
    return [*kept, *found]


def word_names(
    findings: Sequence[Finding],
    texts: Mapping[int, str],
    words: PeopleWords,
    glossary_words: set[str],
    given: GivenNameRules,
) -> list[Finding]:
    """PERSON findings for first names that are ordinary words, no finding covers, where:

    - capitalised, a person's verb follows (people.yml ``person_verbs``: "Summer told",
      "Hope had bruising") or a possessive and a family role ("Grace's mother");
    - in lower case, a kinship word used as a title comes just before (``kin_titles``:
      "nanna pat", "uncle gaz"), or it stands alone in brackets after a family role ("dad
      (lee)"), or "called", "named" or "known as" comes before ("is called ryan"); or, if rare
      enough to stand alone capitalised, a possessive and a family role follow ("kai's dad")
      or a person's verb with no determiner before ("ruby said", not "the bill said").

    The word must be a first name of the lists no more common than a full name's first word
    may be (given_names.yml ``full_below_zipf``: "Will", "May" never), and no title, role,
    function, practice, keep-list or not_names word, nor a word of a place found."""
    taken: dict[int, list[tuple[int, int]]] = {}
    places: set[str] = set()
    for f in findings:
        if f.recogniser.startswith(MODEL_RECOGNISER_PREFIX):
            # The model's guesses give way ("Summer" a season, "Grace" a body, "nanna pat"
            # a person in lower case that is no name): see with_word_names. Not its full name
            # ("Summer Jones told"), whose surname would be published.
            if f.category == "PERSON" and sum(1 for w in NAME_WORD.findall(f.text) if w[:1].isupper()) > 1:
                taken.setdefault(f.unit, []).append((f.start, f.end))
            continue
        taken.setdefault(f.unit, []).append((f.start, f.end))
        if f.category in PLACE_CATEGORIES:
            places.update(w.lower() for w in NAME_WORD.findall(f.text))
    folded = words.folded
    never = folded.titles | folded.function_words | folded.roles | glossary_words | places

    # What a word is, whatever its place: asked of every word of the draft, answered once
    # per distinct word (most words are no name, and the same words come again and again).
    word_is: dict[tuple[str, bool], bool] = {}

    def name_word(word: str, lone_rare: bool) -> bool:
        low = word.lower()
        if low in never or not given.is_word_name(word):
            return False
        zipf = zipf_frequency(low, "en")
        return (
            # A capitalised name rarer than this is the recogniser's ("Kian said"), unless
            # it is listed for its context alone ("Testimony told").
            (lone_rare or zipf >= given.lone_below_zipf or given.is_context_only(word))
            and zipf < given.full_below_zipf
            and not words.not_name_matcher.is_term(word)
        )

    def a_name(word: str, start: int, uid: int, lone_rare: bool = False) -> bool:
        known = word_is.get((word, lone_rare))
        if known is None:
            known = word_is[(word, lone_rare)] = name_word(word, lone_rare)
        return known and not overlaps_any(start, start + len(word), taken.get(uid, []))

    out: list[Finding] = []
    for uid, text in texts.items():
        spans: list[tuple[int, int]] = []
        for match in _CAPITALISED.finditer(text):
            start, end = match.span(1)
            if not a_name(match.group(1), start, uid) or _NAME_BEFORE.search(text, 0, start):
                # (After a capitalised word or an initial it ends a longer name: "J. K.
                # Smith complained", "Mr Grace said", which titles and initials find.)
                continue
            if (
                words.person_verb_after.match(text, end)
                or words.possessive_then_family.match(text, end)
                # Where a pupil is: "Hope is in Year 2", "Faith is on SEN Support".
                or words.pupil_state_after.match(text, end)
                # A child's age in commas or brackets: "Hope, aged 7, was seen".
                or CHILDS_AGE_AFTER.match(text, end)
                # Set off by commas after a practitioner's role: "the FGC coordinator,
                # Summer, booked the venue" (the model read a date and published it).
                or (_APPOSITION_CLOSES.match(text, end) and words.role_apposition_before.search(text, max(0, start - 60), start))
            ):
                spans.append((start, end))
            elif words.and_family_after.match(text, end):
                # "Hope and her brother were placed", "Sky and Mum went": a family role
                # listed with the word makes it a person too.
                spans.append((start, end))
            else:
                # "Rose and Summer were seen by the GP": two such names listed, a person's
                # verb after the second, are both people (the verb made only the second one).
                other = _AND_CAPITALISED.match(text, end)
                if (
                    other is not None
                    and a_name(other.group(1), other.start(1), uid)
                    and (words.person_verb_after.match(text, other.end(1)) or words.names_verb_after.match(text, other.end(1)))
                ):
                    spans += [(start, end), other.span(1)]
        for match in _LOWER_CASE.finditer(text):
            # Lower-case notes: "kai's dad is called ryan", "ruby said". Before a verb or a
            # possessive, only names rare enough to stand alone capitalised ("grace said" is
            # too common a word).
            start, end = match.span(1)
            word = match.group(1)
            if not a_name(word, start, uid, lone_rare=True):
                continue
            before = text[max(0, start - 20) : start]
            rare = zipf_frequency(word, "en") < given.lone_below_zipf
            if _NAMED_BEFORE.search(before) or (
                rare
                and (
                    words.possessive_then_family.match(text, end)
                    or (words.person_verb_after.match(text, end) and not _DETERMINER_BEFORE.search(before))
                    # Reported: "she said darren had left", "says that tyler was at nan's".
                    # (A verb a sentence's subject takes: people.yml verbs_after_name.)
                    or (_REPORTED_BEFORE.search(before) and words.reported_verb_after.match(text, end))
                )
            ):
                spans.append((start, end))
        for match in words.modal_name.finditer(text):
            # "Will was seen by the GP", "Will's mum": no modal verb stands there.
            start, end = match.span("name")
            if not overlaps_any(start, end, taken.get(uid, [])) and not _NAME_BEFORE.search(text, 0, start):
                spans.append((start, end))
        for match in _LOWER_CASE_TITLE_THEN_WORD.finditer(text):
            # "mrs smith said", "spoke to mr o'neill": a surname of the lists, or a word rare
            # in English, after an honorific in a lower-case note.
            start, end = match.span("name")
            surname = match.group("name")
            if (
                not overlaps_any(start, end, taken.get(uid, []))
                and surname not in never
                and (name_key(surname) in given.surnames or zipf_frequency(surname, "en") < LOWER_CASE_BELOW_ZIPF)
            ):
                spans.append((start, end))
        # (Each search below is tried at every word of the draft: a unit that lacks what
        # every match holds, a quote before a capital or a kinship word, is not searched.)
        quoted = words.role_then_quoted_name.finditer(text) if _QUOTE_THEN_CAPITAL.search(text) else ()
        for match in (*_NICKNAME_IN_QUOTES.finditer(text), *quoted):
            # 'knew her as "Bubbles"', "called him 'Tiny'", "the neighbour 'Big Mick'": the
            # draft says it is a name.
            start, end = match.span("name")
            name_words = match.group("name").lower().split()
            if not overlaps_any(start, end, taken.get(uid, [])) and not all(w in never for w in name_words):
                spans.append((start, end))
        lowered = text.lower()
        kin = "(" in text or any(k in lowered for k in words.kin_title_stems)
        for match in words.kin_title_then_name.finditer(text) if kin else ():
            group = "name" if match.group("name") else "bracketed"
            start, end = match.span(group)
            if a_name(match.group(group), start, uid, lone_rare=True):
                spans.append((start, end))
        out += [Finding(uid, s, e, text[s:e], "PERSON", _WORD_NAME_SCORE, WORD_NAME) for s, e in sorted(set(spans))]
    return out
