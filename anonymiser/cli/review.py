"""Commands for this area are registered here (see anonymiser/cli/__init__.py)."""

from __future__ import annotations
