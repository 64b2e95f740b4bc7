"""The command line, one module per area; importing them registers their commands on ``app``."""

from __future__ import annotations

from anonymiser.cli import appendix, batch, case, evaluate, redact, review  # noqa: F401  (registration)
from anonymiser.cli._app import app

__all__ = ["app"]
