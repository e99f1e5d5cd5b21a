"""Event-harness benchmark: notes/s through the whole pipeline on ACLED dev notes.

Reads ../shared/data/events (never copied). Prints, as the median of several runs, the
notes/s of :func:`marsad.evaluate_events.run_pipeline` (spaCy parse + every marsad stage),
with the model already loaded.

    python benchmarks/events.py [--notes 500] [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--notes", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from marsad.evaluate_events import events_dir, load_acled_notes, run_pipeline
    from marsad.nlp import load_model

    try:
        notes = load_acled_notes(events_dir(SHARED), "dev")[: args.notes]
    except FileNotFoundError as exc:
        print(exc, file=sys.stderr)
        return 1
    t0 = time.perf_counter()
    load_model()
    print(f"model load: {time.perf_counter() - t0:.2f} s")
    items = [(n.id, n.text, n.published) for n in notes]
    rates = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        n_events = sum(len(events) for _, events in run_pipeline(items, every=0))
        rates.append(len(items) / (time.perf_counter() - t0))
    print(f"{len(items)} ACLED dev notes, {n_events} events")
    print(f"notes/s (median of {args.runs}): {statistics.median(rates):.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
