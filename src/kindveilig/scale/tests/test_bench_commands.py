"""The benchmark's helpers: logged-in users, EXPLAIN timings, signal timings, and
the floor page, which exists only in the benchmark's URLconf."""

import json
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.test import Client, override_settings

import pytest

from kindveilig.organisations.models import OrganisationType
from kindveilig.scale.generator import generate_population

pytestmark = [pytest.mark.django_db]


@pytest.fixture
def population() -> None:
    generate_population(
        children=200,
        trajectories=60,
        years=1,
        types=[OrganisationType.PRIMARY_SCHOOL, OrganisationType.JGZ],
    )


@pytest.mark.usefixtures("population")
def test_bench_sessions_log_in_users_who_can_open_their_pages(tmp_path: Path) -> None:
    out = tmp_path / "users.json"
    call_command("bench_sessions", "--users", "4", "--out", str(out), stdout=StringIO())
    users = json.loads(out.read_text())
    assert users
    client = Client()
    client.cookies["sessionid"] = users[0]["session"]
    response = client.get(f"/trajecten/{users[0]['trajectory']}/")
    assert response.status_code == 200


@pytest.mark.usefixtures("population")
def test_bench_explain_times_the_main_queries(tmp_path: Path) -> None:
    out = tmp_path / "explain.json"
    call_command("bench_explain", "--out", str(out), stdout=StringIO())
    result = json.loads(out.read_text())
    names = [query["name"] for query in result["queries"]]
    assert "trajectory list: page of 50" in names
    assert all(query["execution_ms"] >= 0 for query in result["queries"])


@pytest.mark.usefixtures("population")
def test_bench_signals_times_registration_with_a_match(tmp_path: Path) -> None:
    out = tmp_path / "signals.json"
    call_command("bench_signals", "--count", "3", "--out", str(out), stdout=StringIO())
    result = json.loads(out.read_text())
    if result is not None:
        assert result["count"] >= 1
        assert result["with_match_p95_ms"] > 0


@override_settings(ROOT_URLCONF="kindveilig.scale.bench_urls")
@pytest.mark.usefixtures("population")
def test_the_floor_renders_the_base_template_for_a_logged_in_user(
    tmp_path: Path,
) -> None:
    out = tmp_path / "users.json"
    call_command("bench_sessions", "--users", "1", "--out", str(out), stdout=StringIO())
    client = Client()
    client.cookies["sessionid"] = json.loads(out.read_text())[0]["session"]
    response = client.get("/bench/floor/")
    assert response.status_code == 200
    assert b"kv-footer" in response.content
    assert Client().get("/bench/floor/").status_code == 302
