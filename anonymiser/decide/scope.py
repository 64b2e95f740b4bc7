"""Section structure and the findings-only scope.

A Board publishes a findings-only report: introduction, terms of reference, findings,
conclusions and recommendations, without the family background and chronology. This module
finds the sections of a draft from its text units (``find_sections``), decides keep or drop
for each with the rules in ``patterns/sections.yml`` (``classify_sections``), and gives the
units that ``--scope findings`` leaves out (``scope_units``). ``flag_narrative`` sends a kept
section whose own text reads like a chronology or case narrative to review (see
``anonymiser.decide.narrative``), without dropping it; a chronology that is only a passage
among findings is listed on its own (a SectionInfo of kind "passage", after the sections).

Headings come from the reader (Word heading styles and outline levels, Markdown ``#``, Word
paragraphs bold throughout) or from the text alone: numbered headings ("2. FINDINGS", "4.1
Analysis of practice", "APPENDIX 1", "Part B", "IV."), short lines in capitals, and short
title-like lines; a heading may be typed into a one-cell table (a box). A long numbered
paragraph ("4.3 The health visitor did not ...") or a table row saved as text is body text,
not a heading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from anonymiser.decide.narrative import (
    Entry,
    NarrativeRules,
    Passage,
    load_narrative_rules,
    narrative_evidence,
    narrative_passages,
    table_row_cells,
)
from anonymiser.errors import ConfigError
from anonymiser.records import SectionInfo, TextUnit
from anonymiser.yaml_files import parse_yaml

DEFAULT_SECTION_RULES = Path(__file__).resolve().parents[2] / "patterns" / "sections.yml"

FRONT_MATTER = "(front matter)"

# Only paragraphs of the main text belong to sections; headers, footers, footnotes, comments,
# text boxes, document properties, alt text and link targets are always written (anonymised).
SECTION_PARTS = frozenset({"body", "text"})

# A run of capitalised words such as "Isle of Wight" or "Westmere and Dunmore", for the
# agency patterns in sections.yml ("{name} Constabulary").
_NAME_WORD = r"[A-Z][\w'’&.\-]*"
NAME_PATTERN = rf"(?:{_NAME_WORD}(?:\s+(?:(?:of|and|upon|on|&)\s+)?{_NAME_WORD})*)"

_ACTIONS = ("keep", "drop", "review", "title")
_KNOWN_KEYS = frozenset(
    {
        "front_matter",
        "title",
        "title_page_max_words",
        "max_heading_words",
        "keep",
        "drop",
        "review",
        "recommendations",
        "agency_title_patterns",
        "agency_name_strip",
        "narrative",
        "date_columns",
    }
)


# -- rules ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class RuleMatch:
    """What the heading rules say about one heading.

    ``action`` is "keep", "drop", "review" (recognised but a person must decide),
    "conflict" (a keep phrase and a drop phrase match different words) or "title" (the
    heading only names the document: "Learning Review: Child T"). ``titled`` says that a
    title phrase matched beside the others ("Findings Overview Report").
    """

    action: str
    phrases: tuple[str, ...]
    titled: bool = False

    def describe(self) -> str:
        quoted = " and ".join(f"'{p}'" for p in self.phrases)
        if self.action == "conflict":
            return f"heading matches {quoted}, which disagree"
        return f"heading matches {quoted} ({self.action})"


@dataclass(frozen=True)
class SectionRules:
    """The contents of ``patterns/sections.yml``: heading phrases and agency patterns."""

    keep: tuple[str, ...]
    drop: tuple[str, ...]
    review: tuple[str, ...] = ()
    title: tuple[str, ...] = ()
    recommendations: tuple[str, ...] = ("recommendations",)
    agency_title_patterns: tuple[re.Pattern[str], ...] = ()
    agency_name_strip: tuple[re.Pattern[str], ...] = ()
    front_matter: str = "keep"
    title_page_max_words: int = 120
    max_heading_words: int = 12
    narrative: NarrativeRules = field(default_factory=NarrativeRules)
    # Headings of a table's columns whose dates are more than dates ("DOB"): category ->
    # headings, compared without case and trailing punctuation (decide/date_columns.py).
    date_columns: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    source: str = "patterns/sections.yml"
    # Each phrase as comparable words, worked out once per rules object (not per heading).
    _phrases: tuple[tuple[tuple[str, ...], str, str], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        indexed: dict[tuple[str, ...], tuple[tuple[str, ...], str, str]] = {}
        for action, phrases in (("keep", self.keep), ("drop", self.drop), ("review", self.review), ("title", self.title)):
            for phrase in phrases:
                # "conclusion" and "conclusions" are one rule; the first spelling names it.
                indexed.setdefault(heading_words(phrase), (heading_words(phrase), phrase, action))
        object.__setattr__(self, "_phrases", tuple(indexed.values()))

    def match(self, heading: str) -> RuleMatch | None:
        """The rule that a heading matches, or None when no phrase does."""
        words = heading_words(heading)
        # Only the phrases whose first word the heading has (most have none of them): every
        # paragraph of a draft is asked about, against about a hundred phrases.
        present = set(words)
        found = [
            (start, end, phrase, action)
            for phrase_words, phrase, action in self._phrases
            if phrase_words and phrase_words[0] in present
            for start, end in _phrase_spans(words, phrase_words)
        ]
        return _resolve(found)

    def is_recommendations(self, heading: str) -> bool:
        """Whether a heading names a recommendations section."""
        words = heading_words(heading)
        return any(_phrase_spans(words, heading_words(p)) for p in self.recommendations)


def _phrase_spans(words: Sequence[str], phrase: Sequence[str]) -> list[tuple[int, int]]:
    n = len(phrase)
    if n == 0:
        return []
    return [(i, i + n) for i in range(len(words) - n + 1) if tuple(words[i : i + n]) == tuple(phrase)]


def _resolve(found: list[tuple[int, int, str, str]]) -> RuleMatch | None:
    if not found:
        return None
    # A match inside a longer match is the less specific rule: "summary" inside
    # "summary of involvement".
    outer = [
        m
        for m in found
        if not any(o is not m and o[0] <= m[0] and m[1] <= o[1] and (o[1] - o[0]) > (m[1] - m[0]) for o in found)
    ]
    # A title phrase only names the document: it decides nothing beside another rule, but
    # says that the heading may be the document's title.
    titled = any(m[3] == "title" for m in outer)
    ruled = [m for m in outer if m[3] != "title"] or outer
    actions = {m[3] for m in ruled}
    phrases = tuple(dict.fromkeys(m[2] for m in sorted(ruled, key=lambda m: (m[0], -(m[1] - m[0])))))
    if len(actions) == 1:
        return RuleMatch(actions.pop(), phrases, titled)
    if actions == {"drop", "review"}:
        # Both mean "not published by default"; the stronger word is drop.
        return RuleMatch("drop", phrases, titled)
    return RuleMatch("conflict", phrases, titled)


_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten".split())


def heading_words(text: str) -> tuple[str, ...]:
    """A heading or phrase as comparable words: lower case, no numbering, punctuation,
    apostrophes or plurals."""
    text = _strip_markup(text).lower().replace("&", " and ")
    text = re.sub(r"['’‘`]", "", text)
    words = re.findall(r"[a-z0-9]+", text)
    return tuple(_singular(w) for w in words if not w.isdigit())


def _singular(word: str) -> str:
    # Crude, but applied to both sides, so "agencies" meets "agency" and "lessons" "lesson".
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def load_section_rules(path: Path = DEFAULT_SECTION_RULES) -> SectionRules:
    """Read ``patterns/sections.yml``. Raises ConfigError naming the file and key."""
    name = str(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{name}: file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{name}: cannot be read ({exc.__class__.__name__})") from None
    data = parse_yaml(raw, str(name))
    if not isinstance(data, dict):
        raise ConfigError(f"{name}: expected a mapping of keys such as 'keep' and 'drop'")
    unknown = sorted(str(k) for k in data if k not in _KNOWN_KEYS)
    if unknown:
        raise ConfigError(f"{name}: unknown key '{unknown[0]}' (known keys: {', '.join(sorted(_KNOWN_KEYS))})")
    for key in ("keep", "drop"):
        if key not in data:
            raise ConfigError(f"{name}: missing key '{key}'")

    phrases = {key: _phrase_list(name, key, data.get(key, [])) for key in _ACTIONS}
    seen: dict[tuple[str, ...], str] = {}
    for key in _ACTIONS:
        for phrase in phrases[key]:
            words = heading_words(phrase)
            if not words:
                raise ConfigError(f"{name}: {key}: '{phrase}' has no words left once numbering is ignored")
            if words in seen and seen[words] != key:
                raise ConfigError(f"{name}: {key}: '{phrase}' is also listed under '{seen[words]}'")
            seen[words] = key

    front = data.get("front_matter", "keep")
    if front not in ("keep", "drop"):
        raise ConfigError(f"{name}: front_matter: must be 'keep' or 'drop'")
    return SectionRules(
        keep=phrases["keep"],
        drop=phrases["drop"],
        review=phrases["review"],
        title=phrases["title"],
        recommendations=_phrase_list(name, "recommendations", data.get("recommendations", ["recommendations"])),
        agency_title_patterns=_regex_list(name, "agency_title_patterns", data.get("agency_title_patterns", [])),
        agency_name_strip=_regex_list(name, "agency_name_strip", data.get("agency_name_strip", [])),
        front_matter=front,
        title_page_max_words=_positive_int(name, "title_page_max_words", data.get("title_page_max_words", 120)),
        max_heading_words=_positive_int(name, "max_heading_words", data.get("max_heading_words", 12)),
        narrative=load_narrative_rules(name, data.get("narrative")),
        date_columns=_date_columns(name, data.get("date_columns", {})),
        source=name,
    )


_DATE_COLUMN_CATEGORIES = ("DATE_OF_BIRTH", "DATE_OF_DEATH")


def _date_columns(name: str, value: Any) -> Mapping[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise ConfigError(f"{name}: date_columns: expected a mapping of category to column headings")
    out = {}
    for category, headings in value.items():
        if category not in _DATE_COLUMN_CATEGORIES:
            raise ConfigError(
                f"{name}: date_columns: '{category}' is not one of {', '.join(_DATE_COLUMN_CATEGORIES)}"
            )
        out[str(category)] = _phrase_list(name, f"date_columns: {category}", headings)
    return MappingProxyType(out)


def _phrase_list(name: str, key: str, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ConfigError(f"{name}: {key}: expected a list of headings")
    out = []
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise ConfigError(f"{name}: {key}[{i}]: expected a non-empty text")
        out.append(item.strip())
    return tuple(out)


def _regex_list(name: str, key: str, value: Any) -> tuple[re.Pattern[str], ...]:
    out = []
    for i, item in enumerate(_phrase_list(name, key, value)):
        try:
            out.append(re.compile(item.replace("{name}", NAME_PATTERN)))
        except re.error as exc:
            raise ConfigError(f"{name}: {key}[{i}]: not a valid regular expression ({exc})") from None
    return tuple(out)


def _positive_int(name: str, key: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(f"{name}: {key}: expected a whole number above 0")
    return value


# -- headings ------------------------------------------------------------------------------


@dataclass(frozen=True)
class HeadingSignal:
    """Why a unit is taken as a heading.

    ``kind`` is "word" (heading style or outline level from the reader, or Markdown ``#``),
    "numbered", "capitals" or "title" (a short title-like or bold line). ``depth`` is the
    level the heading states itself (style level, or the number of parts in "4.1"); None for
    capitals and title lines, whose level depends on the headings around them.
    """

    text: str
    kind: str
    depth: int | None
    appendix: bool = False
    bold: bool = False

    @property
    def strong(self) -> bool:
        return self.kind in ("word", "numbered")


_BULLET = re.compile(r"^\s*(?:[-*•▪◦–·o]\s+|\(?[a-z]\)\s+|\([ivx]+\)\s+)")
_LABELLED = re.compile(
    r"^(?P<label>appendix|appendices|annexe?|section|part|chapter)\s+"
    r"(?P<num>\d{1,3}(?:\.\d{1,3})*|[ivxlc]{1,6}|[a-z]|"
    + "|".join(sorted(_NUMBER_WORDS))
    + r")\b\.?(?P<rest>.*)$",
    re.IGNORECASE,
)
_PLAIN = re.compile(r"^(?P<num>\d{1,3}(?:\.\d{1,3})*)[.)]?\s+(?P<rest>\S.*)$")
_LETTERED = re.compile(r"^(?P<num>[IVXLCivxlc]{1,6}|[A-Z])[.)]\s+(?P<rest>\S.*)$")
_TOC_LINE = re.compile(r"(?:\.{3,}|…|\t)\s*\d+\s*$")
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_SMALL_WORDS = frozenset(
    "a an the of and or to in on for with by at from into as is be its their his her".split()
)
_FINAL_STOP = (".", ",", ";", "!", "?")


def _strip_markup(line: str) -> str:
    line = line.strip()
    line = re.sub(r"^#{1,6}\s+", "", line)
    line = re.sub(r"^(\*\*|__)(.*)\1$", r"\2", line)
    return line.strip()


def table_cells(line: str) -> list[str]:
    """The cells of a table row saved as text (tabs between them); [] for any other line."""
    cells = [c.strip() for c in line.strip().split("\t")]
    return cells if len([c for c in cells if c]) >= 2 else []


def is_table_row(line: str) -> bool:
    """A line of cells with tabs between ("Date<tab>Agency<tab>Event"), but not Word's list
    numbering saved as text ("1.<tab>Introduction": two cells, the first a number)."""
    cells = table_cells(line)
    if len([c for c in cells if c]) >= 3:
        return True
    return bool(cells) and not re.fullmatch(r"(?:\d{1,3}(?:\.\d{1,3})*|[IVXLCivxlc]{1,6}|[A-Za-z])[.)]?", cells[0])


def _is_bold_line(line: str) -> bool:
    return bool(re.fullmatch(r"(\*\*|__)\S(?:.*\S)?\1", line.strip()))


def is_capitals(text: str) -> bool:
    """Whether a line is written in capitals (80% of its letters or more)."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 3:
        return False
    return sum(c.isupper() for c in letters) / len(letters) >= 0.8


def _is_title_like(text: str) -> bool:
    significant = [w for w in re.findall(r"[^\W\d_][\w'’\-]*", text) if w.lower() not in _SMALL_WORDS]
    if not significant:
        return False
    return sum(w[0].isupper() for w in significant) / len(significant) >= 0.6


def _short_enough(text: str, rules: SectionRules | None) -> bool:
    limit = rules.max_heading_words if rules is not None else 12
    words = text.split()
    return 0 < len(words) <= limit


def _looks_titled(text: str, rules: SectionRules | None, bold: bool, numbered: bool = False) -> bool:
    """A short title after a number, or a whole short line: capitals, title case, bold, or a
    heading the rules know ("Analysis of practice" is sentence case but is a heading).
    ``numbered``: the title follows a number or a label ("Section 3:"), after which a title
    in title case may list names with commas ("Section 3: Ezra, Skye and Their Family")."""
    if not text or not _short_enough(text, rules):
        return False
    # A final stop ends a sentence, inside quotation marks too ('"GP: Mum tearful."'); but a
    # question in bold or capitals is a heading ("Was the child seen and heard?", a term of
    # reference heading its answer).
    bare = text.rstrip("\"'”’)]")
    if bare.endswith(_FINAL_STOP) and not (bare.endswith("?") and (bold or is_capitals(text))):
        return False
    if not (text[0].isalpha() or text[0] in "'\"‘“"):
        return False
    if heading_words(text) and heading_words(text)[0] in _MONTHS:
        return False  # "24 March 2012" is a date, not section 24
    if is_capitals(text) or bold:
        return True
    if text.endswith(":") or (", " in text and not (numbered and _is_title_like(text))):
        # "2.2 The family members, described in a genogram, are:" introduces a list. After a
        # number, a title in title case may hold commas: the children's names heading their
        # family background were read as a sentence, and the section was published (s13).
        return False
    if rules is not None and rules.match(text) is not None:
        return True
    return _is_title_like(text)


def heading_signal(unit: TextUnit, rules: SectionRules | None = None, *, boxed: bool = False) -> HeadingSignal | None:
    """Whether a unit is a heading, and of what kind; None for body text. Table text is never
    a heading unless ``boxed`` (see ``box_headings``), and then only a numbered, capitals or
    recognised one."""
    if unit.kind != "paragraph" or unit.location.part not in SECTION_PARTS or (unit.location.cell and not boxed):
        return None
    if boxed:
        signal = heading_signal(replace(unit, location=replace(unit.location, cell=None)), rules)
        if signal is None or signal.kind == "word":
            return signal
        known = rules is not None and rules.match(signal.text) is not None
        return signal if signal.kind in ("numbered", "capitals") or signal.bold or known else None
    text = unit.text.strip()
    if not text:
        return None
    first, _, rest = text.partition("\n")
    if unit.heading_level is not None:
        return HeadingSignal(_strip_markup(first), "word", max(1, unit.heading_level), _is_appendix(first))
    md = re.match(r"^(#{1,6})\s+\S", first)
    if md and not rest:
        return HeadingSignal(_strip_markup(first), "word", len(md.group(1)), _is_appendix(first))
    if _BULLET.match(first) or _TOC_LINE.search(first) or is_table_row(first):
        return None
    bold = _is_bold_line(first) or (unit.bold and not rest)
    line = _strip_markup(first)

    labelled = _LABELLED.match(line)
    if labelled:
        title = labelled.group("rest").strip(" :.-–—\t")
        appendix = labelled.group("label").lower().startswith(("append", "annex"))
        depth = labelled.group("num").count(".") + 1
        if appendix and (not title or _looks_titled(title, rules, True)):
            return HeadingSignal(line, "numbered", depth, True)
        if title and _looks_titled(title, rules, bold, numbered=True):
            return HeadingSignal(line, "numbered", depth)
        return None

    numbered = _PLAIN.match(line) or _LETTERED.match(line)
    if numbered:
        num = numbered.group("num")
        title = numbered.group("rest").strip()
        if any(len(part) > 1 and part.startswith("0") for part in num.split(".")):
            return None  # "12.03.13 Home visit" is a date
        if _looks_titled(title, rules, bold, numbered=True):
            return HeadingSignal(line, "numbered", num.count(".") + 1, _is_appendix(title))
        return None

    # Un-numbered lines: a heading is one line; only capitals may carry body text after it
    # on the next line, as a hand-typed .txt heading sometimes does.
    if rest and not is_capitals(line):
        return None
    if not _looks_titled(line.rstrip(":").strip(), rules, bold):
        return None
    if line.endswith(":") and not (is_capitals(line) or bold):
        return None  # "The following were considered:" introduces a list
    kind = "capitals" if is_capitals(line) else "title"
    return HeadingSignal(line, kind, None, _is_appendix(line), bold)


def _heads_its_numbers(unit: TextUnit, after: TextUnit, rules: SectionRules | None) -> HeadingSignal | None:
    """A short numbered line in sentence case ("2. The circumstances leading to the review")
    is a heading when the next paragraph is numbered inside it ("2.1 On 4 May ..."). Without
    this its paragraphs fell into the section before, and a kept introduction published them."""
    if unit.kind != "paragraph" or unit.location.cell or "\n" in unit.text.strip():
        return None
    line = _strip_markup(unit.text)
    numbered = _PLAIN.match(line)
    if numbered is None or _BULLET.match(line):
        return None
    num, title = numbered.group("num"), numbered.group("rest").strip()
    if any(len(part) > 1 and part.startswith("0") for part in num.split(".")):
        return None  # "12.03.13 Home visit" is a date
    if title.endswith(_FINAL_STOP) or not _short_enough(title, rules) or not title[0].isalpha():
        return None
    if heading_words(title) and heading_words(title)[0] in _MONTHS:
        return None
    inner = _PLAIN.match(_strip_markup(after.text))
    if inner is None or inner.group("num") != f"{num}.1":
        return None
    return HeadingSignal(line, "numbered", num.count(".") + 1, _is_appendix(title))


# A colon only: prose sets words off with dashes ("The family – mother, father and three
# children – were known to ...").
_RUN_IN = re.compile(r"^(?P<label>[^\W\d_][^:.;?!\n]{2,60}?)\s*:\s*\S")
_RUN_IN_WORDS = 6


def _run_in_heading(unit: TextUnit, rules: SectionRules | None) -> HeadingSignal | None:
    """A heading written into its paragraph ("1.2 Family background: the baby lived ...", as
    the published example writes "1.2 Terms of Reference: The purpose ...") that names what the
    rules drop or send to review: a section starts at the paragraph. Labels the rules keep
    change nothing, and a label no rule knows is only the start of a sentence."""
    if rules is None or unit.kind != "paragraph" or unit.location.cell:
        return None
    line = _strip_markup(unit.text.strip().split("\n", 1)[0])
    if _BULLET.match(line) or is_table_row(line):
        return None
    numbered = _PLAIN.match(line)
    rest = numbered.group("rest") if numbered else line
    label = _RUN_IN.match(re.sub(r"^(\*\*|__)(.*?)\1", r"\2", rest))
    if label is None or len(label.group("label").split()) > _RUN_IN_WORDS:
        return None
    text = label.group("label").strip(" *_")
    if not _names_case_detail(text, rules) or heading_words(text)[0] in _MONTHS:
        return None
    heading = f"{numbered.group('num')} {text}" if numbered else text
    if numbered:
        return HeadingSignal(heading, "numbered", numbered.group("num").count(".") + 1, _is_appendix(text))
    return HeadingSignal(heading, "title", None, _is_appendix(text))


def _sentence_case_item(unit: TextUnit | None) -> int | None:
    """The depth of a one-line numbered item in sentence case ("3. Whether the family
    background was understood;"), or None for anything else."""
    if unit is None or unit.kind != "paragraph" or unit.location.cell or unit.bold or "\n" in unit.text.strip():
        return None
    line = unit.text.strip()
    numbered = _PLAIN.match(line)
    if numbered is None or _is_bold_line(line):
        return None
    title = numbered.group("rest").strip()
    # A short numbered paragraph ("1.3 The review asked how agencies worked.") ends like a
    # sentence; an item of a list ends bare, or with ";" or ",".
    if title.endswith((".", "!", "?", ":")) or not _short_enough(title, None) or is_capitals(title) or _is_title_like(title):
        return None
    return numbered.group("num").count(".") + 1


def _in_numbered_list(
    unit: TextUnit, signal: HeadingSignal, before: TextUnit | None, after: TextUnit | None
) -> bool:
    """Whether a numbered line taken as a heading only because it holds a phrase of the rules
    ("3. Whether the family background was understood") is an item of a numbered list: a
    sentence-case item of its depth stands next to it. Taken as a heading, it dropped the
    rest of the terms of reference with it."""
    if signal.kind != "numbered" or signal.bold or unit.heading_level is not None:
        return False
    depth = _sentence_case_item(unit)
    return depth is not None and depth in (_sentence_case_item(before), _sentence_case_item(after))


def _continues_numbering(
    unit: TextUnit, last_number: str, previous: TextUnit | None, rules: SectionRules | None
) -> HeadingSignal | None:
    """A short numbered line in sentence case whose number is the next heading's ("3. Voice
    of the child" after the heading "2. Findings", "4.3 Working with fathers" after "4.2 ...")
    is a heading, though no "3.1" follows it: its section fell into the one before, and a kept
    Findings published what the child said. A line that follows another numbered line of its
    own depth is an item of a numbered list ("3. Whether the voice of the child was heard")."""
    if unit.kind != "paragraph" or unit.location.cell or "\n" in unit.text.strip():
        return None
    line = _strip_markup(unit.text)
    numbered = _PLAIN.match(line)
    if numbered is None or _BULLET.match(line) or _TOC_LINE.search(line) or is_table_row(line):
        return None
    num, title = numbered.group("num"), numbered.group("rest").strip()
    if any(len(part) > 1 and part.startswith("0") for part in num.split(".")):
        return None  # "12.03.13 Home visit" is a date
    if title.endswith(_FINAL_STOP) or not _short_enough(title, rules) or not title[0].isupper():
        return None
    if heading_words(title) and heading_words(title)[0] in _MONTHS:
        return None
    parts = [int(p) for p in last_number.split(".")]
    following = {".".join(str(n) for n in parts[: i - 1] + [parts[i - 1] + 1]) for i in range(1, len(parts) + 1)}
    if num not in following:
        return None
    before = _PLAIN.match(_strip_markup(previous.text)) if previous is not None else None
    if before is not None and before.group("num").count(".") == num.count("."):
        return None
    return HeadingSignal(line, "numbered", num.count(".") + 1, _is_appendix(title))


_TOP_CELL = re.compile(r"^table (\d+), row (\d+), cell (\d+)$")


def box_headings(units: Sequence[TextUnit]) -> frozenset[int]:
    """Table paragraphs that may be headings: the only paragraph of a table's first row when
    that row is a single cell (a heading typed into a one-cell table, a shaded box, or a
    table's merged title row: "3. Chronology of significant events" above its dates)."""
    rows: dict[tuple[str, str], dict[int, list[int]]] = {}
    for u in units:
        match = _TOP_CELL.match(u.location.cell or "")
        if match is None or not in_sections(u) or match.group(2) != "1":
            continue
        cells = rows.setdefault((u.location.part, match.group(1)), {})
        uids = cells.setdefault(int(match.group(3)), [])
        if u.text.strip():
            uids.append(u.uid)
    return frozenset(
        only
        for cells in rows.values()
        if len(cells) == 1
        for uids in cells.values()
        if len(uids) == 1
        for only in uids
    )


def _numbered_text(text: str) -> bool:
    line = _strip_markup(text)
    return bool(_LABELLED.match(line) or _PLAIN.match(line) or _LETTERED.match(line))


def _is_appendix(text: str) -> bool:
    words = heading_words(text)
    return bool(words) and words[0] in ("appendix", "appendice", "annex", "annexe")


# -- structure -----------------------------------------------------------------------------


def in_sections(unit: TextUnit) -> bool:
    """Whether a unit can belong to a section (main-text paragraphs only)."""
    return unit.kind == "paragraph" and unit.location.part in SECTION_PARTS


def find_sections(units: Sequence[TextUnit], rules: SectionRules | None = None) -> list[SectionInfo]:
    """The sections of a draft in reading order, not yet classified.

    Text before the first heading is a section headed ``FRONT_MATTER`` at level 0. Each
    heading starts a section holding the heading unit and the paragraphs up to the next
    heading of any level; a sub-section's level is deeper than its parent's. Pass ``rules``
    so that sentence-case headings the rules know ("Family background") are found.
    Sections come back with action "drop" and status "needs_review" until
    ``classify_sections`` decides, so that an unclassified draft publishes nothing.
    """
    sections: list[SectionInfo] = []
    last_strong: int | None = None  # level of the last numbered or styled heading
    last_anchor: int | None = None  # level of the last capitals or recognised line, before any
    appendix_level: int | None = None
    bold_anchors = False  # a top-level heading was a bold line (not capitals, not numbered)
    capitals_anchors = False  # a top-level heading the rules know was written in capitals
    last_number: str | None = None  # the number of the last numbered heading ("4.2")
    previous: TextUnit | None = None  # the last paragraph of body text since that heading
    kinds: dict[int, str] = {}  # section position -> heading kind
    # A draft that uses heading styles marks its headings; a short title-case line in it is
    # more likely a name, an address or a signature than a heading, so only numbered,
    # capitals and bold lines are added to the styled ones.
    styled = any(u.heading_level is not None for u in units if in_sections(u))
    body = [u for u in units if in_sections(u) and u.text.strip()]
    following = {u.uid: body[i + 1] for i, u in enumerate(body[:-1])}
    preceding = {u.uid: body[i - 1] for i, u in enumerate(body) if i}
    boxes = box_headings(units)
    for unit in units:
        if not in_sections(unit):
            continue
        signal = heading_signal(unit, rules, boxed=unit.uid in boxes)
        if signal is None and unit.uid in following:
            signal = _heads_its_numbers(unit, following[unit.uid], rules)
        if signal is None and last_number is not None:
            signal = _continues_numbering(unit, last_number, previous, rules)
        if signal is None:
            signal = _run_in_heading(unit, rules)
        if signal is not None and styled and _plain_line(signal) and not _names_case_detail(signal.text, rules):
            signal = None
        if signal is not None and _in_numbered_list(unit, signal, preceding.get(unit.uid), following.get(unit.uid)):
            signal = None
        if signal is None:
            if not sections:
                sections.append(_new_section(0, FRONT_MATTER, 0))
            sections[-1].units += (unit.uid,)
            sections[-1].words += len(unit.text.split())
            if unit.text.strip():
                previous = unit
            continue
        previous = None
        numbered_heading = _PLAIN.match(signal.text)
        if numbered_heading is not None:
            last_number = numbered_heading.group("num")

        depth = signal.depth
        if signal.kind == "word":
            level = depth or 1
            if appendix_level is not None and level <= appendix_level and not signal.appendix:
                appendix_level = None
        elif signal.kind == "numbered":
            # After "Appendix 1", its numbered parts ("1. Children's Social Care") sit inside it.
            if appendix_level is not None and not signal.appendix:
                level = appendix_level + (depth or 1)
            else:
                level = depth or 1
        elif signal.appendix:
            level = 1  # "APPENDIX: GLOSSARY" is top level, whatever came before it
        elif last_strong is not None:
            level = last_strong + 1
        elif capitals_anchors and signal.kind == "title" and not signal.bold and last_anchor is not None:
            # Under top-level headings in capitals ("FINDINGS"), a known heading in sentence
            # case ("Family background") is their sub-section, not a sibling that leaves them.
            level = last_anchor + 1
        elif signal.kind == "capitals" or (rules is not None and rules.match(signal.text) is not None):
            level = 1
        elif signal.bold and bold_anchors:
            # Bold like the top-level headings the rules know: a sibling, not their
            # sub-section ("Life at the flat" after "Introduction" inherited its keep).
            level = 1
        else:
            level = (last_anchor or 0) + 1
        if signal.appendix:
            appendix_level = level
        if signal.strong:
            last_strong = level
        elif last_strong is None and level == 1:
            last_anchor = level
            bold_anchors = bold_anchors or (signal.bold and signal.kind == "title")
            capitals_anchors = capitals_anchors or (signal.kind == "capitals" and _names_a_section(signal.text, rules))
        sections.append(_new_section(len(sections), signal.text, level, unit.uid))
        kinds[len(sections) - 1] = signal.kind
    _promote_document_title(sections, kinds, rules)
    return _separate_contents(sections, units, rules)


# The heading given to a contents list that has none; the 'contents' rule drops it.
CONTENTS_LISTING = "(table of contents)"
_CONTENTS_WORDS = heading_words("contents")


def _is_contents(heading: str, rules: SectionRules | None) -> bool:
    match = rules.match(heading) if rules is not None else None
    return match is not None and any(heading_words(p) == _CONTENTS_WORDS for p in match.phrases)


def _contents_entry(line: str) -> tuple[str, ...] | None:
    """A contents line's heading as comparable words ("2. Findings .... 6" -> findings), or
    None for a line that does not end in a page number after leaders or a tab."""
    match = _TOC_LINE.search(line)
    if match is None:
        return None
    return heading_words(line[: match.start()].replace("\t", " "))


def _absorb_listed_headings(
    sections: list[SectionInfo], by_uid: dict[int, TextUnit], rules: SectionRules | None
) -> list[SectionInfo]:
    """Under a "Contents" heading, lines that name a heading found again later in the draft
    are the contents' entries, not sections of their own: a contents page typed without page
    numbers made each of its lines the heading of an empty section, and the kept ones were
    published as stray headings. The first line that names no later heading, or that holds
    prose, ends the contents."""
    out: list[SectionInfo] = []
    i = 0
    while i < len(sections):
        section = sections[i]
        out.append(section)
        i += 1
        if rules is None or section.heading == FRONT_MATTER or not _is_contents(section.heading, rules):
            continue
        while i < len(sections):
            listed = sections[i]
            words = heading_words(listed.heading)
            named_later = any(heading_words(s.heading) == words for s in sections[i + 1 :])
            if not words or not named_later or _holds_prose(listed, by_uid, rules):
                break
            section.units += listed.units
            section.words += sum(len(by_uid[u].text.split()) for u in listed.units if u in by_uid)
            i += 1
    return out


def _separate_contents(
    sections: list[SectionInfo], units: Sequence[TextUnit], rules: SectionRules | None
) -> list[SectionInfo]:
    """A contents list with no "Contents" heading (lines ending in page numbers, at least two
    of them naming headings of this draft) is a section of its own, headed
    ``CONTENTS_LISTING``: on the title page it published the headings of the dropped
    narrative ("2. The night Child E was found by the canal  3"). Lines of counts ("Police
    <tab> 12") name no heading and stay where they are."""
    by_uid = {u.uid: u for u in units}
    sections = _absorb_listed_headings(sections, by_uid, rules)
    headings = {heading_words(s.heading) for s in sections if s.heading != FRONT_MATTER}
    headings.discard(())
    out: list[SectionInfo] = []
    for section in sections:
        out.append(section)
        if section.heading != FRONT_MATTER and _is_contents(section.heading, rules):
            continue
        body = section.units if section.heading == FRONT_MATTER else section.units[1:]
        run: list[int] = []
        runs: list[list[int]] = []
        for uid in body:
            unit = by_uid[uid]
            lines = [line for line in unit.text.splitlines() if line.strip()]
            if not unit.location.cell and lines and all(_contents_entry(line) is not None for line in lines):
                run.append(uid)
                continue
            runs.append(run)
            run = []
        runs.append(run)
        listed = [
            r
            for r in runs
            if sum(_contents_entry(line) in headings for uid in r for line in by_uid[uid].text.splitlines() if line.strip()) >= 2
        ]
        for r in listed:
            section.units = tuple(u for u in section.units if u not in r)
            section.words -= sum(len(by_uid[u].text.split()) for u in r)
            # Below the section it sat in, so that sub-sections after it keep their parent.
            level = section.level + 1 if section.level >= 1 else 1
            out.append(_new_section(0, CONTENTS_LISTING, level))
            out[-1].units = tuple(r)
            out[-1].words = sum(len(by_uid[u].text.split()) for u in r[1:])
    for index, section in enumerate(out):
        section.index = index
    return out


def _names_a_section(text: str, rules: SectionRules | None) -> bool:
    """Whether the rules know a heading as a section of the report (not only as the
    document's title, as "SERIOUS CASE REVIEW" is)."""
    match = rules.match(text) if rules is not None else None
    return match is not None and match.action != "title"


def _plain_line(signal: HeadingSignal) -> bool:
    """A short title-like line with nothing else to mark it a heading (no style, number,
    capitals or bold)."""
    return signal.kind == "title" and not signal.bold


def _names_case_detail(text: str, rules: SectionRules | None) -> bool:
    """Whether the rules drop (or send to review) what a heading like this one heads."""
    match = rules.match(text) if rules is not None else None
    return match is not None and match.action in ("drop", "review", "conflict")


def _doubtful_heading(section: SectionInfo, by_uid: dict[int, TextUnit], styled: bool, rules: SectionRules) -> bool:
    """A plain line taken as a heading in a draft that styles its headings ("Chronology"):
    it may be a caption or a label, so a person checks what it was taken to head."""
    if not styled or section.heading == FRONT_MATTER or not section.units:
        return False
    unit = by_uid.get(section.units[0])
    if unit is None or unit.heading_level is not None:
        return False
    signal = heading_signal(unit, rules)
    return signal is not None and _plain_line(signal)


def _new_section(index: int, heading: str, level: int, uid: int | None = None) -> SectionInfo:
    return SectionInfo(
        index=index,
        heading=heading,
        level=level,
        words=0,
        action="drop",
        status="needs_review",
        reason="not classified",
        units=() if uid is None else (uid,),
    )


def _promote_document_title(
    sections: list[SectionInfo], kinds: dict[int, str], rules: SectionRules | None
) -> None:
    """A lone top-level styled heading at the start ("# Serious Case Review: Child A" above
    "## Introduction", "## Findings") is the document's title, not a section holding the
    whole report: it becomes front matter (level 0) and the other levels move up. A numbered
    heading ("1. CHRONOLOGY") or one the rules know is never taken as a title."""
    positions = [i for i, s in enumerate(sections) if s.heading != FRONT_MATTER]
    if len(positions) < 2 or kinds.get(positions[0]) != "word":
        return
    headed = [sections[i] for i in positions]
    if rules is not None and not _may_be_title(rules.match(headed[0].heading)):
        return
    top = min(s.level for s in headed)
    if headed[0].level != top or any(s.level == top for s in headed[1:]):
        return
    shift = min(s.level for s in headed[1:]) - 1
    headed[0].level = 0
    for s in headed[1:]:
        s.level -= shift


def parent_of(sections: Sequence[SectionInfo], position: int) -> int | None:
    """The list position of a section's parent (nearest earlier section of a lower level)."""
    level = sections[position].level
    for i in range(position - 1, -1, -1):
        if 1 <= sections[i].level < level:
            return i
    return None


def descendants(sections: Sequence[SectionInfo], position: int) -> list[int]:
    """List positions of the sub-sections under a section."""
    level = sections[position].level
    out = []
    for i in range(position + 1, len(sections)):
        if sections[i].level <= level:
            break
        out.append(i)
    return out


def title_page(sections: Sequence[SectionInfo], units: Sequence[TextUnit], rules: SectionRules) -> list[int]:
    """List positions of the sections that make up the title page: the front matter, then
    short unrecognised un-numbered heading lines (the Board's name, "CONFIDENTIAL", Word
    Title and Subtitle paragraphs) before the first numbered or recognised heading, within
    ``title_page_max_words`` from the start."""
    by_uid = {u.uid: u for u in units}
    boxes = box_headings(units)
    out: list[int] = []
    words = 0
    titled = False  # a line naming the document ("Serious Case Review: Child F") seen
    for i, section in enumerate(sections):
        heading_unit = by_uid.get(section.units[0]) if section.units else None
        words += section.words + (len(heading_unit.text.split()) if section.heading != FRONT_MATTER and heading_unit else 0)
        # A title page is lines, not sentences: a short section of narrative under a heading
        # nobody listed ("Early days") was published as the title page.
        if _holds_prose(section, by_uid, rules):
            break
        if section.level == 0:
            out.append(i)
            continue
        signal = heading_signal(heading_unit, rules, boxed=heading_unit.uid in boxes) if heading_unit is not None else None
        match = rules.match(section.heading)
        service = match is not None and match.action == "keep" and _service_line(sections, i, titled, rules)
        if signal is None or not (_may_be_title(match) or service):
            break
        titled = titled or (match is not None and (match.action == "title" or match.titled))
        # Title and Subtitle styles make a Word title page of styled lines; a numbered
        # heading ("1. THE CHILD") is always the start of the report proper.
        if signal.kind == "numbered" or (signal.kind == "word" and _numbered_text(section.heading)):
            break
        if words > rules.title_page_max_words:
            break
        out.append(i)
    return out


def _service_line(sections: Sequence[SectionInfo], position: int, titled: bool, rules: SectionRules) -> bool:
    """Whether a kept heading on the title page is a line of it: after the document's title,
    an un-numbered line over title-page lines (the caller has found no prose under it), or
    an empty one followed by an empty, un-numbered line no rule knows ("Schools and Early
    Years (Education and Learning Directorate)", then "IMR author: ..."). It matched
    'learning' and ended the title page, and the lines under it were dropped for review. An
    empty kept heading with a recognised or numbered heading after it heads its section."""
    section = sections[position]
    if not titled or _numbered_text(section.heading):
        return False
    if section.words:
        return True
    if position + 1 >= len(sections):
        return False
    after = sections[position + 1]
    return not after.words and not _numbered_text(after.heading) and rules.match(after.heading) is None


def _may_be_title(match: RuleMatch | None) -> bool:
    """Whether a heading with this match can be a title-page line: one no rule knows, one
    that names the document ("Serious Case Review: Child F"), or one that does both and
    is kept ("Learning Review: Child T" holds 'learning')."""
    return match is None or match.action == "title" or (match.titled and match.action == "keep")


def _holds_prose(section: SectionInfo, by_uid: dict[int, TextUnit], rules: SectionRules) -> bool:
    """Whether a section's body (its heading aside) holds a sentence: a paragraph longer than
    a heading may be, or one of six words or more that ends like a sentence. Title-page lines
    ("Independent Reviewer Moira Murray", "Prepared for publication by Alan Bedford, November
    2013") are neither, nor is a marking in capitals ("RESTRICTED: THIS DRAFT CONTAINS ...")."""
    body = section.units if section.heading == FRONT_MATTER else section.units[1:]
    for uid in body:
        unit = by_uid.get(uid)
        if unit is None or not in_sections(unit):
            continue
        for line in unit.text.splitlines():
            text = _strip_markup(line)
            count = len(text.split())
            if is_capitals(text):
                continue
            if count > rules.max_heading_words or (count >= 6 and text.endswith((".", "!", "?"))):
                return True
    return False


# -- classification ------------------------------------------------------------------------


def classify_sections(
    sections: Sequence[SectionInfo], units: Sequence[TextUnit], rules: SectionRules
) -> list[SectionInfo]:
    """Decide keep or drop for each section, with a reason naming the rule.

    Top-level sections follow their heading's rule; one the rules do not recognise is
    dropped and needs review. A sub-section whose heading matches a rule overrides its
    parent; otherwise it goes with its parent.
    """
    out = [replace(s) for s in sections]
    front = set(title_page(out, units, rules))
    by_uid = {u.uid: u for u in units}
    styled = any(u.heading_level is not None for u in units if in_sections(u))
    for i, section in enumerate(out):
        if i in front:
            kind = "front matter" if section.heading == FRONT_MATTER else "title page"
            section.action = rules.front_matter
            section.status = "auto"
            section.reason = f"{kind} (front_matter: {rules.front_matter})"
            continue
        match = rules.match(section.heading)
        parent_pos = parent_of(out, i)
        # A title-page line ("Westmere Constabulary") heads nothing: a section after it that
        # nests under it by level is not part of the title page and inherits no "keep".
        parent = out[parent_pos] if parent_pos is not None and parent_pos not in front else None
        if match is not None and match.action == "title" and parent is not None:
            # A sub-heading that names a report ("6 The Health Overview Report" in an
            # appendix of recommendations) goes with its parent, as an unknown one does.
            match = None
        if match is None:
            if parent is None:
                _set(section, "drop", "needs_review", f"heading not recognised by {rules.source}; dropped until reviewed")
            else:
                _set(section, parent.action, parent.status, f"part of '{parent.heading}' ({parent.action})")
        elif match.action == "conflict":
            _set(section, "drop", "needs_review", f"{match.describe()}; dropped until reviewed")
        elif match.action == "review":
            _set(section, "drop", "needs_review", f"{match.describe()}: dropped until a person decides")
        elif match.action == "title":
            _set(section, "drop", "needs_review", f"{match.describe()}, outside the title page; dropped until reviewed")
        elif match.action == "drop" and parent is not None and parent.action == "keep":
            # "Family background" under "Findings" may be the case's story or a finding
            # about how little was known of it: a person decides, nothing goes unseen.
            _set(section, "drop", "needs_review", f"{match.describe()}, inside '{parent.heading}' (keep); dropped until a person decides")
        elif match.action == "drop" and _is_contents(section.heading, rules) and _holds_prose(section, by_uid, rules):
            # A foreword typed under the contents page with no heading of its own.
            _set(section, "drop", "needs_review", f"{match.describe()}, but it holds text that is not a contents line; dropped until a person decides")
        elif match.action == "drop":
            _set(section, "drop", "auto", match.describe())
        elif parent is not None and parent.action == "drop":
            # Kept by its own rule, but it sits inside case detail: keep it, and say so.
            _set(section, "keep", "needs_review", f"{match.describe()}, inside '{parent.heading}' (drop)")
        else:
            _set(section, "keep", "auto", match.describe())
        if _doubtful_heading(section, by_uid, styled, rules):
            section.status = "needs_review"
            section.reason += "; a plain line in a draft whose headings are styled, taken as a heading"
    return out


NARRATIVE_REASON = (
    "kept, but its text reads like chronology or case narrative ({evidence}): a person decides "
    "(drop the section, or move that text under a dropped heading such as 'Chronology' in the draft)"
)


PASSAGE_REASON = (
    "{count} inside '{heading}' {verb} like chronology or case narrative ({evidence}); the rest "
    "of the section reads as findings: kept until a person decides (drop the passage, or keep it)"
)
PASSAGE = "passage"
_PASSAGE_HEADING_CHARS = 80


def flag_narrative(sections: Sequence[SectionInfo], units: Sequence[TextUnit], rules: SectionRules) -> list[SectionInfo]:
    """Kept sections whose own text is shaped like a chronology or case narrative (see
    ``anonymiser.decide.narrative``) become needs_review, still kept, with the evidence in
    the reason. Headings cannot see a chronology pasted into "Findings" or the story of the
    case under a sub-heading nobody listed; this never drops text, and never keeps it unseen.

    When the chronology is a passage among findings (a few dated entries pasted between two
    findings), the section stays as its heading says and the passage becomes its own review
    row (kind "passage", appended after the sections), so the consultant can drop the
    passage and keep the findings around it. A section that is all chronology, or whose
    other text still reads as narrative, is sent to review whole, as before."""
    by_uid = {u.uid: u for u in units}
    out = [replace(s) for s in sections]
    passages: list[SectionInfo] = []
    for section in out:
        if section.action != "keep":
            continue
        entries = section_entries(section, by_uid)
        runs = narrative_passages(entries, rules.narrative)
        inside = {i for p in runs for i in range(p.first, p.last + 1)}
        rest = [e for i, e in enumerate(entries) if i not in inside]
        evidence = narrative_evidence(entries, rules.narrative)
        if runs and _holds_sentences(rest, rules) and narrative_evidence(rest, rules.narrative) is None:
            passages += _passage_rows(section, entries, runs, by_uid, len(out) + len(passages))
            continue
        if evidence is None and runs:
            evidence = runs[0].evidence
        if evidence is None:
            continue
        section.status = "needs_review"
        section.reason = "; ".join(r for r in (section.reason, NARRATIVE_REASON.format(evidence=evidence)) if r)
    return out + passages


def _holds_sentences(entries: Sequence[Entry], rules: SectionRules) -> bool:
    """Whether entries hold prose (a line longer than a heading, or a sentence of six words
    or more), not only captions and labels."""
    for entry in entries:
        count = len(entry.text.split())
        if count > rules.max_heading_words or (count >= 6 and entry.text.rstrip().endswith((".", "!", "?"))):
            return True
    return False


def _passage_rows(
    section: SectionInfo, entries: Sequence[Entry], runs: Sequence[Passage], by_uid: dict[int, TextUnit], index: int
) -> list[SectionInfo]:
    """One review row per passage: whole units (a paragraph holding a line of the passage
    goes with it), passages sharing a unit merged into one."""
    groups: list[tuple[list[int], list[Passage]]] = []
    for run in runs:
        uids = list(dict.fromkeys(uid for e in entries[run.first : run.last + 1] for uid in e.units))
        if groups and set(uids) & set(groups[-1][0]):
            groups[-1][0].extend(u for u in uids if u not in groups[-1][0])
            groups[-1][1].append(run)
        else:
            groups.append((uids, [run]))
    out = []
    for uids, merged in groups:
        first_text = " ".join(entries[merged[0].first].text.split())
        heading = first_text
        if len(heading) > _PASSAGE_HEADING_CHARS:
            heading = heading[: _PASSAGE_HEADING_CHARS - 1].rstrip() + "…"
        picked = [e for p in merged for e in entries[p.first : p.last + 1]]
        rows = sum(1 for e in picked if e.cells)
        count = " and ".join(
            f"{n} {word}{'' if n == 1 else 's'}" for n, word in ((len(picked) - rows, "paragraph"), (rows, "table row")) if n
        )
        out.append(
            SectionInfo(
                index=index + len(out),
                heading=heading,
                level=section.level + 1,
                words=sum(len(by_uid[u].text.split()) for u in uids if u in by_uid),
                action="keep",
                status="needs_review",
                reason=PASSAGE_REASON.format(
                    count=count,
                    heading=section.heading,
                    verb="reads" if len(picked) == 1 else "read",
                    evidence="; ".join(p.evidence for p in merged),
                ),
                units=tuple(uids),
                kind=PASSAGE,
            )
        )
    return out


_ROW_OF_CELL = re.compile(r"^(?P<row>.*\brow \d+), cell \d+$")


def section_entries(section: SectionInfo, by_uid: dict[int, TextUnit]) -> list[Entry]:
    """A section's body (its heading aside) as entries: each line of text, and each table row
    (a Word table's cells joined by row; a row saved as text split at tabs or bars)."""
    body = section.units if section.heading == FRONT_MATTER else section.units[1:]
    entries: list[Entry] = []
    rows: dict[tuple[str, str], int] = {}  # (part, "table n, row r") -> position in entries
    for uid in body:
        unit = by_uid.get(uid)
        if unit is None or not in_sections(unit) or not unit.text.strip():
            continue
        cell = _ROW_OF_CELL.match(unit.location.cell or "")
        if cell is not None:
            key = (unit.location.part, cell.group("row"))
            text = " ".join(unit.text.split())
            if key in rows:
                old = entries[rows[key]]
                entries[rows[key]] = Entry(f"{old.text} | {text}", old.cells + (text,), old.units + (uid,))
            else:
                rows[key] = len(entries)
                entries.append(Entry(text, (text,), (uid,)))
            continue
        for line in unit.text.splitlines():
            text = _strip_markup(line)
            if text:
                entries.append(Entry(text, table_row_cells(text), (uid,)))
    # A "row" of one cell is a paragraph in a box, not a table row.
    return [e if len(e.cells) != 1 else Entry(e.text, (), e.units) for e in entries]


def _set(section: SectionInfo, action: str, status: str, reason: str) -> None:
    section.action = action
    section.status = status
    section.reason = reason


def scope_units(sections: Iterable[SectionInfo]) -> frozenset[int]:
    """The unit ids that ``--scope findings`` leaves out: every unit of a dropped section."""
    return frozenset(uid for s in sections if s.action == "drop" for uid in s.units)


def assign_sections(units: Sequence[TextUnit], sections: Iterable[SectionInfo]) -> list[TextUnit]:
    """The units with ``section`` set to their section's index (others unchanged)."""
    where = {uid: s.index for s in sections for uid in s.units}
    return [replace(u, section=where[u.uid]) if u.uid in where else u for u in units]
