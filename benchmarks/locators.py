"""Locator probes: how often an ACLED-style note's place lands within 50 km of where it should.

Built from the package's own gazetteer data (GeoNames towns, geoBoundaries districts), not from
any gold set, so it runs anywhere and can be run as often as wanted. Each probe writes one
short note per place, runs it through the whole pipeline and measures the distance from the
first event's point to the place's own point. Four probes, for Afghanistan, Iraq, Syria and
Yemen (the countries of ACLED's test split):

  * towns: every GeoNames town as "X village (Province)";
  * districts: every geoBoundaries district as "X district (P)", "X district, P province"
    and "X district of P province" (geoBoundaries' province names, some of them out of date,
    which caps what can be reached);
  * chains: 160 sampled towns through a district chain ("X village of D district, P
    province", five forms), in their own province (expected: the town) and moved to a far
    province where no town of that name lies (expected: the named district's point);
  * lists: 2-3 districts of one province in a list ("A, B and C districts (P)", three
    forms): districts with an event within 50 km, and notes with one event per district;
  * compass: every town 15 km or more from its province's middle as "the eastern P
    countryside" (the compass word of its bearing from that middle).

    python benchmarks/locators.py [--probe towns|districts|chains|lists|compass|all]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import math
import random
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date
from importlib import resources
from typing import Any

from marsad.ingest import make_article
from marsad.pipeline import process
from marsad.places.gazetteer import CITY, Gazetteer, strip_accents

COUNTRIES = {"AF": "Afghanistan", "IQ": "Iraq", "SY": "Syria", "YE": "Yemen"}
# a plain clash by each country's usual sides: the place is what is measured
DEEDS = {
    "AF": "Taliban militants clashed with ANA forces",
    "IQ": "Iraqi forces clashed with IS militants",
    "SY": "Syrian regime forces clashed with HTS militants",
    "YE": "Houthi forces clashed with pro-government forces",
}
CODE_OF = {name: cc for cc, name in COUNTRIES.items()}
UNIT = {"AF": "district", "IQ": "district", "SY": "subdistrict", "YE": "district"}
PLAIN = re.compile(r"[A-Za-z' -]+")
KM = 50.0


def km(a: float, b: float, c: float, d: float) -> float:
    p = math.pi / 180
    h = (
        math.sin((c - a) * p / 2) ** 2
        + math.cos(a * p) * math.cos(c * p) * math.sin((d - b) * p / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(h))


def provinces() -> dict[str, str]:
    """GeoNames admin1 code -> the province's plain name ("Muhafazat Hadramaout" ->
    "Hadramaout")."""
    out = {}
    data = resources.files("marsad") / "data" / "geonames" / "admin1CodesASCII.txt"
    for line in data.read_text(encoding="utf-8").splitlines():
        code, _name, ascii_, _gid = line.split("\t")
        if code[:2] in COUNTRIES:
            out[code] = re.sub(
                r"^(Muhafazat |Mohafazat )|( Governorate| Province|,? Wilayat)$", "", ascii_
            )
    return out


def towns(gaz: Gazetteer, prov: dict[str, str]) -> list[tuple[str, Any]]:
    out = []
    for i in range(len(gaz)):
        c = gaz.candidate(i)
        if c.feature == CITY and c.geonameid and c.admin1_code in prov:
            name = strip_accents(c.name).replace("‘", "").replace("’", "'").replace("`", "")
            if PLAIN.fullmatch(name):
                out.append((name, c))
    return out


def districts() -> list[dict[str, Any]]:
    data = resources.files("marsad") / "data" / "places" / "boundaries.tsv.gz"
    with data.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh, delimiter="\t") if r["country"] in CODE_OF]
    for r in rows:
        r["cc"] = CODE_OF[r["country"]]
        r["lat"], r["lon"] = float(r["latitude"]), float(r["longitude"])
    return rows


def run(notes: list[str]) -> Iterator[tuple[int, list[Any]]]:
    """(note number, its events) for each note, in order."""
    articles = [
        make_article(t, origin=str(i), published=date(2020, 6, 1)) for i, t in enumerate(notes)
    ]
    for res in process(articles):
        yield int(res.article.origin), res.events


def note(cc: str, where: str) -> str:
    return f"On 5 May 2020, {DEEDS[cc]} in {where}. No casualties reported."


def first_within(events: list[Any], lat: float, lon: float) -> bool:
    ev = events[0] if events else None
    return (
        ev is not None and ev.latitude is not None and km(lat, lon, ev.latitude, ev.longitude) <= KM
    )


def score_towns(title: str, notes: list[str], expected: list[Any]) -> None:
    """Print, per country, how many notes put their first event within 50 km of the town
    each one is written for."""
    ok, tot = Counter(), Counter()
    for i, events in run(notes):
        c = expected[i]
        tot[c.country_code] += 1
        ok[c.country_code] += first_within(events, c.latitude, c.longitude)
    print(title)
    for cc in COUNTRIES:
        print(f"  {COUNTRIES[cc]:<12} {ok[cc]:>4} / {tot[cc]:<4}")


def probe_towns(gaz: Gazetteer, prov: dict[str, str]) -> None:
    rows = towns(gaz, prov)
    notes = [note(c.country_code, f"{n} village ({prov[c.admin1_code]})") for n, c in rows]
    score_towns("towns, 'X village (Province)':", notes, [c for _, c in rows])


def probe_districts() -> None:
    rows = districts()
    forms = ["{n} {u} ({p})", "{n} {u}, {p} province", "{n} {u} of {p} province"]
    print("districts (geoBoundaries names and provinces):")
    for form in forms:
        notes = [
            note(r["cc"], form.format(n=r["name"], u=UNIT[r["cc"]], p=r["division"])) for r in rows
        ]
        ok, tot = Counter(), Counter()
        for i, events in run(notes):
            r = rows[i]
            tot[r["cc"]] += 1
            ok[r["cc"]] += first_within(events, r["lat"], r["lon"])
        line = ", ".join(f"{COUNTRIES[cc]} {ok[cc]}/{tot[cc]}" for cc in COUNTRIES)
        print(f"  {form:<26} {line}")


def probe_chains(gaz: Gazetteer, prov: dict[str, str], sample: int = 160) -> None:
    rng = random.Random(7)
    rows = towns(gaz, prov)
    dists = [d for d in districts() if PLAIN.fullmatch(d["name"])]

    def a1_of(lat: float, lon: float, cc: str) -> str:
        near = min(
            (c for _, c in rows if c.country_code == cc),
            key=lambda c: km(lat, lon, c.latitude, c.longitude),
        )
        return near.admin1_code

    cases = []  # (kind, town, district, province, cc, expected lat, lon)
    for name, c in rng.sample(rows, min(len(rows), sample)):
        own = [
            d
            for d in dists
            if d["cc"] == c.country_code
            and km(c.latitude, c.longitude, d["lat"], d["lon"]) <= 25
            and d["name"].lower() != name.lower()
        ]
        if own:
            d = min(own, key=lambda d: km(c.latitude, c.longitude, d["lat"], d["lon"]))
            cases.append(
                (
                    "own",
                    name,
                    d["name"],
                    prov[c.admin1_code],
                    c.country_code,
                    c.latitude,
                    c.longitude,
                )
            )
        far = [
            d
            for d in dists
            if d["cc"] == c.country_code and km(c.latitude, c.longitude, d["lat"], d["lon"]) >= 200
        ]
        rng.shuffle(far)
        for d in far[:5]:
            a1 = a1_of(d["lat"], d["lon"], d["cc"])
            if a1 in prov and not any(x.admin1_code == a1 for x in gaz.lookup(name)):
                cases.append(
                    ("moved", name, d["name"], prov[a1], c.country_code, d["lat"], d["lon"])
                )
                break
    forms = [
        "{t} village of {d} district, {p} province",
        "{t}, {d} district, {p} province",
        "{t} village in {d} district of {p} province",
        "{t} village, {d} district ({p})",
        "{t} village ({d}, {p})",
    ]
    notes = [note(k[4], f.format(t=k[1], d=k[2], p=k[3])) for k in cases for f in forms]
    ok, tot = Counter(), Counter()
    for i, events in run(notes):
        case, form = cases[i // len(forms)], forms[i % len(forms)]
        tot[(case[0], form)] += 1
        ok[(case[0], form)] += first_within(events, case[5], case[6])
    print("chains (own: the town expected; moved: the named district's point expected):")
    for key in sorted(tot):
        print(f"  {key[0]:<6} {key[1]:<44} {ok[key]:>4} / {tot[key]}")


def probe_compass(gaz: Gazetteer, prov: dict[str, str]) -> None:
    """Every town 15 km or more from its province's middle, as "the {northern|eastern|
    southern|western} P countryside" by its bearing from that middle: an event within 50 km
    of the town."""
    words = ["northern", "eastern", "southern", "western"]
    rows = []
    for _name, c in towns(gaz, prov):
        if c.admin1_code not in gaz.a1_entry:
            continue
        m = gaz.candidate(gaz.a1_entry[c.admin1_code])
        if km(m.latitude, m.longitude, c.latitude, c.longitude) < 15:
            continue
        la, lo = math.radians(m.latitude), math.radians(m.longitude)
        tl, to = math.radians(c.latitude), math.radians(c.longitude)
        y = math.sin(to - lo) * math.cos(tl)
        x = math.cos(la) * math.sin(tl) - math.sin(la) * math.cos(tl) * math.cos(to - lo)
        bearing = math.degrees(math.atan2(y, x)) % 360
        rows.append((c, words[int(((bearing + 45) % 360) // 90)], prov[c.admin1_code]))
    notes = [note(c.country_code, f"the {w} {p} countryside") for c, w, p in rows]
    score_towns(
        "compass, 'the {northern|...} P countryside' (towns 15 km or more from the middle):",
        notes,
        [c for c, _, _ in rows],
    )


def probe_lists() -> None:
    rng = random.Random(11)
    by: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for d in districts():
        if PLAIN.fullmatch(d["name"]) and PLAIN.fullmatch(d["division"]):
            by[(d["cc"], d["division"])].append(d)
    forms = ["{l} {u}s ({p})", "{l} {u}s, {p} province", "{l} {u}s of {p} province"]
    cases = []
    for (cc, division), rows in sorted(by.items()):
        if len(rows) < 3:
            continue
        for _ in range(3):
            pick = rng.sample(rows, rng.choice([2, 3]))
            names = [r["name"] for r in pick]
            listed = (
                " and ".join(names) if len(names) == 2 else f"{names[0]}, {names[1]} and {names[2]}"
            )
            for form in forms:
                cases.append(
                    (cc, form, pick, note(cc, form.format(l=listed, u=UNIT[cc], p=division)))
                )
    hit, tot, whole, notes_n = Counter(), Counter(), Counter(), Counter()
    for i, events in run([c[3] for c in cases]):
        cc, form, pick, _ = cases[i]
        pts = [(e.latitude, e.longitude) for e in events if e.latitude is not None]
        key = (cc, form)
        tot[key] += len(pick)
        notes_n[key] += 1
        hit[key] += sum(any(km(r["lat"], r["lon"], a, b) <= KM for a, b in pts) for r in pick)
        whole[key] += len(events) == len(pick)
    print("lists (districts with an event within 50 km; notes with one event per district):")
    for key in sorted(tot):
        print(
            f"  {COUNTRIES[key[0]]:<12} {key[1]:<26} {hit[key]:>4} / {tot[key]:<4}"
            f" {whole[key]:>4} / {notes_n[key]}"
        )
    print(f"  all districts {sum(hit.values())} / {sum(tot.values())}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--probe",
        choices=["towns", "districts", "chains", "lists", "compass", "all"],
        default="all",
    )
    args = ap.parse_args()
    t0 = time.perf_counter()
    gaz = Gazetteer.load()
    prov = provinces()
    if args.probe in {"towns", "all"}:
        probe_towns(gaz, prov)
    if args.probe in {"districts", "all"}:
        probe_districts()
    if args.probe in {"chains", "all"}:
        probe_chains(gaz, prov)
    if args.probe in {"lists", "all"}:
        probe_lists()
    if args.probe in {"compass", "all"}:
        probe_compass(gaz, prov)
    print(f"({time.perf_counter() - t0:.0f} s)")


if __name__ == "__main__":
    main()
