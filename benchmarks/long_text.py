"""How the pipeline's time grows with the length of one text that has no full stops.

A scraped page with no stops (a list, a run of words) is the worst case for the stages after
the parse, which read a sentence's tokens against each other. The text is generated here, not
read from anywhere: words of conflict reporting in a fixed random order (seed 1), with no
punctuation, at several lengths. Prints the seconds for each length (the median of
``--repeat`` runs, models and gazetteer loaded once beforehand) and the seconds per KB, which
should stay about flat if the cost is linear in the text's length.

    .venv/bin/python benchmarks/long_text.py [--sizes 10,20,40,80] [--repeat 1]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from datetime import date

from marsad.ingest import make_article
from marsad.pipeline import process

WORDS = [
    "fighters",
    "shelled",
    "the",
    "town",
    "near",
    "Aleppo",
    "while",
    "Houthi",
    "forces",
    "clashed",
    "with",
    "troops",
    "in",
    "Marib",
    "and",
    "residents",
    "fled",
    "toward",
    "Hama",
]


def text_of(kb: int) -> str:
    rng = random.Random(1)
    words: list[str] = []
    size = 0
    while size < kb * 1000:
        w = rng.choice(WORDS)
        words.append(w)
        size += len(w) + 1
    return " ".join(words)


def run_once(text: str) -> tuple[float, int]:
    article = make_article(text, origin="long", published=date(2020, 5, 1))
    t0 = time.perf_counter()
    results = list(process([article]))
    return time.perf_counter() - t0, len(results[0].document.sentences)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10,20,40,80", help="text sizes in KB, comma-separated")
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    run_once(text_of(1))  # load the model and the gazetteer
    print(f"{'KB':>5} {'sentences':>10} {'seconds':>9} {'s per KB':>9}")
    for kb in (int(s) for s in args.sizes.split(",")):
        text = text_of(kb)
        runs = [run_once(text) for _ in range(args.repeat)]
        secs = statistics.median(r[0] for r in runs)
        print(f"{kb:>5} {runs[0][1]:>10} {secs:>9.1f} {secs / kb:>9.2f}")


if __name__ == "__main__":
    main()
