from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest

from marsad.store import Store

DEMO = Path(__file__).resolve().parents[1] / "examples" / "demo"

MARSAD = [sys.executable, "-m", "marsad.cli"]


def _batch(tmp_path: Path, n: int) -> Path:
    """n distinct articles (distinct content hashes) built from the demo reports."""
    reports = [json.loads(line) for line in (DEMO / "reports.jsonl").read_text().splitlines()]
    path = tmp_path / "batch.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            r = dict(reports[i % len(reports)])
            r["text"] = r["text"] + f"\n\nThis is copy number {i} of the report."
            fh.write(json.dumps(r) + "\n")
    return path


def _counts(db: Path) -> tuple[int, int, int, list[str]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        arts = con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone()
        ems = con.execute("SELECT count(*) FROM event_mentions").fetchone()
        ids = [r[0] for r in con.execute("SELECT event_id FROM events ORDER BY 1").fetchall()]
    finally:
        con.close()
    assert arts[0] == arts[1], "duplicated article rows"
    return arts[0], ems[0], len(ids), ids


def test_ingest_twice_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "m.duckdb"
    with Store(db) as store:
        first = store.ingest([DEMO])
        assert first.stored >= 10 and not first.errors
        before = _snapshot(store)
        again = store.ingest([DEMO])
        assert again.stored == 0 and again.skipped == first.stored
        assert _snapshot(store) == before
    with Store(db) as store:
        syria = store.events(country="SY")
        assert syria and all(e.country_code == "SY" for e in syria)
        assert all(e.evidence for e in syria)
        later = store.events(since=date(2019, 1, 1))
        assert all(e.date_latest >= date(2019, 1, 1) for e in later)


def _snapshot(store: Store) -> tuple[int, list[tuple[str, str]]]:
    events = store.events()
    return store.count("articles"), [(e.event_id, e.sub_event_type) for e in events]


def test_killed_ingest_loses_nothing_and_duplicates_nothing(tmp_path: Path) -> None:
    batch = _batch(tmp_path, 24)
    db = tmp_path / "killed.duckdb"
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    proc = subprocess.Popen(
        [*MARSAD, "ingest", str(batch), "--db", str(db)],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    stored = 0
    assert proc.stderr is not None
    for line in proc.stderr:
        if line.startswith("stored:"):
            stored += 1
            if stored == 3:
                proc.send_signal(signal.SIGKILL)
                break
    proc.wait(timeout=60)
    assert stored == 3, "the batch finished before it could be killed"
    partial = _counts(db)[0]
    assert 3 <= partial < 24
    rerun = subprocess.run(
        [*MARSAD, "ingest", str(batch), "--db", str(db)], capture_output=True, text=True, env=env
    )
    assert rerun.returncode == 0, rerun.stderr
    clean_db = tmp_path / "clean.duckdb"
    subprocess.run(
        [*MARSAD, "ingest", str(batch), "--db", str(clean_db), "-q"], check=True, env=env
    )
    assert _counts(db) == _counts(clean_db)


def test_bad_inputs_do_not_lose_stored_rows(tmp_path: Path) -> None:
    db = tmp_path / "m.duckdb"
    with Store(db) as store:
        store.ingest([DEMO / "reports.jsonl"])
        n = store.count("articles")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00garbage")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    with Store(db) as store:
        report = store.ingest([bad, empty])
        assert len(report.errors) == 2 and store.count("articles") == n


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "m.duckdb"
    Store(db).close()
    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    con.close()
    from marsad.store import StoreError

    with pytest.raises(StoreError, match="newer marsad"):
        Store(db)
