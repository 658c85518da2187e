"""The API list's rows: written out for speed, the same as DRF's generic walk,
and loading only what they show."""

import datetime as dt
from typing import Any

from django.test import Client
from django.utils import timezone

import pytest
from conftest import Persona
from rest_framework import serializers

from kindveilig.api.meldcode.serializers import TrajectoryListSerializer
from kindveilig.core import crypto
from kindveilig.meldcode import scenarios
from kindveilig.meldcode.models.choices import FormOfViolence, Origin, Relation
from kindveilig.meldcode.selectors import trajectory_page_for
from kindveilig.meldcode.services import trajectory_start
from kindveilig.meldcode.services.trajectories import (
    ChildInput,
    InvolvedInput,
    StartInput,
)

from .conftest import Login, url

pytestmark = [pytest.mark.django_db]


def _noor() -> ChildInput:
    """A child with a date of birth and a BSN (fictitious: a test number)."""
    return ChildInput(
        given_name="Noor",
        family_name="Test",
        date_of_birth=dt.date(2019, 5, 1),
        bsn="111222333",
    )


def _two_children(persona: Persona) -> None:
    """Two children, one without a date of birth, and a BSN."""
    trajectory_start(
        actor=persona.actor,
        data=StartInput(
            origin=Origin.WORRY,
            worry="Twee kinderen, een zonder geboortedatum.",
            forms_of_violence=[FormOfViolence.PHYSICAL],
            children=[
                _noor(),
                ChildInput(given_name="Ties", family_name="Test", date_of_birth=None),
            ],
            involved=[
                InvolvedInput(
                    given_name="Ouder", family_name="Test", relation=Relation.MOTHER
                )
            ],
        ),
    )


def _generic(rows: list[Any]) -> list[dict[str, Any]]:
    """What DRF's ModelSerializer makes of the rows, field by field."""
    reference = TrajectoryListSerializer()
    return [
        dict(serializers.ModelSerializer.to_representation(reference, row))
        for row in rows
    ]


@pytest.mark.parametrize("zone", ["Europe/Amsterdam", "UTC"])
def test_a_written_out_row_equals_the_generic_one(
    zone: str, professional: Persona, aandachtsfunctionaris: Persona
) -> None:
    me = professional.actor
    scenarios.start(me)
    _two_children(professional)
    scenarios.acute(me)
    scenarios.closed_no_suspicion(me)
    with timezone.override(zone):
        page = trajectory_page_for(
            actor=aandachtsfunctionaris.actor, page_number=1, next_actions=False
        )
        rows = list(page)
        written = [dict(row) for row in TrajectoryListSerializer(rows, many=True).data]
        assert written == _generic(rows)
    assert len(written) == 4
    assert any(
        child["date_of_birth"] is None for r in written for child in r["children"]
    )
    assert {r["status"] for r in written} >= {"open", "closed"}
    assert any(r["is_acute"] for r in written)
    if zone == "UTC":
        assert written[0]["created_at"].endswith("Z")
    else:
        assert written[0]["created_at"][-6:] in ("+01:00", "+02:00")


def _decryptions_for_list(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> tuple[int, int]:
    calls = []
    original = crypto.decrypt_text

    def counting(value: str) -> str:
        calls.append(value)
        return original(value)

    monkeypatch.setattr(crypto, "decrypt_text", counting)
    response = client.get(url("trajectory-list"))
    monkeypatch.setattr(crypto, "decrypt_text", original)
    assert response.status_code == 200
    return len(calls), len(response.json()["results"])


def test_the_list_decrypts_only_the_names_and_dates_it_shows(
    client: Client,
    login: Login,
    professional: Persona,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Per row one child: its given name, family name and date of birth; not
    the child's BSN, nor the trajectory's worry, kindcheck notes or agreements."""
    me = professional.actor
    login(client, professional)
    scenarios.start(me, bsn="111222333")
    with_one, rows = _decryptions_for_list(client, monkeypatch)
    assert rows == 1
    for _ in range(3):
        scenarios.start(me, bsn="111222333")
    with_four, rows = _decryptions_for_list(client, monkeypatch)
    assert rows == 4
    assert with_four - with_one == 3 * 3


def _with_involved(persona: Persona, count: int) -> Any:
    return trajectory_start(
        actor=persona.actor,
        data=StartInput(
            origin=Origin.WORRY,
            worry="Zorgen.",
            forms_of_violence=[FormOfViolence.PHYSICAL],
            children=[_noor()],
            involved=[
                InvolvedInput(
                    given_name=f"Ouder {index}",
                    family_name="Test",
                    relation=Relation.MOTHER,
                )
                for index in range(count)
            ],
        ),
    )


def _decryptions_for(
    client: Client, path: str, monkeypatch: pytest.MonkeyPatch
) -> tuple[int, Any]:
    calls = []
    original = crypto.decrypt_text

    def counting(value: str) -> str:
        calls.append(value)
        return original(value)

    monkeypatch.setattr(crypto, "decrypt_text", counting)
    response = client.get(path)
    monkeypatch.setattr(crypto, "decrypt_text", original)
    assert response.status_code == 200
    return len(calls), response.json()


def test_the_detail_decrypts_of_each_involved_person_the_names_only(
    client: Client,
    login: Login,
    professional: Persona,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Not the involved person's BSN or date of birth, nor their child's
    names, date of birth or BSN (the child is shown once, in ``children``)."""
    login(client, professional)
    one = _with_involved(professional, 1)
    three = _with_involved(professional, 3)
    with_one, body = _decryptions_for(
        client, url("trajectory-detail", one.public_id), monkeypatch
    )
    assert len(body["involved"]) == 1
    with_three, body = _decryptions_for(
        client, url("trajectory-detail", three.public_id), monkeypatch
    )
    assert [row["given_name"] for row in body["involved"]] == [
        "Ouder 0",
        "Ouder 1",
        "Ouder 2",
    ]
    assert {row["child"] for row in body["involved"]} == {
        body["children"][0]["public_id"]
    }
    assert with_three - with_one == 2 * 2
