"""Reading the YAML files a consultant edits: one parser, one kind of error.

libyaml's C parser is used when PyYAML was built with it (the wheels are): parsing the
patterns folder with the pure-Python parser was a fifth of a second of every start, and of
every batch before its workers fork. Both read YAML 1.1 the same way.
"""

from __future__ import annotations

from typing import Any

import yaml

from anonymiser.errors import ConfigError

_BASE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _DuplicateKey(yaml.YAMLError):
    def __init__(self, key: object, line: int) -> None:
        super().__init__(f"the key {key!r} appears twice in one mapping (line {line})")
        self.key, self.line = key, line


class _Loader(_BASE_LOADER):  # type: ignore[misc, valid-type]
    """The safe loader, refusing a key given twice in one mapping. YAML lets the second
    silently replace the first: a pattern given two ``regex:`` lines (a slip of hand editing
    or of a merge) ran only the second, and the first's words were published."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[object] = set()
        for key_node, _value in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue  # "<<": a merged mapping's keys may be overridden, as YAML intends
            key = self.construct_object(key_node, deep=deep)
            try:
                if key in seen:
                    raise _DuplicateKey(key, key_node.start_mark.line + 1)
                seen.add(key)
            except TypeError:
                continue  # an unhashable key fails in the base constructor, with its message
        return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]


def parse_yaml(text: str, where: str) -> Any:
    """``text`` parsed; a ConfigError naming ``where`` and the line if it is not valid YAML or
    a mapping gives a key twice."""
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader, C or Python
    except _DuplicateKey as exc:
        raise ConfigError(f"{where}: {exc}; the second would silently replace the first") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" at line {mark.line + 1}" if mark is not None else ""
        raise ConfigError(f"{where}: not valid YAML{line}; check indentation and quotes") from None
