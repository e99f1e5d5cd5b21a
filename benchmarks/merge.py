"""Merging speed: 100k synthetic event mentions through :func:`marsad.merge.merge_mentions`.

The mentions imitate a multi-source feed: about 40k real events over three years in 12
countries, each told by one to four reports with jittered dates, places a few km apart and
sometimes one side unnamed. Prints mentions/s, events/s, the number of events, and the peak
RSS of the process (median of ``--repeat`` runs, each on the same mentions).

    .venv/bin/python benchmarks/merge.py [--mentions 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import time
from datetime import date, timedelta

from marsad.merge import merge_mentions
from marsad.records import ActorMention, DateMention, EventMention, Evidence, PlaceMention

TYPES = [
    ("Battles", "Armed clash"),
    ("Battles", "Non-state actor overtakes territory"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"),
]
COUNTRIES = ["SY", "IQ", "YE", "LY", "NG", "SO", "ML", "AF", "UA", "MM", "SD", "CD"]


def synthetic(n: int, seed: int = 7) -> list[EventMention]:
    rng = random.Random(seed)
    actors = [
        ActorMention(
            0, 1, f"a{i}", f"Actor {i}", rng.choice([1, 2, 3]), None, "dictionary", 0.9, f"K{i}"
        )
        for i in range(60)
    ]
    start = date(2017, 1, 1)
    out: list[EventMention] = []
    event = 0
    while len(out) < n:
        event += 1
        cc = rng.choice(COUNTRIES)
        lat, lon = rng.uniform(10, 40), rng.uniform(0, 60)
        day = start + timedelta(days=rng.randrange(1095))
        etype, sub = rng.choice(TYPES)
        a1, a2 = rng.sample(actors, 2)
        for r in range(rng.randint(1, 4)):
            art = f"art{event}-{r}"
            width = rng.choice([0, 0, 0, 6, 30])
            d0 = day - timedelta(days=rng.randint(0, width))
            dm = DateMention(0, 1, "d", d0, d0 + timedelta(days=width), 1, "synthetic")
            place = PlaceMention(
                0,
                1,
                "p",
                f"P{event}",
                event,
                lat + rng.uniform(-0.02, 0.02),
                lon + rng.uniform(-0.02, 0.02),
                cc,
                cc,
                None,
                None,
                "city",
                1,
                0.9,
            )
            ev = [Evidence(art, 0, 0, 1, "x", "event_type", "trigger:synthetic", 0.7)]
            out.append(
                EventMention(
                    art,
                    0,
                    0,
                    1,
                    "x",
                    etype,
                    sub,
                    a1,
                    None,
                    a2 if rng.random() > 0.2 else None,
                    None,
                    place,
                    dm,
                    None,
                    None,
                    None,
                    "asserted",
                    0.7,
                    ev,
                )
            )
    return out[:n]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mentions", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    mentions = synthetic(args.mentions)
    runs, n_events = [], 0
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        n_events = len(merge_mentions(mentions))
        runs.append(time.perf_counter() - t0)
    secs = statistics.median(runs)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(mentions)} mentions -> {n_events} events, median of {args.repeat} runs")
    print(
        f"{len(mentions) / secs:,.0f} mentions/s, {n_events / secs:,.0f} events/s "
        f"({secs:.1f} s), peak RSS {rss:.0f} MB"
    )


if __name__ == "__main__":
    main()
