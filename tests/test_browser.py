"""The web page end to end in a real browser: ``marsad serve`` on a temporary store (the seed
article plus one article carrying injected markup), driven by Debian's headless Chromium
through selenium and chromedriver (``/usr/bin/chromium``, ``/usr/bin/chromedriver``; no
browser is downloaded at run time). Also a few browser-free checks of the page's serving.

Set ``MARSAD_SCREENSHOT_DIR`` to keep the screenshot somewhere other than pytest's tmp dir.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
import warnings
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from marsad.store import Store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from marsad.web import create_app

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "examples" / "seed-article.txt"
CHROMIUM = os.environ.get("MARSAD_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("MARSAD_CHROMEDRIVER", "/usr/bin/chromedriver")

SCRIPT = "<script>window.__pwned = 1</script>"
IMG = '<img src=x onerror="window.__pwned=2">'
EVIL = {
    "id": "xss-browser",
    "title": f"{SCRIPT} Clashes in Kunduz {IMG}",
    "text": (
        "KUNDUZ, 3 March 2021 - Taliban fighters attacked an Afghan army checkpoint in Kunduz "
        f"on Tuesday, killing five soldiers {SCRIPT}, officials said. "
        f"Gunmen {IMG} killed three civilians in Kunduz on Wednesday, police said."
    ),
    "published": "2021-03-03",
    "source": f"evil {IMG} wire",
    "url": "javascript:window.__pwned=3",
}
PLACES = {
    "Palmyra": ("Palmyra", "Tadmur"),
    "Deir ez-Zor": ("Deir ez-Zor", "Dayr az Zawr"),
    "Mosul": ("Mosul",),
    "Raqqa": ("Raqqa", "Ar Raqqah"),
    "Paris": ("Paris",),
}


def _click(driver: Any, element: Any) -> None:
    """Click like a user; if an overlay (a tooltip, the status line) is in the way for a
    moment, scroll the element into view and dispatch the click to it directly."""
    from selenium.common.exceptions import ElementClickInterceptedException

    try:
        element.click()
    except ElementClickInterceptedException:
        driver.execute_script(
            "arguments[0].scrollIntoView({block: 'center'});"
            "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true, view: window}));",
            element,
        )


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SEED.exists():
        pytest.skip("../shared/examples/seed-article.txt is not here")
    folder = tmp_path_factory.mktemp("browser")
    evil = folder / "evil.jsonl"
    evil.write_text(json.dumps(EVIL) + "\n", encoding="utf-8")
    path = folder / "marsad.duckdb"
    with Store(path) as store:
        store.ingest([SEED], published=date(2017, 2, 4))
        store.ingest([evil])
    return path


# ------------------------------------------------------------------ without a browser


def test_page_and_static_files_are_served(db: Path) -> None:
    client = TestClient(create_app(db))
    page = client.get("/")
    assert page.status_code == 200
    csp = page.headers["content-security-policy"]
    directives = {d.split()[0]: d.split()[1:] for d in csp.split(";") if d.strip()}
    assert directives["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in csp
    assert "<script>" not in page.text  # only <script src=...>: nothing inline
    for url in (
        "/static/app.js",
        "/static/app.css",
        "/static/vendor/leaflet/leaflet.js",
        "/static/vendor/leaflet/leaflet.css",
        "/static/data/countries-110m.geojson",
    ):
        assert client.get(url).status_code == 200, url
    script = client.get("/static/app.js").text
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script
    assert client.get("/api").json()["page"] == "/"


def test_points_aggregate_per_place_and_type(db: Path) -> None:
    client = TestClient(create_app(db))
    body = client.get("/api/points").json()
    items = body["items"]
    assert not body["truncated"]
    total = client.get("/api/events", params={"page_size": 1}).json()["total"]
    located = sum(p["events"] for p in items)
    assert 0 < located <= total
    assert len({(p["location"], p["event_type"]) for p in items}) == len(items)
    names = {p["location"] for p in items}
    for options in PLACES.values():
        assert names & set(options), options
    one = client.get("/api/points", params={"limit": 1}).json()
    assert one["truncated"] and len(one["items"]) == 1
    dated = client.get("/api/points", params={"since": "2017-01-01"}).json()["items"]
    assert sum(p["events"] for p in dated) < located
    assert client.get("/api/points", params={"limit": 0}).status_code == 422


# ------------------------------------------------------------------ in Chromium


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(db: Path) -> Iterator[str]:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen(
        [sys.executable, "-m", "marsad.cli", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                err = proc.stderr.read().decode() if proc.stderr else ""
                pytest.fail(f"marsad serve did not start: {err[-2000:]}")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.skip(
            f"needs Debian's chromium and chromium-driver ({CHROMIUM}, {CHROMEDRIVER}): "
            "apt-get install -y chromium chromium-driver"
        )
    webdriver = pytest.importorskip("selenium.webdriver", reason="needs selenium (pip)")
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager: never download anything
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tmp_path_factory.mktemp("chromium-profile")
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1400,1300",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def _wait(driver: Any, condition: Any, timeout: float = 15, what: str = "") -> Any:
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    # the page re-renders its table while a condition reads it: an element gone stale
    # between the find and the read is polled again, not a failure
    return WebDriverWait(
        driver, timeout, poll_frequency=0.1, ignored_exceptions=(StaleElementReferenceException,)
    ).until(condition, what)


def _marker(driver: Any, options: tuple[str, ...]) -> Any:
    from selenium.webdriver.common.by import By

    for name in options:
        found = driver.find_elements(By.CSS_SELECTOR, f'.event-marker[data-location="{name}"]')
        if found:
            return found[0]
    return None


def _injected_event(base: str) -> str:
    with urllib.request.urlopen(f"{base}/api/events?since=2021-01-01&page_size=50") as r:
        items = json.loads(r.read())["items"]
    assert items, "the injected article should yield an event"
    return str(items[0]["event_id"])


def test_page_in_chromium(
    server: str, browser: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    driver = browser
    driver.get(server + "/")
    _wait(driver, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready"))
    _wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#timeline rect.bar"))
    _wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#events tbody tr"))

    # markers at the places the seed article names, each carrying its event's id
    for place, options in PLACES.items():
        marker = _marker(driver, options)
        assert marker is not None, f"no marker at {place}"
        assert marker.get_attribute("data-event-id").startswith("MRS-")
        assert marker.get_attribute("data-location") in marker.get_attribute("aria-label")

    # open an event from the map: its sentence, with the evidence spans highlighted
    paris = _marker(driver, PLACES["Paris"])
    _click(driver, paris)
    _wait(
        driver,
        lambda d: (
            d.find_element(By.ID, "detail").get_attribute("data-event-id")
            == paris.get_attribute("data-event-id")
        ),
        what="the detail panel shows the clicked marker's event",
    )
    marks = driver.find_elements(By.CSS_SELECTOR, "#detail blockquote.sentence mark")
    assert marks, "no highlighted span in the sentence"
    fields = {m.get_attribute("data-field") for m in marks}
    assert "location" in fields
    assert any(m.text == "Paris" for m in marks)
    assert all("field-" in (m.get_attribute("class") or "") for m in marks)

    # brushing the timeline: a click on a bar narrows the table and the map to its week
    before = int(driver.find_element(By.ID, "map").get_attribute("data-markers"))
    bar = driver.find_elements(By.CSS_SELECTOR, "#timeline rect.bar")[-1]
    _click(driver, bar)
    _wait(driver, lambda d: d.find_element(By.ID, "f-since").get_attribute("value"))
    _wait(
        driver,
        lambda d: int(d.find_element(By.ID, "map").get_attribute("data-markers")) < before,
        what="the brushed week has fewer markers",
    )
    _click(driver, driver.find_element(By.ID, "brush-clear"))
    _wait(
        driver,
        lambda d: int(d.find_element(By.ID, "map").get_attribute("data-markers")) == before,
        what="clearing the period restores the markers",
    )
    # dragging over the left half of the timeline (2014 to 2017) selects that period
    svg = driver.find_element(By.CSS_SELECTOR, "#timeline svg")
    width = svg.size["width"]
    ActionChains(driver).move_to_element_with_offset(
        svg, -width // 2 + 5, 0
    ).click_and_hold().move_by_offset(width // 2, 0).release().perform()
    _wait(driver, lambda d: d.find_element(By.ID, "f-until").get_attribute("value"))
    since = driver.find_element(By.ID, "f-since").get_attribute("value")
    until = driver.find_element(By.ID, "f-until").get_attribute("value")
    assert since < "2015-01-01" < "2016-01-01" < until < "2021-01-01", (since, until)
    _wait(
        driver,
        lambda d: (
            not d.find_elements(By.CSS_SELECTOR, "#events tbody tr td:first-child")
            or all(
                "2014" <= td.text < "2021"
                for td in d.find_elements(By.CSS_SELECTOR, "#events tbody tr td:first-child")
            )
        ),
        what="the table keeps only the dragged period",
    )
    assert driver.find_element(By.CSS_SELECTOR, "#timeline rect.brush").is_displayed()
    _click(driver, driver.find_element(By.ID, "brush-clear"))
    _wait(
        driver,
        lambda d: int(d.find_element(By.ID, "map").get_attribute("data-markers")) == before,
        what="clearing the period restores the markers",
    )

    # a control timeline for Palmyra (Tadmur), when marsad.control is there
    tadmur = _marker(driver, PLACES["Palmyra"])
    driver.execute_script(
        "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", tadmur
    )
    _wait(
        driver,
        lambda d: d.find_elements(By.CSS_SELECTOR, "#control table tr td, #control p"),
        what="the control panel answers",
    )

    # the injected article: its markup is shown as text, and nothing of it runs
    evil_id = _injected_event(server)
    driver.execute_script("document.querySelector('#events tbody').scrollIntoView()")
    row = driver.find_elements(By.CSS_SELECTOR, f'#events tbody tr[data-event-id="{evil_id}"]')
    assert row, "the injected event is on the first page of the table (newest first)"
    _click(driver, row[0])
    _wait(
        driver,
        lambda d: d.find_element(By.ID, "detail").get_attribute("data-event-id") == evil_id,
        what="the injected event opens",
    )
    detail = driver.find_element(By.ID, "detail")
    text = detail.text
    assert "<script>" in text, text
    assert "onerror" in text
    assert not detail.find_elements(By.TAG_NAME, "script")
    assert not detail.find_elements(By.TAG_NAME, "img")
    assert not driver.find_elements(By.CSS_SELECTOR, "#detail a[href^='javascript']")
    time.sleep(0.3)  # give any injected handler the chance to fire
    assert driver.execute_script("return typeof window.__pwned") == "undefined"
    folder = Path(os.environ.get("MARSAD_SCREENSHOT_DIR") or tmp_path_factory.mktemp("shots"))
    folder.mkdir(parents=True, exist_ok=True)
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(str(folder / "marsad-injected.png"))

    # a screenshot of the whole page, with the Paris event open
    paris = _marker(driver, PLACES["Paris"])
    driver.execute_script("window.scrollTo(0, 0)")
    _click(driver, paris)
    _wait(
        driver,
        lambda d: (
            d.find_element(By.ID, "detail").get_attribute("data-event-id")
            == paris.get_attribute("data-event-id")
        ),
    )
    shot = folder / "marsad-page.png"
    assert driver.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000
    print(f"screenshot: {shot}")

    # no CSP violation, no script error; a 404 from /api/control (a place without a control
    # timeline, which the panel reports) and the missing favicon are expected
    errors = [
        e["message"]
        for e in driver.get_log("browser")
        if e.get("level") == "SEVERE"
        and "favicon" not in e["message"]
        and not ("/api/control?" in e["message"] and "404" in e["message"])
    ]
    assert not errors, errors
