"""Which person a PERSON finding names, and whether it names anyone.

A finding is a person only if it can be a name (``plausible_name``); it is then matched to
the case file's people, to a person already found (an alias in brackets, a fuller name), or
made a new person, with the title before it deciding whose it is ("Mrs O'Neill" beside a
child Grace O'Neill, "Dr Brightwell" beside the Brightwell family).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache

from wordfreq import zipf_frequency

from anonymiser.decide.context import Draft
from anonymiser.decide.keep import TermMatcher
from anonymiser.decide.people import (
    Person,
    PersonBook,
    children_named,
    clean_person_text,
    fold,
    given_name_first,
    is_surname_alone,
    role_before,
    role_label_for,
    strip_title,
)
from anonymiser.decide.reclassify import PLACE_CATEGORIES
from anonymiser.decide.words import NAME_WORD, normalise
from anonymiser.detect.case_file import CaseMatcher
from anonymiser.detect.given_names import GivenNameRules
from anonymiser.detect.model import MODEL_RECOGNISER_PREFIX
from anonymiser.detect.names import name_tokens
from anonymiser.records import Finding
from anonymiser.settings import CasePerson, PeopleWords, Replacements


def untitled_name(text: str, words: PeopleWords) -> str:
    """A PERSON finding's name without a title or the role words the model reads into it."""
    name = strip_title(clean_person_text(text), words.titles)
    role = words.leading_role.match(name)
    while role is not None and role.end() < len(name):
        name = name[role.end() :]
        role = words.leading_role.match(name)
    return name


def noun_after_family_title(f: Finding, text: str, words: PeopleWords, given: GivenNameRules) -> bool:
    """Whether the model's PERSON ``f`` is an ordinary word after a capitalised family word,
    the two a phrase: "Mother Nature", "Father Christmas", "Sister Act" (the model's "Mother
    Nature", with the role cut off, read "Mother Person E"). The word is no first name and
    no surname ("Mother Kayleigh", "Father Smith" stay people), and the role is capitalised:
    after "his partner Chance" a rare word may well be a name. After a kinship title
    (people.yml ``kin_titles``: "Auntie Shell") any word is a name."""
    word = f.text.strip()
    if " " in word or not word[:1].isupper() or given.is_first_name(word) or given.is_surname_like(word):
        return False
    role, group = role_before(text, f.start, words)
    if group != "family" or role is None or role.lower() in words.kin_title_set:
        # A kinship word a family puts before a first name ("Auntie Shell", "Nanny
        # Sparkle") is a title: the word after it is what they call her.
        return False
    written = text[max(0, f.start - 40) : f.start].rstrip(" \t\u00a0,(:")
    return written[-len(role) :][:1].isupper()


def adult_titled(f: Finding, text: str, words: PeopleWords) -> bool:
    """Whether ``f`` is a lone name word (or a surname with its particles, "da Silva") right
    after a title that a child does not bear ("Mrs O'Neill", "Mr da Silva", "Dr O'Neill"; not
    "Miss O'Neill", "Master O'Neill")."""
    name = strip_title(clean_person_text(f.text), words.titles)
    if not is_surname_alone(name):
        return False
    return (
        words.adult_title.match(f.text) is not None
        or words.adult_title_before.search(text, max(0, f.start - 40), f.start) is not None
    )


def professional_titled(
    f: Finding, text: str, title: str | None, words: PeopleWords, replacements: Replacements
) -> bool:
    """Whether ``f`` is a lone name word after a title that names a role ("Dr", "PC",
    "Prison Officer": replacements.yml role_labels), in its span or just before it."""
    cleaned = clean_person_text(f.text)
    name = strip_title(cleaned, words.titles)
    if len(name_tokens(name)) != 1:
        return False
    written = cleaned if name != cleaned else f"{title or ''} {name}".strip()
    return written != name and role_label_for(None, written, replacements) is not None


def other_role(
    listed: CasePerson, text: str, title: str | None, words: PeopleWords, replacements: Replacements
) -> bool:
    """Whether the title of the PERSON finding ``text`` (in its span, or ``title`` just before
    it) is one no one of the case file's practitioner ``listed``'s role wears (people.yml
    ``title_roles``): "PC Hill" is not Jane Hill, a social worker; "Dr Patel" may be the
    listed GP. Unknown title or role: False."""
    cleaned = clean_person_text(text)
    name = strip_title(cleaned, words.titles)
    written = cleaned[: len(cleaned) - len(name)] if name != cleaned else (title or "")
    roles = words.title_roles.get(" ".join(written.split()).rstrip(".").lower())
    role = listed.role.lower()
    if not roles or not role.strip():
        return False
    return not any(re.search(rf"(?<![\w-]){re.escape(r)}(?![\w-])", role) for r in roles)


def only_role_words(text: str, words: PeopleWords) -> bool:
    """Whether every word of ``text`` is a not_names word or a family or professional role
    (patterns/people.yml): "Call Mother", "Landline", "Mobile Dad"."""
    tokens = name_tokens(clean_person_text(text))
    roles = words.folded.roles
    return bool(tokens) and all(words.not_name_matcher.is_term(t) or t.lower() in roles for t in tokens)


def plausible_name(
    text: str,
    not_names: TermMatcher,
    glossary: TermMatcher,
    words: PeopleWords,
    *,
    listed: bool = False,
    is_first_name: Callable[[str], bool] = lambda word: False,
    title: str | None = None,
) -> bool:
    """The model's PERSON guesses that cannot be a name: practice words, role words
    ("Dad", "Toddler"), digits, lower case, and headings in capitals made of common words
    ("FAMILY BACKGROUND"). A ``listed`` finding starts with a first name from the name lists,
    which is evidence enough for lower case ("darren holloway") and capitals ("TYLER MASON")."""
    cleaned = clean_person_text(text)
    # A collar number after a rank ("PC 4471 Grainger") is not a digit of the name.
    untitled = strip_title(cleaned, words.titles)
    if len(cleaned) < 2 or any(ch.isdigit() for ch in untitled) or "@" in cleaned:
        return False
    tokens = name_tokens(cleaned)
    if not tokens or not (listed or any(ch.isupper() for ch in cleaned)):
        return False
    folded = words.folded
    honorifics, roles = folded.honorifics, folded.roles
    if all(not_names.is_term(t) or glossary.is_term(t) or t.lower() in roles for t in tokens):
        return False
    # Ranks and titles with no name ("The Superintendent agreed", "the Sergeant. A
    # Superintendent") name a role, not a person; the model read them as PERSON, and the span
    # across a full stop swallowed the next sentence's start. A word after an honorific is a
    # surname ("Mr Constable").
    title_words, function_words = folded.titles, folded.function_words
    bare = [t.strip(".,;:").lower() for t in tokens]
    if all(t in title_words or t in function_words for t in bare) and not any(
        t in honorifics for t in bare[:-1]
    ):
        return False
    if (
        not listed
        and cleaned.isupper()
        and all(zipf_frequency(t.lower(), "en") >= 4.0 for t in tokens)
        # One first name in capitals is a name ("her brother JORDAN (aged 7)"), not a heading.
        and not (len(tokens) == 1 and is_first_name(tokens[0]))
    ):
        return False
    # A rank before ordinary words that end with a practice term's head, none a given name or
    # an initial, starts a practice term (patterns/people.yml practice_heads):
    # "Officer Safety Training", "the Inspector Development Programme" read "Officer 1",
    # "the Person A". An honorific before them is a person ("Mrs Rose Green"). ``title``: the
    # title just before a span that leaves it out (the model's "Safety Training").
    rest = name_tokens(untitled)
    leading = [*name_tokens(title or ""), *tokens[: len(tokens) - len(rest)]]
    heads = folded.practice_heads
    if (
        leading
        and rest[-1].strip(".,;:").lower() in heads
        and not any(t.rstrip(".").lower() in honorifics for t in leading)
        and all(len(t.strip(".")) > 1 and zipf_frequency(t.lower(), "en") >= 4.0 for t in rest)
        and not is_first_name(rest[0])
    ):
        return False
    return not not_names.is_term(cleaned)


# What stands between a name and another name the draft gives the same person: an opening
# bracket, or a comma, with "known as" or the like ("Kayleigh Marsh (Kay)", "Dean Hollis,
# known as 'Dezzy',"), after the comma perhaps a few words in lower case saying who they are
# and to whom they are known ("Oluwaseun Adebayo, an agency social worker known to the
# family as "Seun",", which read "Social Worker 3" and "Person J" for one man); and what
# closes it.
_ALIAS_LEAD = re.compile(
    r"(?:[ \t]*\([ \t]*(?:(?:also[ \t]+)?known[ \t]+as|aka|a\.k\.a\.?|nicknamed|called)?"
    r"|,[ \t]*(?-i:(?:(?:an?|the|his|her|their)[ \t]+(?:[a-z][a-z'\u2019-]*[ \t]+){0,5})?)"
    r"(?:(?:also[ \t]+)?known(?:[ \t]+locally)?(?:[ \t]+(?:to|within|in|by|among|amongst)[ \t]+(?:(?:the|his|her|their)[ \t]+)?[a-z]+)?"
    r"[ \t]+as|aka|a\.k\.a\.?|nicknamed))[ \t]*['\"\u2018\u201c]?$",
    re.IGNORECASE,
)
_ALIAS_CLOSE = re.compile(r"['\"\u2019\u201d]?[ \t]*[),]")


def alias_owner(f: Finding, text: str, person_ending: Mapping[tuple[int, int], Person]) -> Person | None:
    """The person named just before ``f`` when ``f`` is another name the draft gives them,
    all that stands in their bracket or after their "known as"; else None."""
    if not _ALIAS_CLOSE.match(text, f.end):
        return None
    lead = _ALIAS_LEAD.search(text, max(0, f.start - 100), f.start)
    if lead is None or lead.end() != f.start:
        return None
    return person_ending.get((f.unit, lead.start()))


def place_words_of(findings: Sequence[Finding], titles: Sequence[str]) -> dict[str, set[str]]:
    """Each capitalised word of the document's places and institutions, with the names it is
    found in ("harrowfold" -> {"harrowfold"})."""
    out: dict[str, set[str]] = {}
    for f in findings:
        if f.category in PLACE_CATEGORIES:
            name = normalise(strip_title(clean_person_text(f.text), titles))
            for word in NAME_WORD.findall(f.text):
                out.setdefault(word.lower(), set()).add(name)
    return out


def may_be_fuller_name(
    f: Finding,
    titles: Sequence[str],
    is_name_word: Callable[[str], bool],
    place_words: dict[str, set[str]],
) -> bool:
    """Whether a model's place or body guess may be a person's fuller name: two or more
    capitalised name words whose words before the last are given names, not ordinary or
    practice words, nor words of a place the document names elsewhere ("Harrowfold Forshaw"
    where Harrowfold is a place). Whether the last word is a known person's surname is
    asked once every person is known."""
    if f.category == "PERSON" or not f.recogniser.startswith(MODEL_RECOGNISER_PREFIX):
        return False
    name = strip_title(clean_person_text(f.text), titles)
    tokens = name_tokens(name)
    if len(tokens) < 2 or not all(NAME_WORD.fullmatch(t) for t in tokens):
        return False
    own = normalise(name)
    return all(
        is_name_word(t) and not place_words.get(t.lower(), set()) - {own} for t in tokens[:-1]
    )


# Initials as a case file's variants write them: "HM", "H.M.", "H. M."
INITIALS = re.compile(r"[A-Z](?:\.?\s?[A-Z]){1,3}\.?")


def person_for(
    f: Finding,
    case_matchers: Sequence[CaseMatcher],
    book: PersonBook,
    replacements: Replacements,
    title: str | None = None,
) -> Person | None:
    cleaned = given_name_first(clean_person_text(f.text))
    # A title before a listed name's form of two words or more ("Mrs D Marsh") is not part of
    # it; a lone surname after a title ("Mrs Hill") is not matched here, as it may be another
    # member of the family.
    untitled = strip_title(cleaned, book.titles)
    forms = {cleaned, untitled} if len(name_tokens(untitled)) >= 2 else {cleaned}
    listed = {
        m.person.name: m.person
        for m in case_matchers
        if m.person is not None and any(m.matches(form) for form in forms)
    }
    if not listed:
        renamed = _renamed_listed_person(untitled, tuple(m.person for m in case_matchers if m.person is not None))
        if renamed is not None:
            person = book.for_case(renamed)
            person.forms.add(untitled)  # found everywhere, and searched for by verification
            return person
    # A name or alias the case file gives wins over a form made from another's name ("K.M."
    # is Kian's alias, and also Kayleigh Marsh's initials).
    given = [p for p in listed.values() if as_given(cleaned) in {as_given(n) for n in (p.name, *p.aliases)}]
    if len(given) == 1:
        return book.for_case(given[0])
    if len({p.pseudonym or p.name for p in listed.values()}) > 1:
        # "Marsh" alone, when Kian, Kayleigh and Denise Marsh are all listed, is none of them:
        # "(family name)", also in the plural ("The Marshes") or after a shared initial ("K.
        # Marsh"). A first name they share ("Hope" of Hope Marsh and Hope Fairweather), or
        # their first initial alone ("K", which read "Mother" in "small bruise K's
        # forehead"), is "(first name)"; their initials ("KM") the neutral descriptor.
        firsts = [name_tokens(p.name)[0] for p in listed.values() if name_tokens(p.name)]
        if all(fold(cleaned) == fold(first) or fold(cleaned.rstrip(".")) == fold(first[0]) for first in firsts):
            label = replacements.shared_given_name
        elif INITIALS.fullmatch(cleaned):
            label = replacements.descriptor("PERSON")
        else:
            label = replacements.shared_name
        return book.for_shared(cleaned, label)
    if listed:
        return book.for_case(next(iter(listed.values())))
    if not cleaned:
        return None
    return book.add(cleaned, (f.unit, f.start), title=title)


@lru_cache(maxsize=4096)  # asked for every name the model finds; the answer is the strings'
def _renamed_listed_person(name: str, listed: tuple[CasePerson, ...]) -> CasePerson | None:
    """The listed person ``name`` is under another of the family's surnames: the first name
    is one listed family member's own (their first name or a one-word alias) and every part
    of the surname is a listed family surname. Children's surnames change with a parent's
    partner: "Kian Marsh-Brightwell" was a new person beside "Kian Marsh"; "Kian Smith" is
    not Kian."""
    tokens = name_tokens(name)
    # Family members only: a practitioner's first name before the family's surname ("Jane
    # Marsh", with Jane Hill the social worker listed) is somebody else.
    listed = [p for p in listed if p.group != "professional"]
    if len(tokens) < 2:
        return None
    surnames = {fold(name_tokens(p.name)[-1]) for p in listed if len(name_tokens(p.name)) >= 2}
    if not all(fold(part) in surnames for part in tokens[-1].split("-") if part):
        return None
    first = fold(tokens[0])
    owners = [
        p
        for p in listed
        if name_tokens(p.name)
        and first in {fold(name_tokens(p.name)[0])} | {fold(a) for a in p.aliases if len(name_tokens(a)) == 1}
    ]
    return owners[0] if len(owners) == 1 else None


def as_given(name: str) -> str:
    """A name or alias as the case file's are compared: initials however dotted and spaced
    ("K.M", "KM"), other names folded."""
    return re.sub(r"[.\s]", "", name) if INITIALS.fullmatch(name) else fold(name)


# Where a sentence ends: a full stop, "!" or "?" (perhaps closing a quotation or bracket) and
# spaces before a capital, or a line's end.
_SENTENCE_END = re.compile(r"(?P<word>[^\W\d_]*)[.!?][\"'\u2019\u201d)\]]*[ \t]+(?=[\"'\u2018\u201c(\[]?[A-Z0-9])|\n")


# What stands between two names of one person: a bracket, a comma, "hereafter" ("Sarah Lane
# (Dr Lane)", "Sarah Lane, hereafter Dr Lane,").
_RENAMED = re.compile(
    r"[ \t]*(?:\(|,|\u2013|-)[ \t]*(?:(?:hereafter|henceforth|referred[ \t]+to[ \t]+as|known[ \t]+as|aka|also"
    r"|later|now)[ \t]+)*['\"\u2018\u201c]?[ \t]*$",
    re.IGNORECASE,
)


def surnames_apart(findings: Sequence[Finding], draft: Draft) -> dict[str, frozenset[frozenset[str]]]:
    """By surname (folded), the pairs of ways one sentence names two people of that surname,
    one of them under a rank or a professional title: two titles ("Mrs Hill was seen by PC
    Hill": "mrs", "pc"), or a title and a first name ("Dr Lane saw Poppy Lane": "dr",
    "name:poppy"). A person is not seen by themselves, so the two are never joined
    (PersonBook ``apart``). Two titles that give one label ("Detective Constable Sarah Jones
    ... DC Jones") are one person's, and so is a name given again in brackets or after a
    comma ("Sarah Lane (Dr Lane)"). Honorifics and first names alone are left as they were:
    "Kayleigh Marsh, Ms Marsh to the school," may well be one person."""
    words, titles = draft.words, draft.titles
    replacements = draft.settings.replacements
    honorifics, stops = words.folded.honorifics, words.folded.abbreviations
    seen: dict[tuple[int, int, str], list[tuple[int, int, str, str, bool]]] = {}
    ends: dict[int, list[int]] = {}
    for f in findings:
        if f.category != "PERSON":
            continue
        text = draft.texts[f.unit]
        cleaned = clean_person_text(f.text)
        name = strip_title(cleaned, words.titles)
        tokens = name_tokens(name)
        if not tokens:
            continue
        written = " ".join(name_tokens(cleaned)[: len(name_tokens(cleaned)) - len(tokens)])
        begin = f.start
        if not written:
            begin = titles.extend_over(text, f.start)
            written = text[begin : f.start].strip()
        title = written.rstrip(".").lower()
        if title:
            # The same title's two spellings ("Detective Constable", "DC") give one label.
            label = role_label_for(None, f"{written} {name}", replacements)
            mention = (begin, f.end, title, label or title, title not in honorifics)
        elif len(tokens) >= 2:
            key = f"name:{fold(tokens[0])}"
            mention = (begin, f.end, key, key, False)
        else:
            continue  # a lone word may be a first name
        if f.unit not in ends:
            ends[f.unit] = [
                m.end() for m in _SENTENCE_END.finditer(text) if (m.group("word") or "").lower() not in stops
            ]
        sentence = sum(1 for end in ends[f.unit] if end <= f.start)
        seen.setdefault((f.unit, sentence, fold(tokens[-1])), []).append(mention)
    apart: dict[str, set[frozenset[str]]] = {}
    for (unit, _, surname), mentions in seen.items():
        text = draft.texts[unit]
        mentions.sort()
        for i, (_start_a, end_a, a, label_a, ranked_a) in enumerate(mentions):
            for start_b, _, b, label_b, ranked_b in mentions[i + 1 :]:
                if a == b or label_a == label_b or not (ranked_a or ranked_b):
                    continue
                if _RENAMED.fullmatch(text[end_a:start_b]):
                    continue  # "Sarah Lane (Dr Lane)": one person named twice
                apart.setdefault(surname, set()).add(frozenset((a, b)))
    return {surname: frozenset(pairs) for surname, pairs in apart.items()}


def person_book(draft: Draft, findings: Sequence[Finding], case_matchers: Sequence[CaseMatcher]) -> PersonBook:
    """An empty book of the draft's people, but for the case file's, who come first."""
    words = draft.words
    # The full names the draft marks as a child's ("Ayaan Warsame (aged 3)"): an adult title
    # before their surname alone ("Ms Warsame") is someone else (PersonBook).
    child_names = children_named(
        (u.text for u in draft.units),
        (untitled_name(f.text, words) for f in findings if f.category == "PERSON"),
        words,
    )
    book = PersonBook(
        words.titles,
        words.honorifics,
        children=words.children,
        child_titles=words.child_titles,
        child_names=child_names,
        apart=surnames_apart(findings, draft),
    )
    for matcher in case_matchers:
        if matcher.person is not None:
            book.for_case(matcher.person)
    return book
