"""Names from the communities a UK review meets, and the forms a draft writes them in, from a
red-team pass with fictional passages (no case file): each name must be gone from the output.
Each case published the name (or a part of it) before its fix."""

from __future__ import annotations

import re

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.decide.handmade import redacted


def published(out: str, name: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", out) is not None


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # Apostrophes typed as a backtick or an opening quote are still the name's apostrophe.
        ("Rohan D`Souza's statement was not taken. Ms Anne D'Souza was his mother.", ["D`Souza", "Souza"]),
        ("Ms Siobhan O'Sullivan refused. O`Sullivan (typed so in the log) left.", ["O`Sullivan", "Sullivan"]),
        ("Mr Kieran O\u2018Dowd was seen on the ward.", ["Dowd", "O\u2018Dowd"]),
        # Accented and unaccented spellings of a listed first name are the same name.
        ("The cousin, Se\u00e1n, visited often and Se\u00e1n stayed over.", ["Se\u00e1n"]),
        ("Zo\u00eb said that she was scared.", ["Zo\u00eb"]),
        ("Ms Wisniewska told the health visitor that Lukasz had hit her.", ["Lukasz"]),
        # Religious titles before a name the model and the lists do not know.
        ("Pastor Femi Adebayo of the family's church told the review that she was kind.", ["Femi", "Adebayo"]),
        ("The family's Imam, Imam Abdirahman Yusuf Jama, spoke to the review.", ["Abdirahman", "Jama"]),
        ("Rabbi Menachem Goldfarb had known the family for years.", ["Menachem", "Goldfarb"]),
        # Gaelic surnames with particles and the lenited or eclipsed forms after them.
        ("Se\u00e1n Mac an tSaoi, the mother's cousin, visited often.", ["tSaoi", "Mac an tSaoi"]),
        ("Mhairi Nic a' Phearsain, the named nurse, gave advice.", ["Phearsain"]),
        ("Her father, Colm \u00d3 hUiginn, lives in Galway.", ["hUiginn"]),
        # A nickname in quotes inside the full name, and then alone.
        ('The grandfather, Patrick "Paddy" McDonagh, lives nearby. Paddy\'s nephew was there.', ["Paddy"]),
        ("Her partner, Anthony \u201cTony\u201d Brannock, was not seen. Tony later left.", ["Tony"]),
        # A double-barrelled name broken at its hyphen by a line end.
        ("The nurse, Chlo\u00e9 Dubois-\nMarchand, saw a bruise on the child's arm.", ["Marchand"]),
        ("Maria Fernandes-Lopez was not asked. Later Senhora Fernandes-\nLopez agreed.", ["Lopez"]),
        # Names the lists lacked (Welsh, Scottish Gaelic, Yoruba, Somali, Polish short forms).
        ("Dafydd was seen by the GP on the same day.", ["Dafydd"]),
        ("Olumide, the partner's brother, sometimes stayed.", ["Olumide"]),
        ("Ifrah told her teacher that she was hungry.", ["Ifrah"]),
        ("Zuzia, as the family call her, told her teacher that he shouted.", ["Zuzia"]),
    ],
)
def test_names_of_many_communities_are_not_published(
    settings: Settings, detector: Detector, text: str, names: list[str]
) -> None:
    # Numbered as a draft's paragraphs are: the model reads a sentence differently after one.
    out = redacted(f"4.2 {text}", settings, detector)
    assert not [n for n in names if published(out, n)], out
