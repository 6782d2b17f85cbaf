"""Headless Chromium for the HTML report: the browser tests and the report screenshot.

Drives Debian's ``chromium`` with its ``chromedriver`` (package ``chromium-driver``)
through Selenium; nothing is downloaded (Selenium Manager is bypassed by naming the
driver). To screenshot the seed corpus' report at laptop size::

    .venv/bin/python -m tests.browser reports/seed-report.png
"""

from __future__ import annotations

import base64
import importlib.util
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from selenium.webdriver.chrome.webdriver import WebDriver

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)
SHARED = Path(__file__).resolve().parents[2] / "shared"


def browser_path() -> str | None:
    return next((p for p in map(shutil.which, BROWSERS) if p), None)


def missing() -> str | None:
    """Why a headless browser cannot be started here, or None when it can."""
    if importlib.util.find_spec("selenium") is None:
        return "selenium is not installed (pip install selenium)"
    if browser_path() is None:
        return "no chromium on PATH (apt-get install chromium)"
    if shutil.which("chromedriver") is None:
        return "no chromedriver on PATH (apt-get install chromium-driver)"
    return None


@contextmanager
def chromium(width: int = 1366, height: int = 900) -> Iterator[WebDriver]:
    """A headless Chromium window of ``width`` x ``height`` CSS pixels, with a fresh
    profile that is removed afterwards."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    browser, driver_path = browser_path(), shutil.which("chromedriver")
    if browser is None or driver_path is None:
        raise RuntimeError(missing())
    with tempfile.TemporaryDirectory(prefix="crosscheck-chromium-") as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = browser
        for flag in (*FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}"):
            options.add_argument(flag)
        driver = webdriver.Chrome(options=options, service=Service(executable_path=driver_path))
        try:
            yield driver
        finally:
            driver.quit()


def screenshot_full_page(driver: WebDriver, path: Path) -> None:
    """Save the whole page (not only the window) as a PNG at ``path``."""
    size = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
    clip = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": clip}
    )
    path.write_bytes(base64.b64decode(shot["data"]))


def main(argv: list[str]) -> int:
    """Render the seed corpus' report to HTML and screenshot it at 1366 px wide."""
    from crosscheck.html_report import to_html
    from crosscheck.pipeline import build_report

    if len(argv) != 1:
        print("usage: python -m tests.browser OUT.png", file=sys.stderr)
        return 2
    reason = missing()
    if reason:
        print(reason, file=sys.stderr)
        return 1
    report = build_report(sorted((SHARED / "corpus" / "seeds").glob("*.txt")))
    with tempfile.TemporaryDirectory() as tmp, chromium() as driver:
        page = Path(tmp) / "report.html"
        page.write_text(to_html(report), encoding="utf-8")
        driver.get(page.as_uri())
        screenshot_full_page(driver, Path(argv[0]))
    print(f"wrote {argv[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
