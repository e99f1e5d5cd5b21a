"""Train the sub-event classifier that ships as ``src/marsad/data/subevent_model.npz``.

    pip install -e '.[train]'          # scikit-learn, for training only
    python tools/train_classifier.py --shared ../shared

Training texts (the *train* splits of :mod:`marsad.evaluate_events`; dev and test rows are
never read here):

* ACLED coders' notes, train split: the first sentence of each note (the sentence that
  tells the event, as marsad's own sentence splitter cuts it), labelled with the note's most
  frequent sub_event_type.
* CASE 2021 Task 2, train split (ids divisible by 4): each snippet with its sub_event_type,
  or ``none`` for the non-ACLED classes (disasters, diplomacy, organised crime, attribution).

The script fits scikit-learn's ``TfidfVectorizer`` + ``LogisticRegression``, copies the
fitted parameters into :class:`marsad.classify.SubEventClassifier`, checks on the dev texts
that marsad's numpy re-implementation gives the same probabilities, prints dev accuracy and
writes the ``.npz``. Same data and versions give the same parameters.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import numpy as np

from marsad.classify import MODEL_FILE, NONE, SubEventClassifier, ngrams, tokens
from marsad.evaluate_events import CASE_LABELS, events_dir, load_acled_notes, load_case

ROOT = Path(__file__).resolve().parents[1]
C = 30.0  # inverse regularisation, chosen on the dev split (3, 10, 30 tried)
ANCHOR = date(2020, 1, 1)  # any date: only the sentence split is used


def analyzer(text: str) -> list[str]:
    return ngrams(tokens(text))


def split_sentences(texts: list[str]) -> list[list[str]]:
    """The sentences of each text, as marsad's pipeline splits them."""
    from marsad.clean import clean
    from marsad.ingest import make_article
    from marsad.nlp import load_model

    nlp = load_model()
    cleaned = [clean(make_article(t, origin="train", published=ANCHOR)).text for t in texts]
    return [[s.text for s in doc.sents] for doc in nlp.pipe(cleaned, batch_size=64)]


def texts_and_labels(
    events: Path, split: str, *, with_context: bool = True
) -> tuple[list[str], list[str]]:
    notes = load_acled_notes(events, split)
    labels = [Counter(r.sub_event_type for r in n.rows).most_common(1)[0][0] for n in notes]
    texts: list[str] = []
    extra: list[str] = []
    for sentences in split_sentences([n.text for n in notes]):
        texts.append(sentences[0] if sentences else "")
        extra.extend(s for s in sentences[1:] if len(s.split()) >= 4)
    if with_context:
        # The sentences after a note's first tell background and aftermath ("The victim had
        # been threatened before."): no new event. They teach the model what news prose
        # without an event looks like, so that it does not read every sentence as the most
        # common class.
        texts += extra
        labels += [NONE] * len(extra)
    for _ident, snippet, label in load_case(events, split):
        texts.append(snippet)
        labels.append(CASE_LABELS[label][1] if label in CASE_LABELS else NONE)
    return texts, labels


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "marsad" / "data" / MODEL_FILE)
    args = parser.parse_args(argv)
    try:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        print("error: scikit-learn is needed to train: pip install -e '.[train]'", file=sys.stderr)
        return 1
    events = events_dir(args.shared)
    x_train, y_train = texts_and_labels(events, "train")
    x_dev, y_dev = texts_and_labels(events, "dev", with_context=False)
    vec = TfidfVectorizer(analyzer=analyzer, min_df=2, sublinear_tf=True)
    features = vec.fit_transform(x_train)
    model = LogisticRegression(C=C, max_iter=5000).fit(features, y_train)
    vocabulary = [""] * len(vec.vocabulary_)
    for term, i in vec.vocabulary_.items():
        vocabulary[i] = term
    clf = SubEventClassifier(
        vocabulary, vec.idf_, model.coef_, model.intercept_, [str(c) for c in model.classes_]
    )
    reference = model.predict_proba(vec.transform(x_dev))
    ours = np.array([clf.probabilities(t) for t in x_dev])
    gap = float(np.abs(reference - ours).max())
    if gap > 1e-6:
        print(f"error: numpy re-implementation differs from scikit-learn by {gap}", file=sys.stderr)
        return 1
    predicted = [clf.classes[i] for i in ours.argmax(axis=1)]
    right = sum(p == g for p, g in zip(predicted, y_dev, strict=True))
    print(
        f"train {len(x_train)} texts, {len(vocabulary)} features, {len(clf.classes)} classes; "
        f"dev {len(x_dev)} texts: accuracy {right / len(x_dev):.3f} "
        f"(max probability gap to scikit-learn {gap:.1e})"
    )
    clf.save(args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
