"""marsad's command line: a thin layer over the Python API (marsad.pipeline, marsad.store)."""

from __future__ import annotations

import csv
import json
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from marsad import __version__
from marsad.records import EVENT_COLUMNS, Article, Event

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="marsad: dated, geocoded, typed conflict events from news text, offline.",
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False)
out = Console(highlight=False, width=None if sys.stdout.isatty() else 200)


class Format(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    table = "table"


DbOption = Annotated[Path, typer.Option("--db", help="DuckDB store file.")]


def _fail(message: str, code: int = 2) -> typer.Exit:
    err.print(f"error: {message}", markup=False, soft_wrap=True)
    return typer.Exit(code)


def _date_option(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    from marsad.ingest import InputProblem, parse_published

    try:
        return parse_published(value)
    except InputProblem as exc:
        raise _fail(f"{name}: {exc}") from None


def _print_events(events: list[Event], fmt: Format) -> None:
    if fmt is Format.jsonl:
        for e in events:
            sys.stdout.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")
    elif fmt is Format.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(EVENT_COLUMNS))
        writer.writeheader()
        for e in events:
            writer.writerow(e.to_dict(with_evidence=False))
    else:
        table = Table(title=f"{len(events)} events", show_lines=False)
        for col in (
            "date",
            "type",
            "sub-event",
            "actor1",
            "actor2",
            "location",
            "country",
            "deaths",
        ):
            table.add_column(col, overflow="fold")
        for e in events:
            span = "" if e.time_precision == 1 else f" (±{(e.date_latest - e.date_earliest).days}d)"
            table.add_row(
                f"{e.event_date}{span}",
                e.event_type,
                e.sub_event_type,
                e.actor1 or "",
                e.actor2 or "",
                e.location or "",
                e.country_code or "",
                "" if e.fatalities is None else str(e.fatalities),
            )
        out.print(table)


@app.command()
def version() -> None:
    """Print marsad's version."""
    typer.echo(__version__)


@app.command()
def extract(
    files: Annotated[list[Path], typer.Argument(help=".txt, .html or .jsonl files")],
    published: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD (anchors relative dates).")
    ] = None,
    source: Annotated[str | None, typer.Option(help="Source name for every article.")] = None,
    format: Annotated[Format, typer.Option("--format", "-f")] = Format.table,
) -> None:
    """Read articles and print the events found (nothing is stored)."""
    from marsad.ingest import InputError, read_paths
    from marsad.pipeline import ArticleResult, process

    pub = _date_option(published, "--published")
    errors = 0
    events: list[Event] = []
    for result in process(read_paths(files, published=pub, source=source)):
        if isinstance(result, InputError):
            errors += 1
            err.print(f"error: {result}", markup=False, soft_wrap=True)
            continue
        assert isinstance(result, ArticleResult)
        events.extend(result.events)
    if events or not errors or format is not Format.table:
        _print_events(events, format)
    if errors:
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="files or folders to ingest")],
    db: DbOption = Path("marsad.duckdb"),
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD.")] = None,
    source: Annotated[str | None, typer.Option(help="Source name for every article.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False,
    processes: Annotated[
        int, typer.Option("--processes", "-j", min=1, help="spaCy worker processes.")
    ] = 1,
) -> None:
    """Run the pipeline and store articles, sentences, events and evidence."""
    from marsad.ingest import InputError
    from marsad.store import Store, StoreError

    pub = _date_option(published, "--published")
    try:
        store = Store(db)
    except StoreError as exc:
        raise _fail(str(exc)) from None
    progress = Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[last]}"),
        TimeElapsedColumn(),
        console=err,
        disable=quiet,
        transient=False,
    )
    total = _count_inputs(paths)
    with store, progress:
        task = progress.add_task("ingest", total=total, last="")

        def on_item(status: str, item: Article | InputError, n_events: int) -> None:
            if isinstance(item, InputError):
                progress.console.print(f"error: {item}", markup=False, soft_wrap=True)
                progress.advance(task)
                return
            label = (item.title or item.origin)[:40]
            progress.update(task, advance=1, last=f"{status}: {label} ({n_events} events)")
            if not quiet and not err.is_terminal:  # a log line per article in CI logs and pipes
                err.print(f"{status}: {item.origin} ({n_events} events)", markup=False)

        report = store.ingest(
            paths, published=pub, source=source, on_item=on_item, n_process=processes
        )
    err.print(
        f"stored {report.stored} articles, skipped {report.skipped} already stored, "
        f"{len(report.errors)} errors; {report.events} events in {db}"
    )
    if report.errors:
        raise typer.Exit(1)


def _count_inputs(paths: list[Path]) -> int | None:
    from marsad.ingest import JSONL_SUFFIXES, expand_paths

    n = 0
    for p in expand_paths(paths):
        if isinstance(p, Path) and p.suffix.lower() in JSONL_SUFFIXES:
            try:
                with p.open("rb") as fh:
                    n += sum(1 for line in fh if line.strip())
            except OSError:
                n += 1
        else:
            n += 1
    return n or None


@app.command()
def events(
    db: DbOption = Path("marsad.duckdb"),
    country: Annotated[str | None, typer.Option(help="ISO alpha-2 code or country name.")] = None,
    since: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None,
    actor: Annotated[str | None, typer.Option(help="Substring of an actor name.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="event or sub-event type")] = None,
    limit: Annotated[int | None, typer.Option(min=1)] = None,
    format: Annotated[Format, typer.Option("--format", "-f")] = Format.table,
) -> None:
    """Query the events in a store."""
    from marsad.store import Store, StoreError

    if not db.exists():
        raise _fail(f"{db}: no such store (run `marsad ingest` first)")
    s, u = _date_option(since, "--since"), _date_option(until, "--until")
    try:
        with Store(db) as store:
            store.refresh_events()
            found = store.events(
                country=country, since=s, until=u, actor=actor, event_type=type, limit=limit
            )
    except StoreError as exc:
        raise _fail(str(exc)) from None
    _print_events(found, format)


@app.command("eval")
def eval_(
    gold: Annotated[Path, typer.Argument(help="gold JSON file (format of seed-article.gold.json)")],
    json_out: Annotated[
        bool, typer.Option("--json", help="Print the full report as JSON.")
    ] = False,
) -> None:
    """Score the pipeline against a hand-coded gold file."""
    from marsad.evaluate import GoldError, evaluate_gold, format_report

    try:
        report = evaluate_gold(gold)
    except GoldError as exc:
        raise _fail(str(exc)) from None
    if json_out:
        typer.echo(json.dumps(report, indent=2, default=str))
    else:
        typer.echo(format_report(report))


@app.command()
def places(
    file: Annotated[Path, typer.Argument(help=".txt, .html or .jsonl file")],
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD.")] = None,
    format: Annotated[Format, typer.Option("--format", "-f")] = Format.table,
) -> None:
    """Print every toponym mention with its resolution."""
    from marsad.clean import clean
    from marsad.ingest import InputError, read_paths
    from marsad.nlp import annotate
    from marsad.places import find_places, place_row

    pub = _date_option(published, "--published")
    rows: list[dict[str, Any]] = []
    bad = 0
    articles = []
    for item in read_paths([file], published=pub, require_date=False):
        if isinstance(item, InputError):
            err.print(f"error: {item}", markup=False, soft_wrap=True)
            bad += 1
        else:
            articles.append(item)
    for document in annotate(clean(a) for a in articles):
        rows.extend(place_row(p) for p in find_places(document.doc))
    _print_rows(rows, format)
    if bad:
        raise typer.Exit(1)


def _print_rows(rows: list[dict[str, Any]], fmt: Format) -> None:
    if fmt is Format.jsonl:
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    if not rows:
        return
    if fmt is Format.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
        return
    table = Table()
    for col in rows[0]:
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(*("" if v is None else str(v) for v in r.values()))
    out.print(table)


@app.command("eval-geo")
def eval_geo(
    shared: Annotated[Path, typer.Option(help="the shared/ folder")] = Path("../shared"),
    split: Annotated[str, typer.Option(help="test (held-out 30%) or dev (first 70%)")] = "test",
    corpus: Annotated[list[str] | None, typer.Option(help="TR-News, LGL, GeoWebNews")] = None,
) -> None:
    """Geoparsing accuracy on public corpora (read from shared/data/geoparse)."""
    from marsad.places import evaluate_geo
    from marsad.places.evaluate import format_geo_report

    if split not in {"test", "dev"}:
        raise _fail("--split must be test or dev")
    if not (shared / "data" / "geoparse").is_dir():
        raise _fail(f"{shared}/data/geoparse: not found (pass --shared)")
    report = evaluate_geo(shared, corpora=corpus or None, split=split)
    typer.echo(format_geo_report(report))


def _events_eval(
    kind: str,
    shared: Path,
    split: str,
    limit: int | None,
    json_out: bool,
    files: list[Path] | None = None,
) -> None:
    from marsad import evaluate_events as ee

    if files:
        try:  # (the files are read and checked once, before any note is run)
            report = ee.evaluate_acled(shared, limit=limit, files=files)
        except ee.ExportError as exc:
            raise _fail(str(exc)) from None
        typer.echo(
            json.dumps(report, indent=2, default=str)
            if json_out
            else ee.format_acled_report(report)
        )
        return
    if split not in ee.SPLITS:
        raise _fail("--split must be test, dev or train")
    if not (shared / "data" / "events").is_dir():
        raise _fail(f"{shared}/data/events: not found (pass --shared)")
    run = ee.evaluate_acled if kind == "acled" else ee.evaluate_case
    fmt = ee.format_acled_report if kind == "acled" else ee.format_case_report
    report = run(shared, split=split, limit=limit)
    typer.echo(json.dumps(report, indent=2, default=str) if json_out else fmt(report))


@app.command("eval-acled")
def eval_acled(
    shared: Annotated[Path, typer.Option(help="the shared/ folder")] = Path("../shared"),
    split: Annotated[
        str, typer.Option(help="test (SY, IQ, YE, AF), dev (1 in 5 of the rest) or train")
    ] = "test",
    limit: Annotated[int | None, typer.Option(min=1, help="only the first N notes")] = None,
    json_out: Annotated[bool, typer.Option("--json")] = False,
    csv_files: Annotated[
        list[Path] | None,
        typer.Option(
            "--csv",
            help="score every note of this ACLED export instead (repeatable; needs the "
            "notes, event_date, event_type, sub_event_type, latitude and longitude columns)",
        ),
    ] = None,
) -> None:
    """Score events against ACLED coders' notes (shared/data/events/acled_notes, or your
    own ACLED exports with --csv)."""
    _events_eval("acled", shared, split, limit, json_out, csv_files)


@app.command("eval-case")
def eval_case(
    shared: Annotated[Path, typer.Option(help="the shared/ folder")] = Path("../shared"),
    split: Annotated[
        str, typer.Option(help="test (odd ids), dev (ids 2 mod 4) or train (0 mod 4)")
    ] = "test",
    limit: Annotated[int | None, typer.Option(min=1, help="only the first N snippets")] = None,
    json_out: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Score sub-event types on CASE 2021 task 2 snippets, non-events included."""
    _events_eval("case", shared, split, limit, json_out)


class ReportFormat(StrEnum):
    json = "json"
    table = "table"


@app.command()
def control(
    place: Annotated[str | None, typer.Argument(help="a place name, e.g. Palmyra")] = None,
    on: Annotated[str | None, typer.Option(help="YYYY-MM-DD: the holder on that day")] = None,
    db: DbOption = Path("marsad.duckdb"),
    format: Annotated[ReportFormat, typer.Option("--format", "-f")] = ReportFormat.table,
) -> None:
    """Who held a place when (its control timeline), or every place's holder on a date."""
    from marsad.control import control_report

    day = _date_option(on, "--on")
    if place is None and day is None:
        raise _fail("give a PLACE, or --on DATE to list every place known on that date")
    if not db.exists():
        raise _fail(f"{db}: no such store (run `marsad ingest` first)")
    try:
        typer.echo(control_report(db, place, day, format.value))
    except ValueError as exc:
        raise _fail(str(exc)) from None


class PatternKind(StrEnum):
    losses_then_offensives = "losses-then-offensives"
    lagged = "lagged"


@app.command()
def pattern(
    kind: Annotated[PatternKind, typer.Argument(help="losses-then-offensives or lagged")],
    actor: Annotated[str, typer.Option(help="actor name or alias, e.g. IS")],
    within: Annotated[str, typer.Option(help="window: 60d, 8w, 2m")] = "60d",
    cause: Annotated[str | None, typer.Option(help="lagged: loss, capture, attack, ...")] = None,
    effect: Annotated[str | None, typer.Option(help="lagged: capture, major-attack, ...")] = None,
    db: DbOption = Path("marsad.duckdb"),
    format: Annotated[ReportFormat, typer.Option("--format", "-f")] = ReportFormat.table,
) -> None:
    """Does one kind of event follow another for an actor more often than chance?"""
    from marsad.patterns import parse_within, pattern_report

    if not db.exists():
        raise _fail(f"{db}: no such store (run `marsad ingest` first)")
    if kind is PatternKind.lagged and not (cause and effect):
        raise _fail("pattern lagged needs --cause and --effect")
    try:
        days = parse_within(within)
        typer.echo(pattern_report(db, kind.value, actor, days, cause, effect, format.value))
    except ValueError as exc:
        raise _fail(str(exc)) from None


class ExportFormat(StrEnum):
    acled_csv = "acled-csv"
    geojson = "geojson"
    parquet = "parquet"
    jsonl = "jsonl"


@app.command()
def export(
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="output format")],
    output: Annotated[Path, typer.Option("--output", "-o", help="file to write")],
    db: DbOption = Path("marsad.duckdb"),
    country: Annotated[str | None, typer.Option(help="ISO alpha-2 code or country name.")] = None,
    since: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None,
    actor: Annotated[str | None, typer.Option(help="Substring of an actor name.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="event or sub-event type")] = None,
) -> None:
    """Write the store's events as an ACLED CSV, GeoJSON, Parquet or JSON Lines file."""
    from marsad.export import ExportError, export_report
    from marsad.store import StoreError

    s, u = _date_option(since, "--since"), _date_option(until, "--until")
    if s and u and s > u:
        raise _fail("--since is after --until")
    try:
        n = export_report(db, format.value, output, country, s, u, actor, type)
    except (ExportError, StoreError, OSError) as exc:
        raise _fail(str(exc)) from None
    err.print(f"wrote {n} events to {output} ({format.value})")


@app.command()
def serve(
    db: DbOption = Path("marsad.duckdb"),
    host: Annotated[str, typer.Option(help="Interface to bind (localhost by default).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
) -> None:
    """Serve the read-only JSON API (OpenAPI docs at /docs)."""
    from marsad.store import StoreError
    from marsad.web import serve as run

    if not db.exists():
        raise _fail(f"{db}: no such store (run `marsad ingest` first)")
    try:
        run(db, host=host, port=port)
    except StoreError as exc:
        raise _fail(str(exc)) from None


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
