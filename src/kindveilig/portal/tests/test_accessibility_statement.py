"""The accessibility statement: public, with the status and the axe results."""

import json
from pathlib import Path

from django.test import Client, override_settings
from django.urls import reverse

import pytest

from kindveilig.portal import accessibility
from kindveilig.portal.accessibility import axe_results

pytestmark = pytest.mark.django_db


def _results(tmp_path: Path, violations: int) -> Path:
    path = tmp_path / "results.json"
    path.write_text(
        json.dumps(
            {
                "tested_on": "2026-12-04",
                "standard": "WCAG 2.2 AA",
                "pages": [
                    {
                        "path": "/praat/ar/",
                        "language": "ar",
                        "passed_rules": 31,
                        "violations": 0,
                    },
                    {
                        "path": "/login/",
                        "language": "nl",
                        "passed_rules": 28,
                        "violations": violations,
                    },
                ],
            }
        )
    )
    return path


def test_the_statement_is_public_and_shows_the_results_page_by_page(
    client: Client, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(accessibility, "RESULTS_FILE", _results(tmp_path, 0))
    monkeypatch.setattr(
        "kindveilig.portal.views.axe_results",
        lambda: axe_results(accessibility.RESULTS_FILE),
    )
    with override_settings(KINDVEILIG_OPERATOR_NAME="Gemeente Proefdorp"):
        response = client.get(reverse("accessibility-statement"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Gemeente Proefdorp" in page
    assert "C - eerste maatregelen genomen" in page
    assert "<code>/praat/ar/</code>" in page
    assert "Er zijn geen problemen gevonden." in page or "geen problemen" in page


def test_problems_found_are_counted(tmp_path: Path) -> None:
    results = axe_results(_results(tmp_path, 2))
    assert results is not None
    assert results.violations == 2
    assert [p.path for p in results.pages] == ["/praat/ar/", "/login/"]


def test_an_unknown_status_falls_back_to_c() -> None:
    with override_settings(KINDVEILIG_ACCESSIBILITY_STATUS="Z"):
        assert accessibility.status()[0] == "C"
    with override_settings(KINDVEILIG_ACCESSIBILITY_STATUS="b"):
        assert accessibility.status()[0] == "B"


def test_the_committed_results_cover_the_childrens_pages_without_problems() -> None:
    results = axe_results()
    assert results is not None, (
        "run: scripts/with_postgres.sh make accessibility-results"
    )
    languages = {
        page.language for page in results.pages if page.path.startswith("/praat/")
    }
    assert languages >= {"nl", "en", "ar", "tr", "pl", "uk"}
    assert results.violations == 0
