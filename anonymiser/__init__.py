"""anonymiser: prepare UK child-safeguarding reviews for publication.

Reads SCR/IMR drafts (.docx, .txt, .md), detects names, dates, places, identifiers and rare
case features, writes the anonymised findings-only document, verifies that nothing redacted
survives, and writes a review log for the consultant and the Board chair.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
