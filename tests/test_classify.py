"""The sub-event classifier: the numpy re-implementation, persistence, the shipped model on
hand-written sentences, and its use by the events stage."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.classify import (
    METHOD,
    NONE,
    SubEventClassifier,
    default_classifier,
    ngrams,
    tokens,
)
from marsad.records import EVENT_TYPE_OF


def _toy() -> SubEventClassifier:
    vocabulary = ["attack", "protest", "the attack", "the"]
    idf = np.array([1.5, 1.2, 2.0, 1.0])
    coef = np.array([[2.0, -1.0, 1.0, 0.0], [-1.0, 2.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.5]])
    return SubEventClassifier(vocabulary, idf, coef, np.array([0.1, 0.2, 0.3]), ["A", "P", NONE])


def test_tokens_and_ngrams_follow_scikit_learn_defaults() -> None:
    assert tokens("The IS attack on 3 May, a 2nd wave!") == [
        "the",
        "is",
        "attack",
        "on",
        "2nd",
        "wave",
    ]
    assert ngrams(["a", "b", "c"]) == ["a", "b", "c", "a b", "b c"]


def test_probabilities_are_tfidf_then_softmax() -> None:
    clf = _toy()
    # "the attack the": the x2, attack x1, "the attack" x1, "attack the" unknown
    tf = {3: 1 + math.log(2), 0: 1.0, 2: 1.0}
    values = {i: t * clf.idf[i] for i, t in tf.items()}
    norm = math.sqrt(sum(v * v for v in values.values()))
    scores = [
        clf.intercept[k] + sum(clf.coef[k, i] * v / norm for i, v in values.items())
        for k in range(3)
    ]
    expected = np.exp(scores) / np.exp(scores).sum()
    assert np.allclose(clf.probabilities("The attack the"), expected)
    pred = clf.predict("The attack the")
    assert pred.label == "A" and pred.cue == "attack"
    assert pred.runner_up in {"P", NONE} and pred.probability >= pred.runner_up_probability


def test_unknown_words_give_the_intercepts_softmax() -> None:
    clf = _toy()
    p = clf.probabilities("zzz qqq")
    assert np.allclose(p, np.exp(clf.intercept) / np.exp(clf.intercept).sum())


def test_save_and_load_round_trip_without_pickle(tmp_path: Path) -> None:
    clf = _toy()
    path = tmp_path / "model.npz"
    clf.save(path)
    again = SubEventClassifier.load(path)
    assert again.classes == clf.classes and again.index == clf.index
    assert np.allclose(again.probabilities("the attack"), clf.probabilities("the attack"))


def test_arrays_must_agree() -> None:
    with pytest.raises(ValueError):
        SubEventClassifier(["a"], np.ones(2), np.ones((1, 1)), np.ones(1), ["A"])


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_shipped_model_reads_any_text(text: str) -> None:
    clf = default_classifier()
    p = clf.probabilities(text)
    assert p.shape == (len(clf.classes),) and abs(float(p.sum()) - 1.0) < 1e-9
    pred = clf.predict(text)
    assert pred.label in clf.classes
    assert pred.cue is None or pred.cue in tokens(text)


def test_shipped_model_classes_are_acled_sub_event_types() -> None:
    classes = set(default_classifier().classes)
    assert NONE in classes
    assert classes - {NONE} <= set(EVENT_TYPE_OF)
    assert len(classes) >= 20


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        (
            "Hundreds of teachers protested outside the education ministry to demand unpaid "
            "salaries.",
            "Peaceful protest",
        ),
        (
            "Government forces shelled the village with heavy artillery and mortars.",
            "Shelling/artillery/missile attack",
        ),
        ("Soldiers and rebel fighters exchanged fire near the border post.", "Armed clash"),
        ("The weather office said the rain would continue into next week.", NONE),
    ],
)
def test_shipped_model_on_plain_sentences(sentence: str, label: str) -> None:
    assert default_classifier().predict(sentence).label == label


def test_events_stage_uses_the_model_where_no_trigger_word_is() -> None:
    from marsad.ingest import make_article
    from marsad.pipeline import process

    text = (
        "On 28 April 2020, the police forces beat up a businesswoman in Monrovia, because "
        "she was not wearing a face mask."
    )
    (result,) = list(process([make_article(text, origin="t", published=date(2020, 5, 10))]))
    (event,) = result.events
    assert event.event_type == "Violence against civilians"
    assert event.location == "Monrovia"
    methods = {e.method for e in event.evidence if e.field == "event_type"}
    assert methods == {METHOD}
    assert event.actor1 and event.actor1.startswith("Police Forces of Liberia")


def test_the_model_does_not_revive_a_hypothetical() -> None:
    from marsad.ingest import make_article
    from marsad.pipeline import process

    text = "If the militants manage to seize Tabqa, they could use it as a launchpad."
    (result,) = list(process([make_article(text, origin="t", published=date(2017, 2, 4))]))
    assert result.events == []
