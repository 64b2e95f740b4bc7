"""Size limits for untrusted input, in one place so that a batch can raise them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class InputLimits:
    # A 300-page draft is a few MB of text; these leave an order of magnitude of room while
    # refusing zip bombs and runaway files before they cost memory.
    max_file_bytes: int = 100 * 1024 * 1024
    max_uncompressed_bytes: int = 300 * 1024 * 1024
    max_part_bytes: int = 100 * 1024 * 1024
    max_parts: int = 2000
    max_compression_ratio: float = 200.0
