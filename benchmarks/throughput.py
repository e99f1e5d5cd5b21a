"""Throughput of the whole marsad pipeline next to a bare spaCy ``nlp.pipe`` on the same texts.

Reads a few hundred real news articles from the geoparsing corpora in ../shared/data/geoparse
(LGL and TR-News; read in place, never copied) and runs, each in a fresh process so that
peak memory is its own:

* ``bare``: ``nlp.pipe`` over the cleaned texts (the floor: what spaCy alone costs);
* ``marsad``: clean -> nlp -> time / places / actors -> events -> merge, as ``marsad.extract``
  does it, article by article through :func:`marsad.pipeline.process`.

Prints articles/s, words/s and peak RSS for each (the median of ``--repeat`` timed runs; the
gazetteer and model loads are timed separately), and the ratio, which is the overhead of
marsad's own stages.

    .venv/bin/python benchmarks/throughput.py [--articles 300] [--repeat 3]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GEOPARSE = ROOT.parent / "shared" / "data" / "geoparse"


def load_texts(n: int) -> list[str]:
    texts: list[str] = []
    for rel in ("lgl/lgl.xml", "tr-news/TR-News.xml"):
        path = GEOPARSE / rel
        if not path.exists():
            continue
        for article in ET.parse(path).getroot():
            node = article.find("text")
            if node is not None and node.text and len(node.text.split()) >= 30:
                texts.append(node.text)
    if not texts:
        sys.exit(f"no corpus under {GEOPARSE}: this benchmark reads ../shared/data/geoparse")
    return texts[:n]


def _bare(texts: list[str], repeat: int, queue: mp.Queue) -> None:  # type: ignore[type-arg]
    from marsad.clean import clean
    from marsad.ingest import make_article
    from marsad.nlp import load_model

    t0 = time.perf_counter()
    nlp = load_model()
    load_s = time.perf_counter() - t0
    docs = [clean(make_article(t, origin="bench", published=date(2020, 1, 1))).text for t in texts]
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _doc in nlp.pipe(docs, batch_size=16):
            pass
        runs.append(time.perf_counter() - t0)
    queue.put((load_s, runs, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))


def _marsad(texts: list[str], repeat: int, queue: mp.Queue) -> None:  # type: ignore[type-arg]
    from marsad.ingest import make_article
    from marsad.nlp import load_model
    from marsad.pipeline import ArticleResult, process
    from marsad.places import Gazetteer

    t0 = time.perf_counter()
    load_model()
    Gazetteer.load()
    load_s = time.perf_counter() - t0
    articles = [
        make_article(t, origin=f"bench:{i}", published=date(2020, 1, 1))
        for i, t in enumerate(texts)
    ]
    runs = []
    n_events = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        n_events = sum(len(r.events) for r in process(articles) if isinstance(r, ArticleResult))
        runs.append(time.perf_counter() - t0)
    queue.put((load_s, runs, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, n_events))


def _run(target: object, texts: list[str], repeat: int) -> tuple:  # type: ignore[type-arg]
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=target, args=(texts, repeat, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = load_texts(args.articles)
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} articles, {words} words (LGL + TR-News), {args.repeat} runs each")
    bare_load, bare_runs, bare_rss = _run(_bare, texts, args.repeat)
    m_load, m_runs, m_rss, n_events = _run(_marsad, texts, args.repeat)
    b, m = statistics.median(bare_runs), statistics.median(m_runs)
    print(f"{'':8s} {'articles/s':>11s} {'words/s':>9s} {'peak RSS MB':>12s} {'load s':>7s}")
    for name, secs, rss, load in (
        ("nlp.pipe", b, bare_rss, bare_load),
        ("marsad", m, m_rss, m_load),
    ):
        print(
            f"{name:8s} {len(texts) / secs:11.1f} {words / secs:9.0f} "
            f"{rss / 1024:12.0f} {load:7.2f}"
        )
    print(f"overhead of marsad's own stages: x{m / b:.2f} the time of nlp.pipe alone")
    print(f"events found: {n_events}")


if __name__ == "__main__":
    main()
