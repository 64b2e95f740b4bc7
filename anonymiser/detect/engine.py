"""The detector: Presidio recognisers over the installed spaCy model.

Built once per process (the model and every recogniser compiled once) and then used for any
number of documents; it keeps nothing between documents. It does what Presidio's
``AnalyzerEngine.analyze`` does (every recogniser, then context words, then duplicates
removed) with three differences: the model runs once over all of a document's chunks with
``nlp.pipe`` batching; the result does not depend on the process's hash seed; and context
words cost one pass per chunk (see context.py).
"""

from __future__ import annotations

import gc
import logging
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from presidio_analyzer import EntityRecognizer, RecognizerRegistry, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from wordfreq import zipf_frequency

from anonymiser.decide.keep import is_acronym
from anonymiser.decide.words import words_in
from anonymiser.detect.case_file import CaseFileRecogniser
from anonymiser.detect.context import ChunkWords, boost_by_context, context_words
from anonymiser.detect.given_names import GIVEN_NAME_RECOGNISER, GivenNameRecogniser
from anonymiser.detect.model import (
    MODEL_RECOGNISER_PREFIX,
    LocalSpacyNlpEngine,
    ModelEntityRecogniser,
)
from anonymiser.detect.offline import use_bundled_suffix_list
from anonymiser.detect.pattern_recogniser import UNIT_WALL, PatternRecogniser
from anonymiser.detect.rare_words import RareWordRecogniser
from anonymiser.detect.place_names import PlaceNameRecogniser
from anonymiser.detect.town_words import TownWordRecogniser
from anonymiser.detect.unknown_names import UNKNOWN_NAME_RECOGNISER, UnknownNameRecogniser
from anonymiser.detect.titled_names import titled_name_recogniser
from anonymiser.records import Finding, Location, TextUnit
from anonymiser.settings import Settings

# Units are joined with a blank line so that no entity can run from one unit into the next.
SEPARATOR = "\n\n"
# What the pattern recognisers and the case file read between two units instead: UNIT_WALL.
# A made-up sentence that every kind of recogniser reads (no finding needed): see _warm_up.
_WARM_UP_TEXT = (
    "On 3 May 2019 Ms Example, a fictional carer, telephoned 07700 900000 from 1 Sample Row, "
    "Anytown AB1 2CD, about an unusual trampoline."
)


@dataclass(frozen=True)
class Chunk:
    """Several units' text joined, with where each unit starts in it and how long it is."""

    text: str
    spans: tuple[tuple[int, int, int], ...]  # (unit uid, offset of the unit in text, length)


def walled_text(chunk: Chunk, piece_map: dict[int, tuple[int, int]]) -> str:
    """The chunk's text with a wall (``UNIT_WALL``) between units; pieces of one long unit stay
    joined by the blank line, as a name may stand across the cut."""
    parts: list[str] = []
    done = 0
    for (uid, offset, length), (next_uid, _next_offset, _length) in zip(chunk.spans, chunk.spans[1:]):
        if piece_map.get(uid, (uid, 0))[0] == piece_map.get(next_uid, (next_uid, 0))[0]:
            continue
        parts += [chunk.text[done : offset + length], UNIT_WALL]
        done = offset + length + len(SEPARATOR)
    parts.append(chunk.text[done:])
    return "".join(parts)


def make_chunks(units: Sequence[TextUnit], max_chars: int) -> list[Chunk]:
    """Join units into chunks of at most ``max_chars`` (a longer single unit is its own chunk)."""
    chunks: list[Chunk] = []
    parts: list[str] = []
    spans: list[tuple[int, int, int]] = []
    size = 0
    for unit in units:
        if not unit.text.strip():
            continue
        if parts and size + len(SEPARATOR) + len(unit.text) > max_chars:
            chunks.append(Chunk("".join(parts), tuple(spans)))
            parts, spans, size = [], [], 0
        if parts:
            parts.append(SEPARATOR)
            size += len(SEPARATOR)
        spans.append((unit.uid, size, len(unit.text)))
        parts.append(unit.text)
        size += len(unit.text)
    if parts:
        chunks.append(Chunk("".join(parts), tuple(spans)))
    return chunks


def split_long_units(
    units: Sequence[TextUnit], limit: int
) -> tuple[list[TextUnit], dict[int, tuple[int, int]]]:
    """Cut any unit longer than ``limit`` into pieces at whitespace.

    A paragraph beyond the model's length limit is rare (a pasted table without line breaks)
    but must still be read. Pieces get negative uids; the returned map gives each piece's real
    unit and its offset in that unit, so findings can be mapped back.
    """
    out: list[TextUnit] = []
    where: dict[int, tuple[int, int]] = {}
    next_uid = -1
    for unit in units:
        if len(unit.text) <= limit:
            out.append(unit)
            continue
        start = 0
        while start < len(unit.text):
            end = min(len(unit.text), start + limit)
            if end < len(unit.text):
                cut = unit.text.rfind(" ", start + limit // 2, end)
                end = cut if cut > start else end
            where[next_uid] = (unit.uid, start)
            out.append(TextUnit(uid=next_uid, text=unit.text[start:end], location=unit.location))
            next_uid -= 1
            start = end
    return out, where


class Detector:
    """Finds candidate identifiers in text units. Build once; call ``detect`` per document."""

    def __init__(self, settings: Settings) -> None:
        # Building allocates millions of objects that live as long as the process (the
        # model, the name lists, the compiled patterns), and each burst of them made Python's
        # garbage collector walk all of them again: a sixth of the start-up, which every batch
        # waits for before its workers start. No collection runs while building (a threshold
        # of 0: gc.disable() would not hold, as spaCy's model reader (srsly) turns the
        # collector back on after reading each file).
        thresholds = gc.get_threshold()
        gc.set_threshold(0)
        try:
            self._build(settings)
        finally:
            gc.set_threshold(*thresholds)
        # Then all of it is frozen, out of the collector's sight for good: collections while
        # documents run walked it again and again (1.6 s of a 40,000-word draft's 9.2 s), also
        # in batch workers forked from here (Python's documentation freezes before a fork so
        # that the children's collections leave shared pages alone). Not collected first:
        # building leaves some 4,000 unreachable objects (half a megabyte, from the model's
        # construction), and finding them meant walking every live object once more (0.08 s
        # of every start).
        gc.freeze()

    def _build(self, settings: Settings) -> None:
        from anonymiser.detect.registry import load_recognisers

        use_bundled_suffix_list()
        self.settings = settings
        # Recognisers first: a recogniser may read its data in the background (the drug
        # names) while the model loads.
        recognisers: list[EntityRecognizer] = [
            r
            for r in load_recognisers(settings.patterns_dir, settings.coded_recognisers)
            # A recogniser whose every category the policy ignores ("ignore": no row, no
            # effect) would find nothing the policy uses: scr ignores the phrases only
            # strict masks, which cost a tenth of a second per 40,000 words. The detector is
            # built for one policy already (its model labels differ).
            if not all(settings.policy.rule(e).action == "ignore" for e in r.supported_entities)
        ]
        self.nlp_engine = LocalSpacyNlpEngine(settings.model, settings.entity_mapping)
        self.nlp_engine.load()
        for recogniser in recognisers:
            wait_loaded = getattr(recogniser, "wait_loaded", None)
            if wait_loaded is not None:
                wait_loaded()  # a missing or broken data file fails here, not mid-document
        recognisers.append(
            titled_name_recogniser(
                settings.people.titles,
                settings.people.peerages,
                (*settings.people.honorifics, "Dr"),
                settings.people.named_after_words,
            )
        )
        never_names = _never_first_names(settings)
        # Not a town's or a person's name ("Edinburgh", "Boxall": Settings.practice_words).
        practice_words = settings.practice_words(words_in(settings.keep.terms))
        if settings.given_names.locales or settings.given_names.add:
            recognisers.append(GivenNameRecogniser(settings.given_names, never_names))
        # Words never run into a person's name from before it (titles, roles, practice).
        self._not_name_words = frozenset(w.lower() for w in never_names)
        recognisers.append(RareWordRecogniser(practice_words))
        recognisers.append(UnknownNameRecogniser(settings.people, never_names | practice_words))
        recognisers.append(
            TownWordRecogniser(settings.people, never_names | practice_words, settings.given_names.is_first_name)
        )
        if settings.places.countries:
            recognisers.append(
                PlaceNameRecogniser(
                    settings.places,
                    never_names,
                    settings.given_names.is_first_name,
                    settings.given_names.is_listed_surname,
                    (settings.people.town_word_before,),
                    settings.people.travel_before,
                    settings.people.title_before,
                    practice_words,
                )
            )
        recognisers.append(
            ModelEntityRecogniser(settings.entity_mapping, settings.model_scores, settings.label_by_context)
        )
        registry = RecognizerRegistry(recognizers=recognisers, supported_languages=["en"])
        # Presidio's own recognisers are off unless named in anonymiser.yml: the US ones
        # misfire on UK text (a Word document ID looks like an ITIN).
        if settings.presidio_recognisers:
            from presidio_analyzer.recognizer_registry import RecognizerRegistryProvider

            builtin = RecognizerRegistryProvider().create_recognizer_registry()
            for rec in builtin.recognizers:
                if rec.name in settings.presidio_recognisers:
                    registry.add_recognizer(rec)
        self.registry = registry
        self.entities = sorted({e for r in registry.recognizers for e in r.supported_entities})
        # Presidio logs decisions (with text) only when asked; it is never asked.
        logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
        self._warm_up()

    def _warm_up(self) -> None:
        """Leave the detector ready: Presidio compiles each pattern, wordfreq reads its word
        list and the settings compile their matchers on first use. Done here, once per
        process, that cost (about a quarter of a second) is part of building the detector,
        shared by forked batch workers, instead of the first document's."""
        self.detect([TextUnit(uid=0, text=_WARM_UP_TEXT, location=Location("warm-up", 1))])
        self.settings.compile_matchers()

    @property
    def model_name(self) -> str:
        return self.settings.model

    def detect(
        self, units: Sequence[TextUnit], ad_hoc: Iterable[EntityRecognizer] = (), *, model: bool = True
    ) -> list[Finding]:
        """Run every recogniser over ``units``; return findings with unit-relative offsets.

        With ``model=False`` only the recognisers that need no model output run (patterns,
        checksums, the case file), without context words: a cheap second look.
        """
        ad_hoc = list(ad_hoc)
        entities = sorted(set(self.entities) | {e for r in ad_hoc for e in r.supported_entities})
        pieces, piece_map = split_long_units(units, self.settings.max_chunk_chars)
        chunks = make_chunks(pieces, self.settings.max_chunk_chars)
        findings: list[Finding] = []
        # nlp.pipe batches the model over every chunk; the recognisers then reuse its output.
        texts = [c.text for c in chunks]
        read = (
            self.nlp_engine.read(texts, batch_size=4)
            if model
            else ((None, None) for _ in texts)
        )
        recognisers = sorted(
            self.registry.get_recognizers(
                language="en", entities=entities, all_fields=False, ad_hoc_recognizers=ad_hoc or None
            ),
            key=lambda r: r.name,
        )
        context = context_words(recognisers)
        for chunk, (artifacts, words) in zip(chunks, read):
            walled = walled_text(chunk, piece_map)
            results = self._analyse(chunk.text, walled, entities, recognisers, artifacts, words, context)
            findings.extend(_to_findings(chunk, results, piece_map))
        texts = {u.uid: u.text for u in units}
        findings = _across_line_end_hyphens(findings, texts)
        findings = _across_line_breaks(findings, texts, self.settings.given_names.is_surname_like)
        findings = _with_rare_word_before(
            findings, texts, self._not_name_words, self.settings.given_names.is_family_name_first
        )
        findings = _listed_beside_a_person(findings, texts, self._not_name_words)
        return sorted(findings, key=lambda f: (f.unit, f.start, f.end, f.category, f.recogniser))

    def _analyse(
        self,
        text: str,
        walled: str,
        entities: list[str],
        recognisers: Sequence[EntityRecognizer],
        artifacts: NlpArtifacts | None,
        words: ChunkWords | None,
        context: dict[str, tuple[str, ...]],
    ) -> list[RecognizerResult]:
        """Presidio's analyze, made deterministic.

        AnalyzerEngine.analyze removes duplicate results through a set, so when two
        recognisers find the same span with the same score, which one is reported depends on
        the process's hash seed, and so would the review log. Here the recognisers run in
        name order, context words raise scores as Presidio's do, and duplicates are removed
        with ties broken by recogniser name. Without the model (``artifacts`` None) there
        are no words to read context from, as in Presidio.
        """
        results: list[RecognizerResult] = []
        for recogniser in recognisers:
            # Regular expressions read the units walled apart (``walled``); the model's
            # readers read the text the model read.
            read = walled if isinstance(recogniser, (PatternRecogniser, CaseFileRecogniser)) else text
            results.extend(recogniser.analyze(text=read, entities=entities, nlp_artifacts=artifacts) or [])
        if words is not None:
            boost_by_context(results, words, context)
        return remove_duplicates(results)


def _recogniser_name(result: RecognizerResult) -> str:
    meta = result.recognition_metadata or {}
    return str(meta.get(RecognizerResult.RECOGNIZER_NAME_KEY, ""))


def remove_duplicates(results: Sequence[RecognizerResult]) -> list[RecognizerResult]:
    """Drop zero scores and any result that a result of the same type contains with an equal
    or higher score; among equals, the first recogniser by name is kept.

    A model guess never swallows a pattern's or a list's finding: the decide stage judges
    model guesses by stricter rules (a lower-case "darren holloway's" is dropped there), and
    the finding inside it ("darren holloway", from the name list) must survive that.
    """
    ordered = sorted(
        (r for r in results if r.score > 0),
        key=lambda r: (r.entity_type, r.start, -(r.end - r.start), -r.score, _recogniser_name(r)),
    )
    kept: list[RecognizerResult] = []
    by_type: dict[str, list[RecognizerResult]] = {}
    for result in ordered:
        same = by_type.setdefault(result.entity_type, [])
        from_model = _is_model_guess(result)
        if any(
            k.start <= result.start and result.end <= k.end and k.score >= result.score
            and (from_model or not _is_model_guess(k))
            for k in same
        ):
            continue
        same.append(result)
        kept.append(result)
    return kept


def _is_model_guess(result: RecognizerResult) -> bool:
    return _recogniser_name(result).startswith(MODEL_RECOGNISER_PREFIX)


def _never_first_names(settings: Settings) -> set[str]:
    """Words that are never a first name here, whatever the name lists say: titles, role
    words, words that are never people, and single-word practice terms ("Ofsted", "MASH")."""
    people = settings.people
    words = [*people.titles, *people.ranks, *people.peerages, *people.not_names, *people.function_words]
    words += [*people.family_roles, *people.professional_roles, *people.person_nouns]
    # An acronym the keep list matches only in capitals is no never-name in other letters
    # when it is a person's name too ("ELSA", "Elsa said").
    names = settings.given_names
    words += [
        t
        for t in settings.keep.terms
        if " " not in t and not (is_acronym(t) and (names.is_first_name(t) or names.is_listed_surname(t)))
    ]
    return {w for w in words if " " not in w}


# A double-barrelled name broken at its hyphen by a line end ("Fernandes-\nLopez", in a
# .txt draft or a Word line break): the second name, capitalised, at the start of the next line.
_HYPHEN_LINE_END = re.compile(r"[-\u2010\u2011][ \t]*\r?\n[ \t]*[A-Z\u00c0-\u00de][\w'\u2019`-]*[a-z\u00df-\u00ff]")


def _across_line_end_hyphens(findings: list[Finding], texts: dict[int, str]) -> list[Finding]:
    """A person's name that ends at a hyphen before a line break runs on to the next line:
    "Senhora Fernandes-\nLopez" was redacted as "Person J-\nLopez", publishing "Lopez"."""
    out: list[Finding] = []
    for f in findings:
        text = texts.get(f.unit, "")
        more = _HYPHEN_LINE_END.match(text, f.end) if f.category == "PERSON" else None
        if more is not None:
            f = replace(f, end=more.end(), text=text[f.start : more.end()])
        out.append(f)
    return out


# A line broken inside a sentence (a Word line break, a .txt draft's wrapped line) just after
# a name, and the next line opening with a capitalised word that the sentence runs on from: a
# comma, a closing bracket, or a word in small letters after it ("Declan\nWhitlow, was").
_NAME_ON_NEXT_LINE = re.compile(
    r"[ \t]*\r?\n[ \t]*(?P<word>[A-Z\u00c0-\u00de][\w'\u2019-]*[a-z\u00df-\u00ff])(?=[,;:)]|[ \t]+[a-z])"
)


# A form's label opening a line: a few words and a colon ("Date of birth:", "Address:").
_LABEL_AT = re.compile(r"[^\W\d_][\w'\u2019()-]*(?:[ \t]+[\w'\u2019()-]+){0,3}[ \t]*:")


def _across_line_breaks(
    findings: list[Finding], texts: dict[int, str], is_surname_like: Callable[[str], bool]
) -> list[Finding]:
    """A person's first name that ends a line runs on to the surname opening the next, where
    the sentence goes on after it: "The father, Declan\nWhitlow, was not present" published
    "Whitlow". Only a surname the lists know or a word rare in English, after a finding of
    one word (a first name), so a list of names, one a line, stays apart."""
    out: list[Finding] = []
    for f in findings:
        if f.category == "PERSON" and " " not in f.text.strip() and "\n" not in f.text:
            text = texts.get(f.unit, "")
            more = _NAME_ON_NEXT_LINE.match(text, f.end)
            if more is not None and _LABEL_AT.match(text, more.start("word")) is not None:
                more = None  # a form's next field ("WANG\nDate of birth: ..."), not a surname
            if more is not None and is_surname_like(more.group("word")):
                f = replace(f, end=more.end(), text=text[f.start : more.end()])
        out.append(f)
    return out


# A capitalised word just before a name, on the same line, joined by a space only; of any
# alphabet's letters ("Nguy\u1ec5n" has a Vietnamese vowel beyond Latin-1), checked for its
# capital by _capitalised.
_WORD_BEFORE = re.compile(r"(?<![\w'\u2019.-])(?P<word>[^\W\d_]{2,})[ \t]$")
# The recognisers whose person may have lost a first word before it: the model's, the first
# name lists' and the unknown word before a person's verb ("Nasreen Akhter told" was found as
# "Akhter", publishing "Nasreen").
_RUNS_BACK = (GIVEN_NAME_RECOGNISER, UNKNOWN_NAME_RECOGNISER)


def _capitalised(word: str) -> bool:
    return word[0].isupper() and word[1:].islower()


# A word rarer than this in English is no ordinary word ("Harjit"; "Later" and "Police" are).
_RARE_WORD_ZIPF = 2.5
# A name listed beside a person is a weak sign, for review (below the policies' automatic
# 0.7), but above the model's one-word guesses of a place or a people (0.6), which the higher
# score gives way to.
_LISTED_SCORE = 0.65


def _with_rare_word_before(
    findings: list[Finding], texts: dict[int, str], never: frozenset[str], family_name_first: Callable[[str], bool]
) -> list[Finding]:
    """A person's name the model found without its first word, when that word is no word of
    English ("Harjit Singh Dhillon" found as "Singh Dhillon", which published "Harjit", and
    so every later "Harjit" too): the name runs back over it. Not a title, role, practice or
    function word (``never``, lower case). A surname the name lists hold as a first name
    ("Diallo") after an unlisted first name runs back so too: "Ndeye Diallo" was the model's
    body, read "(organisation)", with "Diallo" inside it. A family name written first runs
    back as well, however common (``_with_family_name_before``)."""
    out: list[Finding] = []
    for f in findings:
        if f.category == "PERSON" and (
            f.recogniser.startswith(MODEL_RECOGNISER_PREFIX) or f.recogniser in _RUNS_BACK
        ):
            text = texts.get(f.unit, "")
            before = _WORD_BEFORE.search(text, max(0, f.start - 40), f.start)
            if before is not None and f.recogniser == GIVEN_NAME_RECOGNISER and text[before.end("word")] != " ":
                before = None  # the lists' lone names in columns ("Kaiden<tab>Shannon") are apart
            if before is not None and _capitalised(before.group("word")):
                word = before.group("word")
                if word.lower() not in never and zipf_frequency(word.lower(), "en") < _RARE_WORD_ZIPF:
                    f = replace(f, start=before.start("word"), text=text[before.start("word") : f.end])
            f = _with_family_name_before(f, text, never, family_name_first)
        out.append(f)
    return out


# A family name written first is joined to the name after it only if it is rarer than this
# as an English word: "Zhang", "Chen" (4.0), "Nguyen", "Ho" (4.2) are; "He", "Do", "Ma", "Sun",
# "Park" and "Lee" are too common to be taken from before a name ("He Wei" is rare; "Do Jane
# and Amy" is a question).
_FAMILY_NAME_FIRST_ZIPF = 4.5


def _with_family_name_before(
    f: Finding, text: str, never: frozenset[str], family_name_first: Callable[[str], bool]
) -> Finding:
    """A Chinese, Vietnamese or Korean name written family name first, whose given name
    alone was found: "Zhang Wei" found as "Wei" published "Zhang"; "Tran Thi Hoa" found as
    "Hoa" published "Tran Thi". Each word before that the list holds (a family name, or a
    Vietnamese middle name) joins, capitalised or in capitals ("ZHANG Wei")."""
    while True:
        before = _WORD_BEFORE.search(text, max(0, f.start - 40), f.start)
        if before is None:
            return f
        word = before.group("word")
        if not (_capitalised(word) or word.isupper()) or word.lower() in never or not family_name_first(word):
            return f
        if zipf_frequency(word.lower(), "en") >= _FAMILY_NAME_FIRST_ZIPF:
            return f
        f = replace(f, start=before.start("word"), text=text[before.start("word") : f.end])


# A word listed beside a name: before it ("Nimco and ", "Nimco, ") or after it (" and Deeqa",
# ", Deeqa"), the word capitalised and standing alone (not "Nimco's", not "Deeqa Road").
_LISTED_BEFORE = re.compile(r"(?<![\w'\u2019.-])(?P<word>[^\W\d_]{2,})(?:,[ \t]+|,?[ \t]+(?:and|&)[ \t]+)$")
_LISTED_AFTER = re.compile(r"(?:,[ \t]+|,?[ \t]+(?:and|&)[ \t]+)(?P<word>[^\W\d_]{2,})(?![\w'\u2019-])(?![ \t]+[A-Z])")


def _listed_beside_a_person(findings: list[Finding], texts: dict[int, str], never: frozenset[str]) -> list[Finding]:
    """A word no English word, listed beside a person ("Nimco and Deeqa were cared for",
    "Semhar and Filmon were siblings"): a person too, for review. The verb after a list finds
    its last name only (unknown_names.py), and the model often reads one of two unfamiliar
    names and not the other, which published the first. The same words as a first word that
    runs back (``never``; rarer than _RARE_WORD_ZIPF) and never a word already found as
    something else; a list of three runs on from each name found."""
    taken = {(f.unit, f.start, f.end) for f in findings if f.category == "PERSON"}
    covered: dict[int, list[tuple[int, int]]] = {}
    for f in findings:
        if not (f.recogniser.startswith(MODEL_RECOGNISER_PREFIX) and f.category != "PERSON" and " " not in f.text):
            # (The model's one-word place, people or body guess gives way: "Reem, Jana and
            # Tamim were" read "Tamim" as a people, and published it.)
            covered.setdefault(f.unit, []).append((f.start, f.end))
    out = list(findings)
    queue = [f for f in findings if f.category == "PERSON" and f.text[:1].isupper()]
    while queue:
        f = queue.pop()
        text = texts.get(f.unit, "")
        matches = [_LISTED_BEFORE.search(text, max(0, f.start - 40), f.start), _LISTED_AFTER.match(text, f.end)]
        for m in matches:
            if m is None:
                continue
            word, start, end = m.group("word"), m.start("word"), m.end("word")
            if (
                not _capitalised(word)
                or word.lower() in never
                or zipf_frequency(word.lower(), "en") >= _RARE_WORD_ZIPF
                or (f.unit, start, end) in taken
                or any(s < end and start < e for s, e in covered.get(f.unit, []))
            ):
                continue
            new = Finding(f.unit, start, end, word, "PERSON", _LISTED_SCORE, UNKNOWN_NAME_RECOGNISER)
            taken.add((f.unit, start, end))
            covered.setdefault(f.unit, []).append((start, end))
            out.append(new)
            queue.append(new)
    return out


def _to_findings(
    chunk: Chunk, results: Sequence[RecognizerResult], piece_map: dict[int, tuple[int, int]]
) -> Iterator[Finding]:
    """Map chunk offsets back to units; a result running past its unit is clipped to it."""
    starts = [offset for _uid, offset, _len in chunk.spans]
    for result in results:
        index = bisect_right(starts, result.start) - 1
        if index < 0:
            continue
        uid, offset, length = chunk.spans[index]
        if result.start >= offset + length:
            continue  # inside the separator
        start = result.start - offset
        end = min(result.end - offset, length)
        real_uid, shift = piece_map.get(uid, (uid, 0))
        meta = result.recognition_metadata or {}
        yield Finding(
            unit=real_uid,
            start=start + shift,
            end=end + shift,
            text=chunk.text[result.start : offset + end],
            category=result.entity_type,
            score=round(float(result.score), 4),
            recogniser=str(meta.get(RecognizerResult.RECOGNIZER_NAME_KEY, "unknown")),
        )
