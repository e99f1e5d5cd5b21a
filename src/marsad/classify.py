"""A small statistical sub-event classifier: one sentence in, ACLED sub_event_type out.

The trigger lexicon in :mod:`marsad.events` finds the events it has words for; ACLED's coders
use many more ("fired IFVs at the positions of", "beat up", "held a sit-in"). This module is a
TF-IDF + multinomial logistic-regression model over word unigrams and bigrams, trained by
``tools/train_classifier.py`` on the *train* splits of the ACLED coders' notes and CASE 2021
Task 2 (see :mod:`marsad.evaluate_events` for the splits; the test splits are never used).
Its classes are ACLED's sub_event_types plus ``none`` (CASE's non-ACLED snippets:
disasters, diplomacy, organised crime).

The model ships as a plain ``.npz`` file (vocabulary, idf, coefficients, intercepts): no
pickle, so it loads with any numpy and scikit-learn is needed only to train it. The feature
extraction below reproduces scikit-learn's ``TfidfVectorizer(ngram_range=(1, 2),
sublinear_tf=True)`` exactly; the training script checks that both give the same
probabilities before it writes the file.

Only the model's parameters ship: the vocabulary is the set of words and word pairs seen in
at least two training texts, from which no training text can be rebuilt.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np

NONE = "none"
MODEL_FILE = "subevent_model.npz"
METHOD = "model:subevent-lr"
TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token_pattern
# Dates say when, not what: ACLED notes all open with one ("On 3 May 2020, ..."), so a model
# that saw them would learn that a sentence without a date tells no event.
_DATE_WORDS = """january february march april may june july august september october november
december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday
friday saturday sunday"""
DATE_WORDS = frozenset(_DATE_WORDS.split())


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens as scikit-learn's default pattern splits them, without
    numbers and month or day names."""
    return [t for t in TOKEN.findall(text.lower()) if not t.isdigit() and t not in DATE_WORDS]


def ngrams(words: list[str]) -> list[str]:
    """Unigrams then bigrams ("w1 w2")."""
    return words + [f"{a} {b}" for a, b in pairwise(words)]


@dataclass(frozen=True, slots=True)
class Prediction:
    """The classifier's reading of one text."""

    label: str  # an ACLED sub_event_type, or "none"
    probability: float
    runner_up: str
    runner_up_probability: float
    cue: str | None  # the word that pushed most towards ``label`` (None for "none")

    @property
    def is_event(self) -> bool:
        return self.label != NONE


class SubEventClassifier:
    """Linear model over TF-IDF features; ``predict`` takes raw sentence texts."""

    def __init__(
        self,
        vocabulary: list[str],
        idf: np.ndarray,
        coef: np.ndarray,
        intercept: np.ndarray,
        classes: list[str],
    ) -> None:
        if coef.shape != (len(classes), len(vocabulary)) or idf.shape != (len(vocabulary),):
            raise ValueError("classifier arrays do not agree in shape")
        self.index = {term: i for i, term in enumerate(vocabulary)}
        self.idf = idf.astype(np.float64)
        self.coef = coef.astype(np.float64)
        self.intercept = intercept.astype(np.float64)
        self.classes = list(classes)

    # -- persistence ----------------------------------------------------------------------

    def save(self, path: Path) -> None:
        vocabulary = [""] * len(self.index)
        for term, i in self.index.items():
            vocabulary[i] = term
        np.savez_compressed(
            path,
            vocabulary=np.frombuffer("\n".join(vocabulary).encode("utf-8"), dtype=np.uint8),
            classes=np.frombuffer("\n".join(self.classes).encode("utf-8"), dtype=np.uint8),
            idf=self.idf.astype(np.float32),
            coef=self.coef.astype(np.float32),
            intercept=self.intercept.astype(np.float32),
        )

    @classmethod
    def load(cls, path: Path | Any) -> SubEventClassifier:
        with np.load(path, allow_pickle=False) as data:
            vocabulary = bytes(data["vocabulary"]).decode("utf-8").split("\n")
            classes = bytes(data["classes"]).decode("utf-8").split("\n")
            return cls(vocabulary, data["idf"], data["coef"], data["intercept"], classes)

    # -- features -------------------------------------------------------------------------

    def features(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(column indices, l2-normalised tf-idf values) of one text's known n-grams."""
        counts = Counter(t for t in ngrams(tokens(text)) if t in self.index)
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        cols = np.fromiter((self.index[t] for t in counts), dtype=np.int64, count=len(counts))
        tf = np.fromiter((1.0 + math.log(c) for c in counts.values()), dtype=np.float64)
        values = tf * self.idf[cols]
        norm = float(np.sqrt((values**2).sum()))
        return cols, values / norm if norm else values

    def probabilities(self, text: str) -> np.ndarray:
        cols, values = self.features(text)
        scores = self.intercept + self.coef[:, cols] @ values
        scores = scores - scores.max()
        exp = np.exp(scores)
        return exp / exp.sum()

    def weight(self, word: str, label: str) -> float:
        """How far one occurrence of ``word`` pushes towards ``label`` (coefficient x idf);
        0 for an unknown word or label."""
        i = self.index.get(word)
        if i is None or label not in self.classes:
            return 0.0
        return float(self.coef[self.classes.index(label), i] * self.idf[i])

    def cue(self, text: str, label: str) -> str | None:
        """The single word whose features push ``text`` most towards ``label``."""
        if label not in self.classes:
            return None
        best, best_score = None, 0.0
        for word in dict.fromkeys(tokens(text)):
            score = self.weight(word, label)
            if score > best_score:
                best, best_score = word, score
        return best

    def predict(self, text: str) -> Prediction:
        probs = self.probabilities(text)
        order = np.argsort(-probs)
        label, second = self.classes[order[0]], self.classes[order[1]]
        return Prediction(
            label=label,
            probability=float(probs[order[0]]),
            runner_up=second,
            runner_up_probability=float(probs[order[1]]),
            cue=None if label == NONE else self.cue(text, label),
        )


@lru_cache(maxsize=1)
def default_classifier() -> SubEventClassifier:
    """The model shipped in the package (``marsad/data/subevent_model.npz``)."""
    with resources.as_file(resources.files("marsad") / "data" / MODEL_FILE) as path:
        return SubEventClassifier.load(path)
