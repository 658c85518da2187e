"""The household timeline shows every kind of case record there is (each kind is
queried only when a case has one), with the reasons and decisions for the regie
and without them for a chain partner."""

import datetime as dt

import pytest

from kindveilig.access.actor import Actor
from kindveilig.households.chronology import TimelineItem, household_timeline
from kindveilig.households.models import Household, ItemKind, PartnerKind, Phase
from kindveilig.households.selectors import household_access_for
from kindveilig.households.services import (
    ItemInput,
    MappingInput,
    ScoreInput,
    mapping_record,
    meeting_add,
    partner_add,
    phase_change,
    plan_version_create,
)

pytestmark = [pytest.mark.django_db]

REASON = "Geen incidenten meer sinds de training."
DECISIONS = "Besluit: vader start met de training."
PLAN_NOTE = "Eerste versie."


def timeline(actor: Actor, household: Household) -> list[TimelineItem]:
    access = household_access_for(actor=actor, public_id=household.public_id)
    return household_timeline(actor=actor, access=access)


def _records(lt: Actor, prof: Actor, household: Household) -> None:
    case = household.cases.get()
    partner_add(
        actor=lt,
        case=case,
        kind=PartnerKind.SCHOOL,
        organisation=prof.organisation,
        contact_name="Juf (test)",
        takes_on="Signalen in de klas.",
    )
    mapping_record(
        actor=lt,
        case=case,
        data=MappingInput(
            assessed_on=dt.date(2026, 11, 1),
            harm="Blauwe plekken.",
            danger="Opnieuw geslagen worden.",
            next_steps="Training vader.",
        ),
        scores=[ScoreInput("professional", 3, professional_name="Wijkteam")],
    )
    plan_version_create(
        actor=lt,
        case=case,
        items=[ItemInput(kind=ItemKind.CONDITION, what="Niet slaan.", who="Ouders")],
        note=PLAN_NOTE,
        based_on=0,
    )
    meeting_add(
        actor=lt,
        case=case,
        kind="mdo",
        held_on=dt.date(2026, 11, 2),
        participants="School, wijkteam",
        decisions=DECISIONS,
    )
    case.refresh_from_db()
    phase_change(
        actor=lt,
        case=case,
        to_phase=Phase.STABIELE_VEILIGHEID,
        reason=REASON,
        safety_score=6,
        children_said="Het is rustiger thuis.",
        expected_version=None,
    )


def test_the_regie_sees_every_kind_of_record_with_its_reasons(
    lt: Actor, prof: Actor, household: Household
) -> None:
    before = {item.kind for item in timeline(lt, household)}
    assert not {"plan", "meeting", "mapping"} & before
    _records(lt, prof, household)
    items = timeline(lt, household)
    assert {"phase", "plan", "meeting", "mapping"} <= {item.kind for item in items}
    details = " ".join(item.detail for item in items)
    assert REASON in details
    assert DECISIONS in details
    assert PLAN_NOTE in details


def test_a_partner_sees_the_records_without_reasons_or_mappings(
    lt: Actor, prof: Actor, household: Household
) -> None:
    _records(lt, prof, household)
    items = timeline(prof, household)
    kinds = {item.kind for item in items}
    assert {"phase", "plan", "meeting"} <= kinds
    assert "mapping" not in kinds
    details = " ".join(item.detail for item in items)
    assert REASON not in details
    assert DECISIONS not in details
