"""``manage.py youth_page_weights``: the file the benchmark report reads."""

import json
from pathlib import Path

from django.core.management import call_command

import pytest

from kindveilig.youth.public.language import YOUTH_LANGUAGES

pytestmark = pytest.mark.django_db


def test_the_command_weighs_every_page_in_every_language(tmp_path: Path) -> None:
    out = tmp_path / "weights.json"
    call_command("youth_page_weights", out=out, stdout=None)
    rows = json.loads(out.read_text())
    assert {row["language"] for row in rows} == set(YOUTH_LANGUAGES)
    pages = {row["page"] for row in rows}
    assert {"write", "receipt-urgent", "conversation", "help-list"} <= pages
    assert len(rows) == len(pages) * len(YOUTH_LANGUAGES)
    assert all(row["html_bytes"] > 1000 and row["asset_bytes"] > 0 for row in rows)
