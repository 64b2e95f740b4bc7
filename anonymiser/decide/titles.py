"""The titles of patterns/people.yml ("Ms", "DC", "District Judge") as the decide stage
looks for them: just before a name, opening a name's span, and shared by a couple.

A couple named once for both ("Mr and Mrs T.", "Dr and Mrs Price"): the first title stands
for the first person's whole name ("Mr" is Mr T.), so a policy that masks every mention of a
person (strict, ``couple_titles: mask``) masks it too, with the same label as the name it
shares. scr leaves it: the title alone names no one, and the shared label would read as one
person twice ("Mother and Mother"). When the draft names that person with the title on their
own ("Mr T. said ..."), the title takes their label under either policy ("Father and Mother").
"""

from __future__ import annotations

import re
from collections.abc import Sequence


class TitlePatterns:
    """One alternation of the titles, longest first, in the three places they are sought."""

    def __init__(self, titles: Sequence[str]) -> None:
        alternatives = "|".join(re.escape(t.rstrip(".")) for t in sorted(titles, key=len, reverse=True))
        title = rf"(?:{alternatives})\.?"
        # A collar number may follow a police rank ("PC 4471 Grainger"): it goes with the title.
        number = r"(?:\d{1,6}\s+)?"
        self._before = re.compile(rf"\b{title}\s+{number}$")
        # One or more titles opening a span ("District Judge", "Dr Prof").
        self.leading = re.compile(rf"(?:{title}\s+{number})+")
        # Case-sensitive: "mr and mrs" in running lower-case text is not a name.
        self._couple_before = re.compile(rf"\b(?P<title>{title})\s+(?:and|&)\s+$")

    def extend_over(self, text: str, start: int) -> int:
        """Where a name at ``start`` begins with the title just before it ("Ms " + "Marsh")."""
        match = self._before.search(text, max(0, start - 30), start)
        return match.start() if match else start

    def couple_title(self, text: str, start: int) -> tuple[int, int] | None:
        """The span of "Mr" in "Mr and Mrs T." when a name at ``start`` has a title that
        follows "Title and " (the title may be part of the name's span or just before it)."""
        if self.leading.match(text, start):
            title_start = start
        else:
            title_start = self.extend_over(text, start)
            if title_start == start:
                return None
        couple = self._couple_before.search(text, max(0, title_start - 40), title_start)
        if couple is None:
            return None
        return couple.start("title"), couple.end("title")
