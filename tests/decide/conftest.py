"""Shared fixtures for the decide tests: the two policies' settings (whole-document scope)."""

from __future__ import annotations

import pytest

from anonymiser.settings import Settings, load_settings


@pytest.fixture(scope="session")
def strict() -> Settings:
    return load_settings(policy="strict", scope="full")


@pytest.fixture(scope="session")
def scr() -> Settings:
    return load_settings(policy="scr", scope="full")
