"""One YAML reader for every file in patterns/ and the case file."""

from __future__ import annotations

import pytest
import yaml

from anonymiser.errors import ConfigError
from anonymiser.settings import default_patterns_dir
from anonymiser.yaml_files import parse_yaml


def test_every_patterns_file_reads_as_the_python_parser_reads_it() -> None:
    # The C parser (libyaml) is used for speed; it must not read any of our files differently.
    files = sorted(default_patterns_dir().rglob("*.yml"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert parse_yaml(text, str(path)) == yaml.load(text, Loader=yaml.SafeLoader), path


def test_not_yaml_names_the_file_and_line() -> None:
    with pytest.raises(ConfigError, match=r"case\.yml: not valid YAML at line \d"):
        parse_yaml("people:\n  - [unclosed\n", "case.yml")


def test_no_python_objects() -> None:
    with pytest.raises(ConfigError):
        parse_yaml("!!python/object/apply:os.system ['echo no']", "evil.yml")


@pytest.mark.parametrize(
    ("text", "key", "line"),
    [
        # A pattern given two regex lines (a hand edit or a merge): the second replaced the first.
        ("- name: employer_name\n  patterns:\n    - name: x\n      regex: a\n      regex: b\n", "regex", 5),
        ("people:\n  - name: Kian Marsh\n    role: child\n    name: Kian M\n", "name", 4),
        ("keep: [a]\nredact: [b]\nkeep: [c]\n", "keep", 3),
    ],
)
def test_a_key_given_twice_is_refused(text: str, key: str, line: int) -> None:
    with pytest.raises(ConfigError, match=rf"case\.yml: the key '{key}' appears twice in one mapping \(line {line}\)"):
        parse_yaml(text, "case.yml")


def test_merge_keys_may_still_be_overridden() -> None:
    assert parse_yaml("base: &b {x: 1, y: 2}\nd:\n  <<: *b\n  x: 3\n", "m.yml")["d"] == {"x": 3, "y": 2}
