"""Matching people: the same BSN links the known record, a name and date of
birth ask a human, different BSNs never match, and nobody is ever merged."""

import datetime as dt

from django.core.exceptions import ValidationError

import pytest

from kindveilig.access.actor import Actor
from kindveilig.households.matching import MatchKind, match_person, normalise
from kindveilig.households.models import (
    Gezag,
    Household,
    HouseholdMember,
    MemberRole,
    ReviewStatus,
)
from kindveilig.households.services import (
    PersonInput,
    match_review_decide,
    member_add,
    member_leave,
)
from kindveilig.persons.models import Person
from kindveilig.persons.services import person_create

from .conftest import CHILD_BSN

pytestmark = [pytest.mark.django_db]

BIRTHDAY = dt.date(2015, 6, 1)


def known(
    lt: Actor, given: str = "Noor", family: str = "Jansen", bsn: str = ""
) -> Person:
    return person_create(
        actor=lt,
        organisation=lt.organisation,
        given_name=given,
        family_name=family,
        date_of_birth=BIRTHDAY,
        bsn=bsn,
    )


def test_names_are_compared_without_case_accents_or_hyphens() -> None:
    assert normalise("  Zoë  van der Berg-Smit ") == normalise("zoe van der berg smit")


def test_the_same_bsn_links_the_existing_record(
    lt: Actor, household: Household
) -> None:
    existing = known(lt, bsn="123456782")
    before = Person.objects.count()
    result = member_add(
        actor=lt,
        household=household,
        data=PersonInput(given_name="N.", family_name="Jansen-Anders", bsn="123456782"),
        role=MemberRole.SIBLING,
    )
    assert result.linked_existing
    assert result.member is not None
    assert result.member.person == existing
    assert Person.objects.count() == before


def test_the_shared_childs_bsn_is_found_in_the_shared_trajectory(
    lt: Actor, household: Household
) -> None:
    other = Household.objects.create(
        label="Vaders huis (test)",
        municipality=household.municipality,
        registered_by=lt.organisation,
        created_by=lt.user,
    )
    result = member_add(
        actor=lt,
        household=other,
        data=PersonInput(given_name="Sam", family_name="Voorbeeldmans", bsn=CHILD_BSN),
        role=MemberRole.CHILD,
    )
    child = household.members.get(role=MemberRole.CHILD).person
    assert result.member is not None
    assert result.member.person == child
    # Separated parents: one child, two households.
    assert HouseholdMember.objects.filter(person=child).count() == 2


def test_name_and_birthday_without_bsn_wait_for_a_review(
    lt: Actor, household: Household
) -> None:
    existing = known(lt)
    before = Person.objects.count()
    result = member_add(
        actor=lt,
        household=household,
        data=PersonInput(
            given_name="noor", family_name="Jansen", date_of_birth=BIRTHDAY
        ),
        role=MemberRole.SIBLING,
    )
    assert result.member is None
    assert result.review is not None
    assert list(result.review.candidates.all()) == [existing]
    assert Person.objects.count() == before
    assert not household.members.filter(person=existing).exists()


@pytest.mark.parametrize(
    ("given", "family", "born", "uncertain"),
    [
        ("Noor", "Jansen", BIRTHDAY, True),  # all equal: strong candidate
        ("Nora", "Jansen", BIRTHDAY, True),  # same birthday and family name
        ("Noor", "Janssen", BIRTHDAY, True),  # same birthday and given name
        ("Noor", "Jansen", None, True),  # same names, birthday unknown
        ("Noor", "Jansen", dt.date(2016, 1, 1), False),  # another birthday
        ("Piet", "Pietersen", BIRTHDAY, False),  # only the birthday
    ],
)
def test_which_records_are_candidates(
    lt: Actor,
    given: str,
    family: str,
    born: dt.date | None,
    uncertain: bool,
) -> None:
    known(lt)
    result = match_person(
        Person.objects.all(), given_name=given, family_name=family, date_of_birth=born
    )
    assert (result.kind == MatchKind.UNCERTAIN) is uncertain


def test_different_bsns_are_different_people_whatever_the_names(lt: Actor) -> None:
    known(lt, bsn="123456782")
    result = match_person(
        Person.objects.all(),
        given_name="Noor",
        family_name="Jansen",
        date_of_birth=BIRTHDAY,
        bsn="111222333",
    )
    assert result.kind == MatchKind.NONE


def test_a_review_confirms_the_same_person(lt: Actor, household: Household) -> None:
    existing = known(lt)
    review = member_add(
        actor=lt,
        household=household,
        data=PersonInput(
            given_name="Noor", family_name="Jansen", date_of_birth=BIRTHDAY
        ),
        role=MemberRole.SIBLING,
    ).review
    assert review is not None
    member = match_review_decide(actor=lt, review=review, same_as=existing.public_id)
    assert member.person == existing
    review.refresh_from_db()
    assert review.status == ReviewStatus.SAME
    assert review.decided_by == lt.user
    with pytest.raises(ValidationError):
        match_review_decide(actor=lt, review=review, same_as=None)


def test_a_review_that_says_different_makes_a_new_record(
    lt: Actor, household: Household
) -> None:
    existing = known(lt)
    review = member_add(
        actor=lt,
        household=household,
        data=PersonInput(
            given_name="Noor", family_name="Jansen", date_of_birth=BIRTHDAY
        ),
        role=MemberRole.SIBLING,
    ).review
    assert review is not None
    before = Person.objects.count()
    member = match_review_decide(actor=lt, review=review, same_as=None)
    assert member.person != existing
    assert Person.objects.count() == before + 1
    existing.refresh_from_db()
    assert existing.given_name == "Noor"  # untouched: nothing merged


def test_a_review_cannot_pick_someone_who_was_not_a_candidate(
    lt: Actor, household: Household
) -> None:
    known(lt)
    stranger = known(lt, given="Ander", family="Iemand")
    review = member_add(
        actor=lt,
        household=household,
        data=PersonInput(
            given_name="Noor", family_name="Jansen", date_of_birth=BIRTHDAY
        ),
        role=MemberRole.SIBLING,
    ).review
    assert review is not None
    with pytest.raises(ValidationError):
        match_review_decide(actor=lt, review=review, same_as=stranger.public_id)


def test_no_match_makes_a_new_record_with_gezag(
    lt: Actor, household: Household
) -> None:
    child = household.members.get(role=MemberRole.CHILD).person
    result = member_add(
        actor=lt,
        household=household,
        data=PersonInput(given_name="Moeder", family_name="Nieuw"),
        role=MemberRole.PARENT,
        gezag_over=[child.public_id],
    )
    assert result.member is not None
    assert result.member.has_gezag
    assert Gezag.objects.filter(child=child, holder=result.member.person).exists()


def test_gezag_only_over_a_child_of_this_household(
    lt: Actor, household: Household
) -> None:
    parent = household.members.get(role=MemberRole.PARENT).person
    with pytest.raises(ValidationError):
        member_add(
            actor=lt,
            household=household,
            data=PersonInput(given_name="Oom", family_name="Nieuw"),
            role=MemberRole.NETWORK,
            gezag_over=[parent.public_id],
        )


def test_a_current_member_is_not_added_twice_but_may_come_back(
    lt: Actor, household: Household
) -> None:
    child = household.members.get(role=MemberRole.CHILD).person
    data = PersonInput(given_name="Sam", family_name="Voorbeeldmans", bsn=CHILD_BSN)
    with pytest.raises(ValidationError):
        member_add(actor=lt, household=household, data=data, role=MemberRole.CHILD)
    member_leave(actor=lt, household=household, person=child)
    result = member_add(actor=lt, household=household, data=data, role=MemberRole.CHILD)
    assert result.member is not None
    assert result.member.left_on is None
    assert household.members.filter(person=child).count() == 1


def test_only_the_regievoerder_adds_members(
    household: Household, prof: Actor, lt_colleague: Actor, other_prof: Actor
) -> None:
    for actor in (prof, lt_colleague, other_prof):
        with pytest.raises(ValidationError):
            member_add(
                actor=actor,
                household=household,
                data=PersonInput(given_name="X", family_name="Y"),
                role=MemberRole.NETWORK,
            )


def test_the_pool_for_matching_is_what_the_actor_may_see(
    lt: Actor, household: Household, other_prof: Actor
) -> None:
    # Someone only the outsider registered is not found (and so not revealed).
    person_create(
        actor=other_prof,
        organisation=other_prof.organisation,
        given_name="Geheim",
        family_name="Elders",
        date_of_birth=BIRTHDAY,
        bsn="123456782",
    )
    result = member_add(
        actor=lt,
        household=household,
        data=PersonInput(given_name="Geheim", family_name="Elders", bsn="123456782"),
        role=MemberRole.NETWORK,
    )
    assert result.member is not None
    assert not result.linked_existing
