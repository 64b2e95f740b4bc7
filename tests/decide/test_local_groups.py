"""A local group called by its name ("the Unity group", "the Phoenix youth club") places the
family as a children's centre does: published reviews name it generically. A national
programme on the keep list ("the Freedom Programme") is kept, and so are the groups of
practice ("the core group"). Every name is invented.
"""

from __future__ import annotations

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.decide.handmade import redacted


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Mother attended the Unity group at Unity Hall.", "Mother attended the (organisation) at (place)."),
        ("Mother took Jayden to the Phoenix youth club on Fridays.", "Mother took Person A to the (organisation) on Fridays."),
        ("She joined the Sunflower Parents group.", "She joined the (organisation)."),
        ("Mother attended the Freedom Programme at Unity Hall.", "Mother attended the Freedom Programme at (place)."),
        ("The core group met on Monday.", "The core group met on Monday."),
        ("The Core Group met on Monday.", "The Core Group met on Monday."),
        ("A parenting group was offered.", "A parenting group was offered."),
        ("The Steering Group agreed the terms of reference.", "The Steering Group agreed the terms of reference."),
    ],
)
def test_a_local_group_is_named_generically(text: str, published: str, settings: Settings, detector: Detector) -> None:
    assert redacted(text, settings, detector) == published
