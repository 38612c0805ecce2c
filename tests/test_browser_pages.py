"""The pages in a real headless Chromium (Debian's chromium + chromedriver, driven by Selenium).

Starts the app with uvicorn on a free loopback port over a temporary store of the sample
articles, loads every page, filters the events table, clicks through from an event to its
article, hovers a highlight, runs the live extraction, and saves screenshots under
``tests/screenshots/`` (gitignored). Skipped when chromium, chromedriver or selenium is absent.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from marsad.settings import Settings
from marsad.web.app import create_app
from webstore import build_store

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
SHOTS = Path(__file__).resolve().parent / "screenshots"
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--window-size=1366,900",
)

if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
    pytest.skip("Debian's chromium and chromium-driver are not installed", allow_module_level=True)
webdriver = pytest.importorskip("selenium.webdriver")
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    db = build_store(tmp_path_factory.mktemp("browser") / "store.db")
    app = create_app(Settings(), db)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the web server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in FLAGS:
        opts.add_argument(flag)
    opts.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chrome-profile')}")
    drv = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    drv.set_page_load_timeout(60)
    SHOTS.mkdir(exist_ok=True)
    yield drv
    drv.quit()


def _shot(driver: Any, name: str) -> Path:
    height = int(driver.execute_script("return document.body.scrollHeight"))
    driver.set_window_size(1366, min(max(height + 120, 700), 2400))
    path = SHOTS / f"{name}.png"
    driver.save_screenshot(str(path))
    driver.set_window_size(1366, 900)
    return path


def _wait(driver: Any, cond: Any, timeout: float = 20) -> Any:
    return WebDriverWait(driver, timeout).until(cond)


@pytest.mark.parametrize(
    ("name", "url", "ready"),
    [
        ("home", "/", "main h1"),
        ("search", "/search?q=Putin", ".hit"),
        ("articles", "/articles", "table.data"),
        ("article", "/articles/demo-call", "#article-text .a"),
        ("events", "/events", "#events-table tbody tr"),
        ("actors", "/actors", "table.data tbody tr"),
        ("actor", "/actors/actor:erdogan_recep_tayyip", ".timeline, .bar"),
        ("network", "/network", "#network[data-ready] .node"),
        ("map", "/map", "#map[data-ready] .land"),
        ("extract", "/extract", "#x-content"),
        ("api", "/api", "table.data"),
    ],
)
def test_browser_pages_load(driver: Any, base_url: str, name: str, url: str, ready: str) -> None:
    driver.get(base_url + url)
    _wait(driver, ec.presence_of_element_located((By.CSS_SELECTOR, ready)))
    assert driver.title.endswith("· Marsad")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("dir") == "rtl"
    logs = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
    assert not logs, logs
    assert _shot(driver, name).stat().st_size > 10_000


def test_browser_events_filter_then_click_through_to_the_article(driver: Any, base_url: str) -> None:
    driver.get(base_url + "/events")
    Select(driver.find_element(By.ID, "f-type")).select_by_value("ASSAULT")  # submits the form on change
    _wait(driver, ec.url_contains("type=ASSAULT"))
    rows = driver.find_elements(By.CSS_SELECTOR, "#events-table tbody tr")
    assert rows and {r.get_attribute("data-type") for r in rows} == {"ASSAULT"}
    _shot(driver, "events-filtered")
    link = driver.find_element(By.CSS_SELECTOR, 'a.evlink[href="/articles/demo-call#ev3"]')
    link.click()
    _wait(driver, ec.url_contains("/articles/demo-call#ev3"))
    marked = _wait(driver, ec.presence_of_all_elements_located((By.CSS_SELECTOR, '#article-text .a.hl')))
    assert all("ev3" in m.get_attribute("data-ids").split() for m in marked)
    assert "hl" in driver.find_element(By.ID, "side-ev3").get_attribute("class")
    _shot(driver, "article-from-event")


def test_browser_hover_shows_why_an_event_was_coded(driver: Any, base_url: str) -> None:
    driver.get(base_url + "/articles/demo-call")
    span = _wait(driver, ec.presence_of_element_located((By.CSS_SELECTOR, '#article-text .evp[data-ids~="ev1"]')))
    ActionChains(driver).move_to_element(span).perform()
    tip = _wait(driver, ec.visibility_of_element_located((By.ID, "tip")))
    assert "consult:ajra_ittisal" in tip.text and "CONSULT" in tip.text
    _shot(driver, "article-hover")


def test_browser_live_extraction(driver: Any, base_url: str) -> None:
    driver.get(base_url + "/extract")
    box = driver.find_element(By.ID, "x-content")
    box.send_keys("استقبل العاهل الأردني الملك عبد الله الثاني وزير الخارجية المصري سامح شكري في عمّان أمس الاثنين.")
    driver.find_element(By.ID, "x-published").send_keys("2024-01-09")
    driver.find_element(By.ID, "x-run").click()
    _wait(driver, ec.presence_of_element_located((By.CSS_SELECTOR, "#extract-result #article-text")), 60)
    assert "عمّان" in driver.find_element(By.ID, "article-text").text
    _shot(driver, "extract-result")


def test_browser_markup_in_an_article_is_shown_as_text(driver: Any, base_url: str) -> None:
    driver.get(base_url + "/articles/xss-test")
    text = _wait(driver, ec.presence_of_element_located((By.ID, "article-text"))).text
    assert "<script>alert(1)</script>" in text and "<img src=x onerror=alert(2)>" in text
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018
    assert not driver.find_elements(By.CSS_SELECTOR, "#article-text script, #article-text img, #article-text b")
    _shot(driver, "article-markup")
