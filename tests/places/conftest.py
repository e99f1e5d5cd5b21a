"""Fixtures for the places tests: the gazetteer and the spaCy model, loaded once."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def gaz():
    from marsad.places import Gazetteer

    return Gazetteer.load()


@pytest.fixture(scope="session")
def nlp():
    from marsad.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def places_of(nlp, gaz):
    from marsad.places import find_places

    def run(text: str):
        return find_places(nlp(text), gazetteer=gaz)

    return run
