"""Browser tests: Playwright driving Debian's Chromium (no browser downloads here)."""

import os
from typing import Any

import pytest

CHROMIUM = os.environ.get("PLAYWRIGHT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# live_server runs in a thread beside Playwright's sync API.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser_type_launch_args(
    browser_type_launch_args: dict[str, Any],
) -> dict[str, Any]:
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_context_args, "locale": "nl-NL"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


# --- The results for the accessibility statement ---------------------------------
# With KINDVEILIG_AXE_RESULTS=<file> (``make accessibility-results``), every axe
# run of the browser tests is recorded: the page's path, how many rules passed,
# how many were violated. The statement page (portal/accessibility.py) shows the
# committed file, so the statement says what the tests found, page by page.

AXE_RESULTS = os.environ.get("KINDVEILIG_AXE_RESULTS", "")
_recorded: dict[str, dict[str, Any]] = {}


@pytest.fixture(autouse=True, scope="session")
def _record_axe_runs() -> Any:
    if not AXE_RESULTS:
        yield
        return
    from urllib.parse import urlsplit

    from axe_playwright_python.sync_playwright import Axe

    run = Axe.run

    def recording_run(self: Any, page: Any, *args: Any, **kwargs: Any) -> Any:
        results = run(self, page, *args, **kwargs)
        path = urlsplit(page.url).path
        lang = page.evaluate("document.documentElement.lang")
        response = results.response
        _recorded[f"{path} ({lang})"] = {
            "path": path,
            "language": lang,
            "passed_rules": len(response["passes"]),
            "violations": len(response["violations"]),
            "axe_version": response.get("testEngine", {}).get("version", ""),
        }
        return results

    Axe.run = recording_run  # type: ignore[method-assign]
    try:
        yield
    finally:
        Axe.run = run  # type: ignore[method-assign]
        write_axe_results(AXE_RESULTS, _recorded)


def write_axe_results(target: str, recorded: dict[str, dict[str, Any]]) -> None:
    import datetime as dt
    import json
    import re
    from pathlib import Path

    pages = []
    for key in sorted(recorded):
        row = dict(recorded[key])
        # A token in a path (a page shown once) says nothing: keep the shape.
        row["path"] = re.sub(r"/[A-Za-z0-9_-]{30,}/", "/<token>/", row["path"])
        pages.append(row)
    today = dt.datetime.now(dt.UTC).date().isoformat()
    unique: dict[tuple[str, str], dict[str, Any]] = {}
    earlier = Path(target)
    if earlier.exists():  # a part of the browser tests run today adds its pages
        data = json.loads(earlier.read_text(encoding="utf-8"))
        if data.get("tested_on") == today:
            unique = {(p["path"], p["language"]): p for p in data["pages"]}
    unique.update({(p["path"], p["language"]): p for p in pages})
    Path(target).write_text(
        json.dumps(
            {
                "tested_on": today,
                "standard": "WCAG 2.2 AA (axe-core tags wcag2a, wcag2aa, wcag21a, "
                "wcag21aa, wcag22aa)",
                "pages": sorted(
                    unique.values(), key=lambda p: (p["path"], p["language"])
                ),
            },
            indent=1,
            ensure_ascii=False,
        )
        + "\n"
    )
