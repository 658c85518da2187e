"""The benchmark's helpers: logged-in users, EXPLAIN timings, signal timings, and
the floor page, which exists only in the benchmark's URLconf."""

import json
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone

import pytest

from kindveilig.kansrijkestart.models import StartSignal
from kindveilig.organisations.models import OrganisationType
from kindveilig.scale.generator import generate_population
from kindveilig.verwijsindex.models import Match

pytestmark = [pytest.mark.django_db]


@pytest.fixture
def population() -> None:
    generate_population(
        children=300,
        trajectories=120,
        years=2,
        types=[
            OrganisationType.PRIMARY_SCHOOL,
            OrganisationType.JGZ,
            OrganisationType.LOKAAL_TEAM,
        ],
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
def test_bench_users_open_the_household_timeline_and_find_a_child(
    tmp_path: Path,
) -> None:
    out = tmp_path / "users.json"
    call_command("bench_sessions", "--users", "6", "--out", str(out), stdout=StringIO())
    users = json.loads(out.read_text())
    with_household = [user for user in users if user["household"]]
    assert with_household
    assert all(user["role"] == "lokaal_team_medewerker" for user in with_household)
    for user in users:
        client = Client()
        client.cookies["sessionid"] = user["session"]
        pages = [
            f"/trajecten/{user['trajectory']}/",
            f"/trajecten/{user['trajectory']}/chronologie/",
            f"/api/v1/trajectories/{user['trajectory']}/",
        ]
        if user["household"]:
            pages.append(f"/huishoudens/{user['household']}/tijdlijn/")
        for page in pages:
            assert client.get(page).status_code == 200, (user["role"], page)
        for query in (user["child_name"], user["child_bsn"]):
            response = client.post("/personen/", {"q": query})
            assert response.status_code == 200
            assert response.context["results"], (user["role"], query)


@pytest.mark.usefixtures("population")
def test_bench_explain_times_the_main_queries(tmp_path: Path) -> None:
    out = tmp_path / "explain.json"
    call_command("bench_explain", "--out", str(out), stdout=StringIO())
    result = json.loads(out.read_text())
    names = [query["name"] for query in result["queries"]]
    assert {
        "trajectory list (open tab): page of 50",
        "trajectory list (all): count",
        "child search: by BSN (blind index)",
    } <= set(names)
    assert all(query["execution_ms"] >= 0 for query in result["queries"])


@pytest.mark.usefixtures("population")
def test_bench_signals_times_registration_with_a_match(tmp_path: Path) -> None:
    out = tmp_path / "signals.json"
    matches_before = Match.objects.count()
    call_command("bench_signals", "--count", "3", "--out", str(out), stdout=StringIO())
    result = json.loads(out.read_text())
    assert result["count"] == 3
    assert result["with_match_p95_ms"] > 0
    # The breakdown: the statements of one registration with a match (locks, the
    # signal, the match, its notices, notification, task, audit) and their time.
    assert result["with_match_statements"] >= 10
    assert 0 < result["with_match_sql_median_ms"] < result["with_match_median_ms"]
    # Reserved BSNs: the first registration matched nothing, the second exactly one.
    assert Match.objects.count() - matches_before == 3
    # A second run takes BSNs that have no active signal yet: again one match each.
    call_command("bench_signals", "--count", "2", "--out", str(out), stdout=StringIO())
    assert Match.objects.count() - matches_before == 5


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


@pytest.mark.usefixtures("population")
def test_bench_monitor_times_the_refresh_the_dashboard_and_a_letter(
    tmp_path: Path,
) -> None:
    out = tmp_path / "monitor.json"
    call_command("bench_monitor", "--out", str(out), stdout=StringIO())
    result = json.loads(out.read_text())
    assert result["full_counts"] > 0
    assert result["incremental_cells"] >= 1  # the one trajectory's month and place
    assert result["incremental_counts"] >= 1
    assert len(result["dashboard"]) == 6
    assert all(t["p95_ms"] >= t["median_ms"] > 0 for t in result["dashboard"].values())
    assert set(result["letters"]) == {
        "region, latest month",
        "municipality, quarter",
        "region, year",
    }


@pytest.fixture
def kansrijke_population() -> None:
    """A thousandth of the country over two years: 33 Kansrijke Start signals."""
    generate_population(
        children=3300,
        trajectories=200,
        years=2,
        types=[OrganisationType.JGZ, OrganisationType.LOKAAL_TEAM],
    )


# What scripts/bench/locustfile.py posts as the JGZ nurse (kept the same).
CONTACT_POST = {
    "kind": "extra_contact",
    "routine_question_asked": "on",
    "routine_answer": "no_violence",
    "parent_words": "Het gaat beter met de rekeningen (synth.).",
    "went_well": "Rustig gesprek (synth.).",
    "protective_factors": "accepts_help",
    "next_step": "regular_schedule",
}


@pytest.mark.usefixtures("kansrijke_population")
def test_bench_jgz_nurses_open_their_pages_and_record_a_contact(
    tmp_path: Path,
) -> None:
    out = tmp_path / "users.json"
    call_command(
        "bench_sessions", "--users", "10", "--out", str(out), stdout=StringIO()
    )
    nurses = [user for user in json.loads(out.read_text()) if user["ks_signal"]]
    assert nurses
    signal = StartSignal.objects.get(public_id=nurses[0]["ks_signal"])
    before = signal.contact_moments.count()
    client = Client()
    client.cookies["sessionid"] = nurses[0]["session"]
    for page in (
        "/kansrijke-start/te-volgen/",
        f"/kansrijke-start/signalen/{signal.public_id}/",
        f"/kansrijke-start/signalen/{signal.public_id}/contactmoment/",
    ):
        assert client.get(page).status_code == 200, page
    response = client.post(
        f"/kansrijke-start/signalen/{signal.public_id}/contactmoment/",
        {**CONTACT_POST, "happened_on": timezone.localdate().isoformat()},
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    assert signal.contact_moments.count() == before + 1


@pytest.mark.usefixtures("kansrijke_population")
def test_bench_explain_times_the_nurses_list(tmp_path: Path) -> None:
    out = tmp_path / "explain.json"
    call_command("bench_explain", "--out", str(out), stdout=StringIO())
    names = {query["name"] for query in json.loads(out.read_text())["queries"]}
    assert {
        "Kansrijke Start follow-up list: page of 50",
        "Kansrijke Start follow-up list: count",
        "Kansrijke Start signal: its contact moments",
    } <= names
