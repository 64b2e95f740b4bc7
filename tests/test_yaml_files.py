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
