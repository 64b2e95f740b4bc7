"""Reading the YAML files a consultant edits: one parser, one kind of error.

libyaml's C parser is used when PyYAML was built with it (the wheels are): parsing the
patterns folder with the pure-Python parser was a fifth of a second of every start, and of
every batch before its workers fork. Both read YAML 1.1 the same way.
"""

from __future__ import annotations

from typing import Any

import yaml

from anonymiser.errors import ConfigError

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str, where: str) -> Any:
    """``text`` parsed; a ConfigError naming ``where`` and the line if it is not valid YAML."""
    try:
        return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader, C or Python
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" at line {mark.line + 1}" if mark is not None else ""
        raise ConfigError(f"{where}: not valid YAML{line}; check indentation and quotes") from None
