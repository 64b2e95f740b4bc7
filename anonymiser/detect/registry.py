"""Build the pattern recognisers: YAML files a consultant edits, plus the coded ones.

``load_recognisers(patterns_dir, enabled_coded)`` reads every ``*.yml`` file in
``patterns_dir / "recognisers"`` in name order (so two runs build the same list), checks
each entry more strictly than Presidio does (unknown keys, bad regular expressions and
duplicate names are errors, not silent no-ops), and returns ready Presidio recognisers.
Nothing here touches the network or needs an NLP engine.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any

import regex
from presidio_analyzer import EntityRecognizer
from presidio_analyzer.input_validation.yaml_recognizer_models import (
    CustomRecognizerConfig,
)
from pydantic import ValidationError

from anonymiser.detect.alternation import grouped_alternation
from anonymiser.detect.literals import LiteralNeeds, required_literals
from anonymiser.detect.medicines import MedicationRecogniser
from anonymiser.detect.pattern_recogniser import CheckedPattern, PatternRecogniser
from anonymiser.detect.uk import NhsNumberRecogniser, UkPhoneRecogniser
from anonymiser.errors import ConfigError
from anonymiser.yaml_files import parse_yaml

CODED_RECOGNISERS: Mapping[str, type[EntityRecognizer]] = MappingProxyType(
    {
        NhsNumberRecogniser.NAME: NhsNumberRecogniser,
        UkPhoneRecogniser.NAME: UkPhoneRecogniser,
        MedicationRecogniser.NAME: MedicationRecogniser,
    }
)

RECOGNISERS_FOLDER = "recognisers"
LANGUAGE = "en"

# Presidio compiles every pattern with these flags (its default): case is ignored unless a
# pattern says (?-i:...). We compile with the same flags when checking, so a pattern that
# passes here also compiles at run time.
PRESIDIO_FLAGS = regex.DOTALL | regex.MULTILINE | regex.IGNORECASE

_ENTRY_KEYS = frozenset(
    {
        "name",
        "supported_entity",
        "supported_language",
        "patterns",
        "context",
        "deny_list",
        "deny_list_score",
        "enabled",
    }
)
_PATTERN_KEYS = frozenset({"name", "regex", "score"})
_ENTITY_NAME = re.compile(r"[A-Z][A-Z0-9_]*")


def load_recognisers(
    patterns_dir: Path, enabled_coded: Sequence[str]
) -> list[EntityRecognizer]:
    """Return the YAML recognisers (files in name order) followed by the named coded ones.

    ``patterns_dir`` is the ``patterns/`` folder; its ``recognisers/`` sub-folder holds the
    YAML. Raises ``ConfigError`` naming the file and entry for anything wrong.
    """
    folder = Path(patterns_dir) / RECOGNISERS_FOLDER
    if not folder.is_dir():
        raise ConfigError(
            f"{folder}: folder not found; expected the recogniser YAML files here "
            f"(pass the patterns folder, not the recognisers folder itself)"
        )
    recognisers: list[EntityRecognizer] = []
    seen: dict[str, Path] = {}
    for path in sorted(folder.glob("*.yml")):
        for recogniser in _load_file(path):
            if recogniser.name in seen:
                raise ConfigError(
                    f"{path}: recogniser '{recogniser.name}' is also defined in "
                    f"{seen[recogniser.name]}; give each recogniser its own name"
                )
            seen[recogniser.name] = path
            recognisers.append(recogniser)
    for name in enabled_coded:
        cls = CODED_RECOGNISERS.get(name)
        if cls is None:
            known = ", ".join(sorted(CODED_RECOGNISERS))
            raise ConfigError(f"unknown coded recogniser '{name}'; known: {known}")
        if name in seen:
            raise ConfigError(f"{seen[name]}: recogniser name '{name}' is reserved for code")
        recognisers.append(cls(supported_language=LANGUAGE))
        seen[name] = Path(name)
    return recognisers


def _load_file(path: Path) -> list[PatternRecogniser]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: cannot be read ({type(err).__name__})") from err
    data = parse_yaml(text, str(path))
    if not isinstance(data, dict) or not isinstance(data.get("recognizers"), list):
        raise ConfigError(f"{path}: expected a top-level 'recognizers:' list")
    extra = set(data) - {"recognizers"}
    if extra:
        raise ConfigError(f"{path}: unknown top-level key(s) {sorted(extra)}")
    recognisers = []
    for index, entry in enumerate(data["recognizers"], start=1):
        where = _describe_entry(path, index, entry)
        recogniser = _build(entry, where)
        if recogniser is not None:
            recognisers.append(recogniser)
    return recognisers


def _describe_entry(path: Path, index: int, entry: Any) -> str:
    name = entry.get("name") if isinstance(entry, dict) else None
    label = f"recogniser {index}" + (f" ('{name}')" if isinstance(name, str) else "")
    return f"{path}: {label}"


def _build(entry: Any, where: str) -> PatternRecogniser | None:
    if not isinstance(entry, dict):
        raise ConfigError(f"{where}: each recogniser must be a mapping of keys")
    unknown = set(entry) - _ENTRY_KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {sorted(unknown)}")
    enabled = entry.get("enabled", True)
    if not isinstance(enabled, bool):
        raise ConfigError(f"{where}: enabled must be true or false")
    if not enabled:
        return None
    config = {key: value for key, value in entry.items() if key != "enabled"}
    config.setdefault("supported_language", LANGUAGE)
    try:
        # Presidio's own schema: required keys, score ranges, patterns-or-deny-list.
        CustomRecognizerConfig(**config)
    except TypeError as err:
        # Presidio's validators raise TypeError for some wrong shapes (e.g. ``patterns:``
        # left empty); report it the same way.
        raise ConfigError(f"{where}: a key has the wrong kind of value ({err})") from err
    except ValidationError as err:
        problems = "; ".join(_short_error(e) for e in err.errors())
        raise ConfigError(f"{where}: {problems}") from err
    entity = config["supported_entity"]
    if not _ENTITY_NAME.fullmatch(entity):
        raise ConfigError(
            f"{where}: supported_entity '{entity}' must be in CAPITALS_WITH_UNDERSCORES"
        )
    patterns = []
    for number, p in enumerate(config.get("patterns") or [], start=1):
        compiled = _check_pattern(p, f"{where}, pattern {number}")
        patterns.append(
            CheckedPattern(p["name"], p["regex"], p["score"], compiled, PRESIDIO_FLAGS, needs=_needs(compiled, p["regex"], f"{where}, pattern {number}"))
        )
    config["patterns"] = patterns
    if config.get("deny_list"):
        config["patterns"].append(_deny_list_pattern(config.pop("deny_list"), config.get("deny_list_score", 1.0)))
    for word in config.get("context") or []:
        if not isinstance(word, str) or " " in word.strip():
            # Presidio compares context one lemma at a time, so a phrase would never match.
            raise ConfigError(f"{where}: context word {word!r} must be a single word")
    try:
        return PatternRecogniser(**config)
    except (TypeError, ValueError) as err:
        raise ConfigError(f"{where}: {err}") from err


def _deny_list_pattern(terms: Sequence[str], score: float) -> CheckedPattern:
    """Presidio's deny-list pattern (each term as a whole word, ignoring case), made faster.

    Presidio joins the list into one alternation, which takes the first term that matches at
    a place: "drowned" before "drowned in the bath" left "in the bath" published, so the terms
    go longest first and the consultant need not order the list. And it tries every term at
    every position of the text; grouped by first character (detect/alternation.py) each
    position tries only the terms that can start there: the same matches, in a fraction of
    the time.
    """
    ordered = sorted(dict.fromkeys(terms), key=len, reverse=True)
    alternation, starts = grouped_alternation([(t, re.escape(t), False) for t in ordered])
    # "(?<!\w)" rather than Presidio's "(?:^|(?<=\W))", which means the same: a quarter
    # faster over a draft, as the engine tests one look-behind instead of two branches.
    text = rf"(?<!\w){starts}({alternation})(?!\w)"
    # Python's own engine: made only of escaped words, this pattern cannot run away, so it
    # needs none of the `regex` module's time-out, which ran these lists three times slower.
    return CheckedPattern("deny_list", text, score, re.compile(text, re.IGNORECASE | re.MULTILINE | re.DOTALL), PRESIDIO_FLAGS)


def _check_pattern(pattern: dict[str, Any], where: str) -> regex.Pattern[str]:
    """The pattern's regex compiled as Presidio runs it, or ConfigError saying what is wrong."""
    name = pattern.get("name")
    label = f"{where} ('{name}')" if isinstance(name, str) else where
    unknown = set(pattern) - _PATTERN_KEYS
    if unknown:
        raise ConfigError(f"{label}: unknown key(s) {sorted(unknown)}")
    if not isinstance(pattern["regex"], str):
        raise ConfigError(f"{label}: regex must be text")
    try:
        compiled = regex.compile(pattern["regex"], PRESIDIO_FLAGS)
    except regex.error as err:
        raise ConfigError(f"{label}: not a valid regular expression ({err})") from err
    if compiled.fullmatch(""):
        # An empty match would be skipped by Presidio, but it means the pattern is broken.
        raise ConfigError(f"{label}: the regular expression matches empty text")
    return compiled


def _needs(compiled: regex.Pattern[str], source: str, where: str) -> re.Pattern[str] | LiteralNeeds | None:
    """What every match of a pattern contains, as a regex of its own, or None.

    A pattern may put its key words in a group named ``needs``: "(?P<needs>Hospital|
    Infirmary|Hospice)", "(?P<needs>syndrome|disease)". Every match passes through that
    group, so a text in which the group's regex alone finds nothing cannot hold a match,
    and the pattern is not run over it (pattern_recogniser.py): most pieces of a draft name
    no syndrome and no car, and the whole pattern, tried at every word, cost many times this
    one search. The group is taken from the pattern itself, so the two cannot drift apart.
    It must be a part every match has (not inside an optional or alternative part):
    tests/detect/test_pattern_needs.py checks each on the samples. Case is ignored in the
    search even where the pattern heeds it, which only skips fewer texts.
    """
    if "needs" not in compiled.groupindex:
        return None
    verbose = bool(compiled.flags & regex.VERBOSE)
    body = needs_source(source, verbose)
    if "(?!" in body or "(?<!" in body:
        # With case ignored, a look-around that rules text out could rule out more than it
        # does in the pattern, and a match would be skipped.
        raise ConfigError(f"{where}: the group 'needs' must not hold a negative look-around")
    flags = re.IGNORECASE | re.MULTILINE | re.DOTALL | (re.VERBOSE if verbose else 0)
    try:
        # Python's engine: a few words cannot run away, and it finds them faster.
        needs = re.compile(body, flags)
    except re.error as err:
        raise ConfigError(f"{where}: the group 'needs' must be a plain regular expression ({err})") from err
    # Most groups are a few words: each searched alone is many times faster than the
    # alternation (literals.py). The words stand for the group only where that is certain.
    words = required_literals(body, flags)
    return needs if words is None else LiteralNeeds(words, regex.MULTILINE | regex.DOTALL)


def needs_source(source: str, verbose: bool) -> str:
    """The regex text inside a pattern's ``(?P<needs>...)`` group."""
    opening = "(?P<needs>"
    begin = source.index(opening) + len(opening)
    depth, i, in_class = 1, begin, False
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if verbose and not in_class and char == "#":
            # A comment, to the end of its line: its brackets are words.
            end = source.find("\n", i)
            i = len(source) if end < 0 else end
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if source[i + 1 : i + 2] == "]":
                i += 1  # "[]...]": a bracket first in a class is part of it
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                break
        i += 1
    return source[begin:i]


def _short_error(error: Mapping[str, Any]) -> str:
    field = ".".join(str(part) for part in error.get("loc", ()))
    message = str(error.get("msg", "invalid"))
    return f"{field}: {message}" if field else message
