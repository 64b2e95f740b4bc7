"""No class or module of the package defines the same name twice: the later definition
silently replaces the earlier. Two settings named ``subject_verb_after`` made the reported-
name rule read the wrong word list, and "mum said darren left" published "darren"."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "anonymiser"


def _redefined(body: list[ast.stmt]) -> list[str]:
    seen: set[str] = set()
    twice = []
    for node in body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            # A property's setter or an overload names the same function on purpose.
            decorators = {ast.unparse(d) for d in getattr(node, "decorator_list", [])}
            if any(d.endswith(".setter") or d.endswith("overload") for d in decorators):
                continue
            if node.name in seen:
                twice.append(node.name)
            seen.add(node.name)
    return twice


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_name_is_defined_twice(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = [f"module: {n}" for n in _redefined(tree.body)]
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            found += [f"{node.name}.{n}" for n in _redefined(node.body)]
    assert not found, f"{path}: defined twice: {found}"
