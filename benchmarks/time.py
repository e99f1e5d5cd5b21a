"""Speed of the time stage: date expressions resolved per second, and find_dates per doc.

* ``cold``: a few thousand distinct expressions (each phrase with its own publication date),
  with the resolver's cache cleared first, so every one goes through the rules;
* ``warm``: the same expressions again, as a long run over many articles sees them;
* ``find_dates``: candidate search plus resolution over parsed docs (the reference article
  if ../shared/examples has it, and a few synthetic paragraphs); spaCy parsing is not timed.

Prints the median of ``--repeat`` runs.

    .venv/bin/python benchmarks/time.py [--expressions 3000] [--repeat 5]
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this file's folder comes first on sys.path and its name shadows the
# standard library's ``time``: drop that folder before importing anything else.
_HERE = str(Path(__file__).resolve().parent)
sys.path[:] = [p for p in sys.path if str(Path(p or ".").resolve()) != _HERE]

import argparse  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
from datetime import date, timedelta  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from marsad import time as timex  # noqa: E402

ARTICLE = ROOT.parent / "shared" / "examples" / "seed-article.txt"
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
TEMPLATES = [
    "today",
    "yesterday",
    "on {wd}",
    "last {wd}",
    "last week",
    "this month",
    "earlier this month",
    "last {month}",
    "early {month}",
    "mid-{month}",
    "late {month} {year}",
    "{day} {month} {year}",
    "{month} {day}, {year}",
    "on {day} {month}",
    "{month} {year}",
    "in {year}",
    "{n} years ago",
    "{n} days ago",
    "in recent weeks",
    "the past {n} weeks",
    "for over {n} years now",
    "since early {month}",
    "between {day} and {day2} {month}",
    "from {month} to {month2}",
    "the end of {month}",
    "the same month",
    "Tu-{n}",
    "{n} killed",
]
SYNTHETIC = (
    "Rebels took the town on 3 March 2015 after a week of fighting. Government forces struck "
    "back the following day, and by mid-April they had retaken it.\n\n"
    "Last Tuesday at least 12 people were killed when Tu-22 bombers struck the market, "
    "officials said on Wednesday. The offensive, which began in early November, has displaced "
    "100,000 people in recent weeks. For over two years now the siege has cut the city off.\n\n"
    "Between 3 and 5 March 2016 talks stalled; from November to January no aid arrived. "
    "The same month a truce was signed, two years ago, and it held until late 2016."
)


def expressions(n: int, seed: int = 7) -> list[tuple[str, date]]:
    rng = random.Random(seed)
    out: list[tuple[str, date]] = []
    for _ in range(n):
        published = date(2010, 1, 1) + timedelta(days=rng.randrange(4000))
        text = rng.choice(TEMPLATES).format(
            wd=rng.choice(["Monday", "Tuesday", "Sunday", "Friday"]),
            month=rng.choice(MONTHS),
            month2=rng.choice(MONTHS),
            year=rng.randrange(1990, 2020),
            day=rng.randrange(1, 15),
            day2=rng.randrange(15, 29),
            n=rng.randrange(2, 30),
        )
        out.append((text, published))
    return out


def run_resolve(items: list[tuple[str, date]], *, cold: bool) -> float:
    if cold:
        timex._resolve_cached.cache_clear()
    start = time.perf_counter()
    for text, published in items:
        timex.resolve_expression(text, published, last_month=(published.year, published.month))
    return len(items) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--expressions", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    items = expressions(args.expressions)
    timex.resolve_expression("4 February 2017 10:30 GMT", date(2017, 2, 4))  # dateparser import
    cold = [run_resolve(items, cold=True) for _ in range(args.repeat)]
    warm = [run_resolve(items, cold=False) for _ in range(args.repeat)]
    print(f"resolve_expression, cold cache: {statistics.median(cold):,.0f} expressions/s")
    print(f"resolve_expression, warm cache: {statistics.median(warm):,.0f} expressions/s")

    from marsad.nlp import load_model

    nlp = load_model()
    texts = [SYNTHETIC]
    if ARTICLE.exists():
        texts.append(ARTICLE.read_text(encoding="utf-8"))
    docs = list(nlp.pipe(texts))
    published = date(2017, 2, 4)
    rates: list[float] = []
    found = 0
    for _ in range(args.repeat):
        timex._resolve_cached.cache_clear()
        start = time.perf_counter()
        found = sum(len(timex.find_dates(doc, published)) for doc in docs)
        elapsed = time.perf_counter() - start
        rates.append(found / elapsed)
        docs_per_s = len(docs) / elapsed
    print(
        f"find_dates (cold cache): {statistics.median(rates):,.0f} expressions/s "
        f"({found} expressions in {len(docs)} docs; last run {docs_per_s:,.0f} docs/s)"
    )


if __name__ == "__main__":
    main()
