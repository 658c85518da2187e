"""The Routekaart phases: forward one at a time, back when safety is lost, and
every change says why, with the score and what the children said."""

import datetime as dt

from django.core.exceptions import ValidationError

import pytest
import time_machine

from kindveilig.access.actor import Actor
from kindveilig.households.models import Household, Phase, PhaseChange
from kindveilig.households.selectors import phase_durations
from kindveilig.households.services import ConflictError, case_close, phase_change

pytestmark = [pytest.mark.django_db]


def move(
    actor: Actor, household: Household, to: Phase, **overrides: object
) -> PhaseChange:
    case = household.cases.get()
    fields: dict[str, object] = {
        "reason": "Veiligheidsplan werkt; geen nieuwe incidenten.",
        "safety_score": 6,
        "children_said": "Sam: 'Het is rustiger thuis.'",
        "expected_version": case.version,
    }
    fields.update(overrides)
    return phase_change(actor=actor, case=case, to_phase=to, **fields)  # type: ignore[arg-type]


def test_a_phase_change_records_why_the_score_and_the_children(
    lt: Actor, household: Household
) -> None:
    change = move(lt, household, Phase.STABIELE_VEILIGHEID)
    change.refresh_from_db()
    assert change.from_phase == Phase.DIRECTE_VEILIGHEID
    assert change.safety_score == 6
    assert "rustiger" in change.children_said
    case = household.cases.get()
    assert case.phase == Phase.STABIELE_VEILIGHEID
    assert case.version == 2


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("reason", " "),
        ("safety_score", None),
        ("safety_score", 11),
        ("children_said", ""),
    ],
)
def test_a_phase_change_needs_every_part(
    lt: Actor, household: Household, field: str, value: object
) -> None:
    with pytest.raises(ValidationError) as info:
        move(lt, household, Phase.STABIELE_VEILIGHEID, **{field: value})
    assert field in info.value.message_dict
    assert household.cases.get().phase == Phase.DIRECTE_VEILIGHEID


def test_phases_go_forward_one_at_a_time_and_back_to_any(
    lt: Actor, household: Household
) -> None:
    with pytest.raises(ValidationError):
        move(lt, household, Phase.HERSTEL)
    move(lt, household, Phase.STABIELE_VEILIGHEID)
    move(lt, household, Phase.HERSTEL)
    move(lt, household, Phase.DIRECTE_VEILIGHEID, reason="Nieuw incident.")
    assert household.cases.get().phase == Phase.DIRECTE_VEILIGHEID
    with pytest.raises(ValidationError):
        move(lt, household, Phase.DIRECTE_VEILIGHEID)


def test_a_stale_form_is_a_conflict(lt: Actor, household: Household) -> None:
    stale = household.cases.get().version
    move(lt, household, Phase.STABIELE_VEILIGHEID)
    with pytest.raises(ConflictError):
        move(lt, household, Phase.HERSTEL, expected_version=stale)


def test_only_the_regievoerder_changes_the_phase(
    household: Household, prof: Actor, lt_colleague: Actor
) -> None:
    for actor in (prof, lt_colleague):
        with pytest.raises(ValidationError):
            move(actor, household, Phase.STABIELE_VEILIGHEID)


def test_a_closed_case_does_not_change_phase(lt: Actor, household: Household) -> None:
    case = household.cases.get()
    case_close(
        actor=lt, case=case, reason="Stabiel veilig.", expected_version=case.version
    )
    with pytest.raises(ValidationError):
        move(lt, household, Phase.STABIELE_VEILIGHEID)


def test_the_case_shows_how_long_it_was_in_each_phase(
    lt: Actor, household: Household
) -> None:
    start = household.cases.get().phase_since
    with time_machine.travel(start + dt.timedelta(days=10), tick=False):
        move(lt, household, Phase.STABIELE_VEILIGHEID)
    with time_machine.travel(start + dt.timedelta(days=40), tick=False):
        move(lt, household, Phase.DIRECTE_VEILIGHEID, reason="Terugval.")
    changes = list(household.cases.get().phase_changes.all())
    periods = {
        p.phase: p.days
        for p in phase_durations(changes, until=start + dt.timedelta(days=45))
    }
    assert periods == {
        Phase.DIRECTE_VEILIGHEID: 10 + 5,
        Phase.STABIELE_VEILIGHEID: 30,
    }
