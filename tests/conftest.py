"""Shared fixtures: paths to ../shared (read, never copied) and one loaded spaCy model."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "examples" / "seed-article.txt"
SEED_GOLD = SHARED / "examples" / "seed-article.gold.json"
DEMO = ROOT / "examples" / "demo"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip("../shared/examples/seed-article.txt is not here")
    return SEED


@pytest.fixture(scope="session")
def seed_gold_path() -> Path:
    if not SEED_GOLD.exists():
        pytest.skip("../shared/examples/seed-article.gold.json is not here")
    return SEED_GOLD
