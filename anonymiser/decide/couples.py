"""A couple named once for both: "Mr and Mrs T.", "Dr and Mrs Price".

The first title stands for the first person's whole name ("Mr" is Mr T.), so a policy that
masks every mention of a person (strict) masks it too, with the same label as the name it
shares. scr leaves it: the title alone names no one, and the shared label would read as one
person twice ("Mother and Mother").
"""

from __future__ import annotations

import re
from collections.abc import Sequence


class CoupleTitles:
    """Finds the leading title of a couple before a titled name."""

    def __init__(self, titles: Sequence[str]) -> None:
        alternatives = "|".join(re.escape(t.rstrip(".")) for t in sorted(titles, key=len, reverse=True))
        title = rf"(?:{alternatives})\.?"
        self._starts_with_title = re.compile(rf"{title}\s+")
        self._title_before = re.compile(rf"\b{title}\s+$")
        # Case-sensitive: "mr and mrs" in running lower-case text is not a name.
        self._couple_before = re.compile(rf"\b(?P<title>{title})\s+(?:and|&)\s+$")

    def leading_title(self, text: str, start: int) -> tuple[int, int] | None:
        """The span of "Mr" in "Mr and Mrs T." when a name at ``start`` has a title that
        follows "Title and " (the title may be part of the name's span or just before it)."""
        if self._starts_with_title.match(text, start):
            title_start = start
        else:
            before = self._title_before.search(text, max(0, start - 30), start)
            if before is None:
                return None
            title_start = before.start()
        couple = self._couple_before.search(text, max(0, title_start - 40), title_start)
        if couple is None:
            return None
        return couple.start("title"), couple.end("title")
