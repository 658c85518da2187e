"""The main meldcode pages show each child's age (issue 12, part 8).

The scenarios give the child a date of birth of 14 March 2016; on 1 June 2026
the child is 10. Time is frozen so the expected age never drifts."""

import datetime as dt
from collections.abc import Callable

from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse

import pytest
import time_machine
from conftest import Persona

from kindveilig.meldcode import scenarios
from kindveilig.meldcode.melding_document import melding_document_build

Login = Callable[[Client, Persona], Client]
pytestmark = [pytest.mark.django_db]

NOW = dt.datetime(2026, 6, 1, 10, 0, tzinfo=dt.UTC)
AGE = "Sam (demo) Voorbeeldmans (10 jaar)"


@time_machine.travel(NOW, tick=False)
def test_the_trajectory_list_and_detail_show_the_childs_age(
    client: Client, login: Login, aandachtsfunctionaris: Persona, professional: Persona
) -> None:
    trajectory = scenarios.at_step_4(professional.actor)
    login(client, aandachtsfunctionaris)
    listing = client.get(reverse("meldcode:trajectory-list")).content.decode()
    assert AGE in listing
    detail = client.get(
        reverse("meldcode:trajectory-detail", args=[trajectory.public_id])
    ).content.decode()
    assert AGE in detail
    # The conversation with the child names the child with the age too.
    assert detail.count("(10 jaar)") >= 2
    deadlines = client.get(reverse("meldcode:deadlines")).content.decode()
    assert "Sam (demo) (10 jaar)" in deadlines


@time_machine.travel(NOW, tick=False)
def test_the_melding_document_shows_the_childs_age(
    professional: Persona, aandachtsfunctionaris: Persona
) -> None:
    melding = scenarios.melded(professional.actor, aandachtsfunctionaris.actor)
    document = melding_document_build(trajectory=melding.trajectory, melding=melding)
    (child,) = document.people.children
    assert child.age == "10 jaar"
    html = render_to_string(
        "meldcode/melding_pdf.html", {"doc": document, "language": "nl"}
    )
    assert "14 maart 2016 (10 jaar)" in html
