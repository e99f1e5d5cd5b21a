from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from marsad.cli import app

DEMO = Path(__file__).resolve().parents[1] / "examples" / "demo"

runner = CliRunner()


def test_extract_jsonl_has_evidence_for_every_event(seed_path: Path) -> None:
    result = runner.invoke(
        app, ["extract", str(seed_path), "--published", "2017-02-04", "-f", "jsonl"]
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert rows
    for row in rows:
        fields = {ev["field"] for ev in row["evidence"]}
        assert {"event_type", "location", "event_date"} <= fields
        assert row["country_code"] and row["latitude"] is not None
        for ev in row["evidence"]:
            assert ev["text"] and ev["method"] and 0 <= ev["confidence"] <= 1


def test_extract_errors_are_one_line_and_the_batch_goes_on(tmp_path: Path) -> None:
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    result = runner.invoke(
        app, ["extract", str(bad), str(DEMO / "kunduz-taliban-capture.txt"), "-f", "jsonl"]
    )
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "bad.bin" in errors[0] and "binary" in errors[0]
    assert "Traceback" not in result.output
    assert any(json.loads(line)["country_code"] == "AF" for line in result.stdout.splitlines())


def test_impossible_published_date() -> None:
    result = runner.invoke(
        app, ["extract", str(DEMO / "kunduz-taliban-capture.txt"), "--published", "2017-02-30"]
    )
    assert result.exit_code == 2
    assert "impossible" in result.stderr and "Traceback" not in result.output


def test_undated_text_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "undated.txt"
    p.write_text(
        "Government forces recaptured the town of Tadmur from the militants after weeks of "
        "fighting."
    )
    result = runner.invoke(app, ["extract", str(p)])
    assert result.exit_code == 1
    assert "no publication date" in result.stderr


def test_ingest_and_query(tmp_path: Path) -> None:
    db = tmp_path / "m.duckdb"
    result = runner.invoke(app, ["ingest", str(DEMO), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    assert "stored" in result.stderr
    q = runner.invoke(app, ["events", "--db", str(db), "--country", "SO", "-f", "jsonl"])
    assert q.exit_code == 0
    rows = [json.loads(line) for line in q.stdout.splitlines()]
    assert rows and all(r["country_code"] == "SO" for r in rows)
    csv_out = runner.invoke(app, ["events", "--db", str(db), "-f", "csv"])
    assert csv_out.stdout.splitlines()[0].startswith("event_id,event_date,time_precision")


def test_events_without_store(tmp_path: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "no such store" in result.stderr


def test_places_command(seed_path: Path) -> None:
    result = runner.invoke(app, ["places", str(seed_path), "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    names = {r["text"] for r in rows}
    assert {"Mosul", "Palmyra", "Paris"} <= names
    for r in rows:
        assert set(r) >= {
            "text",
            "start",
            "end",
            "name",
            "geonameid",
            "latitude",
            "longitude",
            "country_code",
            "admin1",
            "admin2",
            "feature",
            "geo_precision",
            "confidence",
            "candidates_considered",
        }


def test_control_and_pattern_commands(tmp_path: Path, seed_path: Path) -> None:
    db = tmp_path / "seed.duckdb"
    ingest = runner.invoke(
        app, ["ingest", str(seed_path), "--published", "2017-02-04", "--db", str(db), "-q"]
    )
    assert ingest.exit_code == 0, ingest.output
    timeline = runner.invoke(app, ["control", "Palmyra", "--db", str(db), "-f", "json"])
    assert timeline.exit_code == 0, timeline.output
    assert "Islamic State" in timeline.stdout
    on = runner.invoke(app, ["control", "Palmyra", "--on", "2016-06-01", "--db", str(db)])
    assert on.exit_code == 0 and "Military Forces of Syria" in on.stdout
    unknown = runner.invoke(app, ["control", "Atlantis", "--db", str(db)])
    assert unknown.exit_code == 2 and "Atlantis" in unknown.stderr
    nothing = runner.invoke(app, ["control", "--db", str(db)])
    assert nothing.exit_code == 2
    pat = runner.invoke(
        app,
        [
            "pattern",
            "losses-then-offensives",
            "--actor",
            "IS",
            "--within",
            "60d",
            "--db",
            str(db),
            "-f",
            "json",
        ],
    )
    assert pat.exit_code == 0, pat.output
    assert "base_rate" in pat.stdout
    bad = runner.invoke(app, ["pattern", "lagged", "--actor", "IS", "--db", str(db)])
    assert bad.exit_code == 2 and "--cause" in bad.stderr


def test_export_acled_csv_reads_back_with_acled_columns(tmp_path: Path, seed_path: Path) -> None:
    import pandas as pd

    from marsad.export import ACLED_COLUMNS

    db = tmp_path / "seed.duckdb"
    runner.invoke(app, ["ingest", str(seed_path), "--published", "2017-02-04", "--db", str(db)])
    out = tmp_path / "seed.csv"
    result = runner.invoke(app, ["export", "-f", "acled-csv", "-o", str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(out)
    assert list(frame.columns) == list(ACLED_COLUMNS)
    assert len(frame) >= 12 and set(frame["iso"]) >= {368, 760}
    bad = runner.invoke(
        app,
        [
            "export",
            "-f",
            "acled-csv",
            "-o",
            str(out),
            "--db",
            str(db),
            "--since",
            "2017-01-01",
            "--until",
            "2016-01-01",
        ],
    )
    assert bad.exit_code == 2


def _export(path: Path) -> Path:
    """A two-row ACLED-style export, written here (no row of ACLED's own)."""
    path.write_text(
        "event_date,event_type,sub_event_type,actor1,actor2,country,location,latitude,"
        "longitude,fatalities,notes\n"
        "2020-03-09,Battles,Non-state actor overtakes territory,Taliban,"
        '"Military Forces of Afghanistan (2014-2021)",Afghanistan,Kunduz,36.728,68.857,0,'
        '"On 9 March 2020, Taliban fighters captured Kunduz city from Afghan forces."\n'
        "2020-03-10,Protests,Peaceful protest,Protesters (Iraq),,Iraq,Basrah,30.508,47.783,0,"
        '"On 10 March 2020, hundreds of people protested in Basrah city against power cuts."\n',
        encoding="utf-8",
    )
    return path


def test_eval_acled_scores_your_own_export(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval-acled", "--csv", str(_export(tmp_path / "mine.csv"))])
    assert result.exit_code == 0, result.output
    assert "2 notes, 2 gold events" in result.stdout
    assert "mine 2020-03-11" in result.stdout  # the anchor: the day after the last event
    report = json.loads(
        runner.invoke(app, ["eval-acled", "--csv", str(tmp_path / "mine.csv"), "--json"]).stdout
    )
    assert report["split"] == "export" and report["all"]["sub_event_type"] == 1.0


def test_eval_acled_rejects_what_is_no_export(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    binary = tmp_path / "bin.csv"
    binary.write_bytes(b"\xff\xfe\x00\x01" * 50)
    for path, why in ((bad, "not an ACLED export"), (binary, "UTF-8"), (tmp_path / "no.csv", "")):
        result = runner.invoke(app, ["eval-acled", "--csv", str(path)])
        assert result.exit_code != 0
        errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
        assert len(errors) == 1 and path.name in errors[0] and why in errors[0]
        assert "Traceback" not in result.output
