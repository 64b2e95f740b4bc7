"""Presidio's regex recogniser, with a lead-in that is not part of the finding.

The YAML recognisers under ``patterns/recognisers/`` and the coded pattern recognisers
(titled names, NHS numbers) are all ``PatternRecogniser``. It differs from Presidio's
``PatternRecognizer`` in two ways:

* **A group named ``mask``.** When a pattern has one, only that group is the finding and the
  rest of the match is a lead-in that must be there: ``date of birth:? (?P<mask>12/03/2016)``.
  Written as a look-behind (``(?<=date of birth:? )12/03/2016``), the same rule makes the
  regex engine check the lead-in backwards at every position of the text; the date-of-birth
  and reference patterns that way took about 0.2 seconds each on a 40,000-word draft, the
  group form a hundredth of that.
* **A group named ``needs``.** The key words every match contains ("(?P<needs>syndrome|
  disease)"): a text in which they alone are not found is not searched (registry._needs),
  and in a text of many units (the detector's chunks, a wall between units: ``UNIT_WALL``)
  only the units in which they are found are: a chunk of a draft nearly always has
  "school" somewhere, one paragraph in ten has.
* **No per-match explanation.** Presidio builds an ``AnalysisExplanation`` (and reads the
  clock) for every match, for its decision-process log, which anonymiser never writes (it
  would put the document's text in the log). That was a third of the time the patterns took.

Matching, scores, ``validate_result`` / ``invalidate_result`` and duplicate removal are
Presidio's.

``CheckedPattern`` is a Presidio ``Pattern`` made from a regex the registry has already
compiled while checking it: Presidio's constructor compiles every pattern once more, without
its flags, only to see that it compiles (a sixth of a second for the YAML patterns, paid
before any worker can start).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import regex
from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.pattern_recognizer import REGEX_TIMEOUT_SECONDS

from anonymiser.detect.literals import LiteralNeeds
from anonymiser.errors import ConfigError

MASK_GROUP = "mask"
# What the pattern recognisers and the case file read between two units of a chunk
# (engine.walled_text): a line break, then the control character "unit separator", which no
# pattern's space (\s) matches. A blank line did not stop a pattern: in a chronology table the
# cell "Ward" before "Admitted Kestrel Ward" made "Ward\n\nAdmitted Kestrel Ward" one match,
# cut to the first cell, and "Kestrel" was published. Same length as engine.SEPARATOR, so
# offsets are unchanged; the model still reads the blank line.
UNIT_WALL = "\n\x1f"


class CheckedPattern(Pattern):
    """A pattern with its regex compiled (with ``flags``) by whoever checked it."""

    def __init__(
        self,
        name: str,
        regex_text: str,
        score: float,
        compiled: regex.Pattern[str],
        flags: int,
        needs: re.Pattern[str] | LiteralNeeds | None = None,
    ) -> None:
        # Not Pattern.__init__, which would compile ``regex_text`` again to validate it.
        self.name = name
        self.regex = regex_text
        self.score = score
        self.compiled_regex = compiled
        self.compiled_with_flags = flags
        # What every match contains (registry._needs): a text without it is skipped.
        self.needs = needs


class PatternRecogniser(PatternRecognizer):
    """A Presidio pattern recogniser whose patterns may mark the finding with ``(?P<mask>...)``."""

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        flags = regex_flags or self.global_regex_flags
        entity = self.supported_entities[0]
        metadata = {
            RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
        }
        results: list[RecognizerResult] = []
        for pattern in self.patterns:
            needs = getattr(pattern, "needs", None)
            windows = [(0, len(text))] if needs is None else _units_holding(text, needs)
            if not windows:
                continue  # no match can be here (a speed-up only; see registry._needs)
            if pattern.compiled_regex is None or pattern.compiled_with_flags != flags:
                pattern.compiled_with_flags = flags
                pattern.compiled_regex = regex.compile(pattern.regex, flags=flags)
            compiled: Any = pattern.compiled_regex
            masked = MASK_GROUP in compiled.groupindex
            # A deny list's words run on Python's engine (registry._deny_list_pattern): they
            # cannot run away, so only the `regex` patterns carry the time-out.
            try:
                for match in _matches(compiled, text, windows):
                    start, end = match.span(MASK_GROUP) if masked else match.span()
                    if start >= end:  # empty, or the mask group took no part
                        continue
                    score = self._score(text[start:end], pattern.score)
                    if score > EntityRecognizer.MIN_SCORE:
                        results.append(
                            RecognizerResult(entity, start, end, score, recognition_metadata=dict(metadata))
                        )
            except TimeoutError as err:
                # Presidio logs a time-out and carries on; a pattern that silently stops
                # finding things would let identifiers through, so the document fails.
                raise ConfigError(
                    f"recogniser {self.name!r}, pattern {pattern.name!r}: the regular expression "
                    f"took longer than {REGEX_TIMEOUT_SECONDS} s on one piece of text; simplify it"
                ) from err
        return EntityRecognizer.remove_duplicates(results)

    def _score(self, matched: str, score: float) -> float:
        valid = self.validate_result(matched)
        if valid is not None:
            score = EntityRecognizer.MAX_SCORE if valid else EntityRecognizer.MIN_SCORE
        if self.invalidate_result(matched):
            score = EntityRecognizer.MIN_SCORE
        return score


def _matches(compiled: Any, text: str, windows: list[tuple[int, int]]) -> Iterator[Any]:
    """The pattern's matches within each window of ``text``. A deny list's words run on
    Python's engine (registry._deny_list_pattern): they cannot run away, so only the
    `regex` patterns carry the time-out."""
    for pos, endpos in windows:
        if isinstance(compiled, re.Pattern):
            yield from compiled.finditer(text, pos, endpos)
        else:
            yield from compiled.finditer(text, pos, endpos, timeout=REGEX_TIMEOUT_SECONDS)


def _units_holding(text: str, needs: re.Pattern[str] | LiteralNeeds) -> list[tuple[int, int]]:
    """The units of ``text`` (between walls) in which ``needs`` is found, each with the
    wall after it: a look-ahead at a unit's end sees what it saw in the whole text, up to
    the next unit, where no match may run. A look-behind at a unit's start still sees the
    wall before it (``pos`` is no cut)."""
    windows: list[tuple[int, int]] = []
    end = 0
    # Searched again from each window's end, not every hit in turn: a common needed word
    # ("bus", a platform's name) is found dozens of times in one unit.
    while (hit := needs.search(text, end)) is not None:
        wall = text.rfind(UNIT_WALL, 0, hit.start())
        start = 0 if wall < 0 else wall + len(UNIT_WALL)
        wall = text.find(UNIT_WALL, hit.end())
        end = len(text) if wall < 0 else wall + len(UNIT_WALL)
        windows.append((start, end))
    return windows
