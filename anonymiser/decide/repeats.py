"""Labels that would repeat the words beside them in the text.

Runs on the final edits, just before writing: after the consultant's decisions and the
batch's labels are applied (both find an edit by the span of the occurrence it replaces),
and with the replacement that will really be written. An edit's span may grow here to take
in the words its label repeats.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from anonymiser.records import Edit, TextUnit


def tidy_repeated_words(edits: Sequence[Edit], units: Sequence[TextUnit]) -> list[Edit]:
    """Labels that would repeat the words before them.

    An edit whose replacement begins with the words just before it takes those words in:
    "Child Grace" -> "Child G", not "Child Child G"; "the social worker Jane Hill" -> "the
    Social Worker 1". A name in apposition to the very words of its label goes, with its
    commas: "in the care of his mother's partner, Connor Brightwell, when" -> "... his
    mother's partner when", not "his mother's partner, Mother's partner, when". Only whole
    words, and never into the edit before; the role's shorthand goes too ("SW Gemma Kirkby"
    -> "Social Worker 1", not "SW Social Worker 1"). A bracketed label that fills a bracket of the
    text takes that bracket's place: "Tiana (aged 7)" -> "Person A (age)", not "((age))";
    and one that opens with its own article takes the text's: "(a specific issue)", not "a
    (a specific issue)". The label's role written after it, in brackets or commas, goes too:
    "Jane Hill (social worker) visited" -> "Social Worker 1 visited", not "Social Worker 1
    (social worker) visited".
    """
    by_uid = {u.uid: u for u in units}
    out: list[Edit] = []
    previous_end: dict[int, int] = {}
    ordered = sorted(edits, key=lambda e: (e.unit, e.start))
    for index, edit in enumerate(ordered):
        text = by_uid[edit.unit].text
        words = edit.replacement.split()
        before = text[previous_end.get(edit.unit, 0) : edit.start]
        if words and any(ch.isalpha() for ch in words[0]) and len(words[0]) > 2:
            edit = _without_repeat(edit, words, before, text)
            following = ordered[index + 1] if index + 1 < len(ordered) else None
            ceiling = following.start if following is not None and following.unit == edit.unit else len(text)
            edit = _without_role_after(edit, words, text[edit.end : ceiling])
        edit = _without_double_brackets(edit, text, previous_end.get(edit.unit, 0))
        previous_end[edit.unit] = edit.end
        out.append(edit)
    return out


def _without_repeat(edit: Edit, words: list[str], before: str, text: str) -> Edit:
    # Straight and curly apostrophes are the same letter ("mother's partner").
    whole = r"\s+".join(re.sub("['\u2019]", "['\u2019]", re.escape(w)) for w in words)
    apposition = re.search(rf"(?<![\w'\u2019-])(?i:{whole}),[ \t\u00a0]+$", before)
    if apposition is not None:
        comma = edit.start - len(before) + before.rindex(",", apposition.start())
        end = edit.end + 1 if text[edit.end : edit.end + 1] == "," else edit.end
        return Edit(edit.unit, comma, end, "")
    for count in range(len(words), 0, -1):
        lead = r"\s+".join(re.escape(w) for w in words[:count])
        match = re.search(rf"(?<![\w'\u2019-])(?i:{lead})[ \t\u00a0]+$", before)
        if match is not None:
            return Edit(edit.unit, edit.start - (len(before) - match.start()), edit.end, edit.replacement)
    # The role's shorthand before its label: "SW Social Worker 1", "HV Health Visitor 2".
    initials = "".join(w[0] for w in words if len(w) > 1 and w[:1].isalpha() and w[:1].isupper())
    if len(initials) >= 2:
        match = re.search(rf"(?<![\w'\u2019-]){initials}[ \t\u00a0]+$", before)
        if match is not None:
            return Edit(edit.unit, edit.start - (len(before) - match.start()), edit.end, edit.replacement)
    return edit


# A role label's code: "Social Worker 1", "Police Officer A".
_LABEL_CODE = re.compile(r"\d{1,2}|[A-Z]{1,2}")


def _without_role_after(edit: Edit, words: list[str], after: str) -> Edit:
    """The edit taking in the role its label names, written just after it in brackets or
    commas ("Jane Hill (social worker)", "Jane Hill, the social worker,"): only when they hold
    the label's words and nothing more, so "(social worker, Team 4)" stays."""
    role = words[:-1] if len(words) > 1 and _LABEL_CODE.fullmatch(words[-1]) else words
    whole = r"\s+".join(re.escape(w) for w in role)
    match = re.match(
        rf"[ \t\u00a0]*\((?i:(?:the|a|an)\s+)?(?i:{whole})\)|,[ \t\u00a0]+(?i:(?:the|a|an)\s+)?(?i:{whole})(?:,|(?=[.;:!?]|$))",
        after,
    )
    if match is None:
        return edit
    return Edit(edit.unit, edit.start, edit.end + match.end(), edit.replacement)


_ARTICLE_BEFORE = re.compile(r"(?<![\w'\u2019-])(?:a|an|A|An)[ \t\u00a0]+$")


def _without_double_brackets(edit: Edit, text: str, floor: int) -> Edit:
    """The edit and the brackets round it, when its replacement is itself in brackets and is
    all the text's bracket holds ("(aged 7)", "(DOB 3/4/15)" once the lead-in is kept is
    not: only "(" + the span + ")")."""
    label = edit.replacement
    if not (label.startswith("(") and label.endswith(")")) or edit.start - 1 < floor:
        return edit
    article = _ARTICLE_BEFORE.search(text, floor, edit.start)
    if article is not None and re.match(r"\((?:a|an)\s", label):
        # "a Staffordshire bull terrier" -> "(a specific issue)", not "a (a specific issue)";
        # a sentence's "A" keeps its capital.
        if article.group(0)[0].isupper():
            label = "(" + label[1].upper() + label[2:]
        return Edit(edit.unit, article.start(), edit.end, label)
    if text[edit.start - 1 : edit.start] == "(" and text[edit.end : edit.end + 1] == ")":
        return Edit(edit.unit, edit.start - 1, edit.end + 1, label)
    return edit
