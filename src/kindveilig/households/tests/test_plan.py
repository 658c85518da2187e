"""The veiligheidsplan: versions, conditions and agreements, checking them, and
overdue agreements flagged to the regievoerder."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest

from kindveilig.access.actor import Actor
from kindveilig.households.models import (
    Household,
    ItemKind,
    ItemStatus,
    PartnerKind,
    SafetyCase,
)
from kindveilig.households.selectors import overdue_counts, overdue_items
from kindveilig.households.services import (
    ConflictError,
    ItemInput,
    partner_add,
    plan_item_update,
    plan_version_create,
)

pytestmark = [pytest.mark.django_db]

TODAY = dt.date(2026, 11, 20)


def condition() -> ItemInput:
    return ItemInput(
        kind=ItemKind.CONDITION,
        what="Er wordt niet geslagen.",
        who="Beide ouders",
        set_by="Veilig Thuis",
        child_text="Niemand slaat in huis.",
    )


def agreement(due: dt.date, **kwargs: object) -> ItemInput:
    fields: dict[str, object] = {
        "kind": ItemKind.AGREEMENT,
        "what": "Vader volgt een agressieregulatietraining.",
        "who": "Vader",
        "due_on": due,
        "how_checked": "Bewijs van deelname aan de regievoerder.",
    }
    fields.update(kwargs)
    return ItemInput(**fields)  # type: ignore[arg-type]


def first_plan(actor: Actor, case: SafetyCase, due: dt.date = TODAY) -> None:
    plan_version_create(
        actor=actor, case=case, items=[condition(), agreement(due)], note="", based_on=0
    )


def test_a_plan_has_versions_and_items_keep_their_status(
    lt: Actor, household: Household
) -> None:
    case = household.cases.get()
    first_plan(lt, case)
    item = case.plan_versions.get().items.get(kind=ItemKind.AGREEMENT)
    plan_item_update(
        actor=lt,
        item=item,
        status=ItemStatus.KEPT,
        evidence="Certificaat gezien.",
        expected_lock_version=item.lock_version,
    )
    v2 = plan_version_create(
        actor=lt,
        case=case,
        items=[
            condition(),
            agreement(TODAY, lineage=item.lineage),
            agreement(TODAY, what="Moeder zoekt steun bij het netwerk.", who="Moeder"),
        ],
        note="Afspraak over netwerk toegevoegd.",
        based_on=1,
    )
    assert v2.number == 2
    carried = v2.items.get(lineage=item.lineage)
    assert carried.status == ItemStatus.KEPT
    assert carried.evidence == "Certificaat gezien."
    assert v2.items.count() == 3
    assert case.plan_versions.get(number=1).items.count() == 2  # history stays


def test_a_stale_plan_form_is_a_conflict(lt: Actor, household: Household) -> None:
    case = household.cases.get()
    first_plan(lt, case)
    with pytest.raises(ConflictError):
        plan_version_create(
            actor=lt, case=case, items=[condition()], note="x", based_on=0
        )


@pytest.mark.parametrize(
    "item",
    [
        ItemInput(kind=ItemKind.AGREEMENT, what="X", who="Y"),  # no date
        ItemInput(kind=ItemKind.AGREEMENT, what="X", who="Y", due_on=TODAY),  # no check
        ItemInput(kind=ItemKind.CONDITION, what="", who="Y"),
        ItemInput(kind=ItemKind.CONDITION, what="X", who=""),
    ],
)
def test_an_agreement_says_what_who_by_when_and_how_checked(
    lt: Actor, household: Household, item: ItemInput
) -> None:
    with pytest.raises(ValidationError) as info:
        plan_version_create(
            actor=lt, case=household.cases.get(), items=[item], note="", based_on=0
        )
    assert "item_0" in info.value.message_dict


def test_kept_or_not_kept_needs_evidence(lt: Actor, household: Household) -> None:
    case = household.cases.get()
    first_plan(lt, case)
    item = case.plan_versions.get().items.get(kind=ItemKind.AGREEMENT)
    with pytest.raises(ValidationError):
        plan_item_update(
            actor=lt,
            item=item,
            status=ItemStatus.NOT_KEPT,
            evidence="",
            expected_lock_version=1,
        )
    plan_item_update(
        actor=lt,
        item=item,
        status=ItemStatus.NOT_KEPT,
        evidence="Niet gestart.",
        expected_lock_version=1,
    )
    with pytest.raises(ConflictError):
        plan_item_update(
            actor=lt,
            item=item,
            status=ItemStatus.KEPT,
            evidence="Toch.",
            expected_lock_version=1,
        )


def test_overdue_agreements_are_flagged(lt: Actor, household: Household) -> None:
    case = household.cases.get()
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    first_plan(lt, case, due=yesterday)
    assert [i.kind for i in overdue_items(case)] == [ItemKind.AGREEMENT]
    assert overdue_counts([case]) == {case.pk: 1}
    item = overdue_items(case)[0]
    plan_item_update(
        actor=lt,
        item=item,
        status=ItemStatus.KEPT,
        evidence="Gedaan.",
        expected_lock_version=1,
    )
    assert overdue_items(case) == []


def test_only_items_of_the_current_version_are_checked(
    lt: Actor, household: Household
) -> None:
    case = household.cases.get()
    first_plan(lt, case)
    old = case.plan_versions.get().items.get(kind=ItemKind.CONDITION)
    plan_version_create(
        actor=lt, case=case, items=[condition()], note="Korter.", based_on=1
    )
    with pytest.raises(ValidationError):
        plan_item_update(
            actor=lt,
            item=old,
            status=ItemStatus.KEPT,
            evidence="x",
            expected_lock_version=1,
        )


def test_an_agreement_may_name_a_partner_of_this_case(
    lt: Actor, household: Household, prof: Actor
) -> None:
    case = household.cases.get()
    school = partner_add(
        actor=lt,
        case=case,
        kind=PartnerKind.SCHOOL,
        organisation=prof.organisation,
        contact_name="Juf Test",
        takes_on="Dagelijks welzijn van Sam in de klas.",
    )
    version = plan_version_create(
        actor=lt,
        case=case,
        items=[agreement(TODAY, who="School", partner=school.public_id)],
        note="",
        based_on=0,
    )
    assert version.items.get().partner == school
