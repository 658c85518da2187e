"""Households and their members: creating (also from a trajectory), matching
people without merging them, gezag, leaving."""

import datetime as dt
import uuid
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import audit_record
from kindveilig.core.crypto import blind_index
from kindveilig.core.validators import (
    check_fields,
    validate_birth_date,
    validate_no_hidden_characters,
    validation_message,
)
from kindveilig.households.access import directed_households
from kindveilig.households.matching import MatchKind, match_person
from kindveilig.households.models import (
    Gezag,
    Household,
    HouseholdMember,
    MatchReview,
    MemberRole,
    ReviewStatus,
)
from kindveilig.meldcode.models import Trajectory
from kindveilig.meldcode.models.choices import Relation
from kindveilig.meldcode.share_selectors import shared_trajectory_ids_for
from kindveilig.persons.models import Person
from kindveilig.persons.services import person_create

from .common import audit_household, refuse, refuse_all, require_directs

__all__ = [
    "MemberAddResult",
    "PersonInput",
    "gezag_set",
    "household_create",
    "household_create_from_trajectory",
    "match_review_decide",
    "member_add",
    "member_leave",
    "open_reviews",
    "person_pool",
]

ROLE_BY_RELATION = {
    Relation.MOTHER: MemberRole.PARENT,
    Relation.FATHER: MemberRole.PARENT,
    Relation.STEP_PARENT: MemberRole.PARENT,
    Relation.CARER: MemberRole.PARENT,
    Relation.SIBLING: MemberRole.SIBLING,
    Relation.OTHER_FAMILY: MemberRole.NETWORK,
    Relation.OTHER: MemberRole.NETWORK,
}


@dataclass(frozen=True)
class PersonInput:
    given_name: str
    family_name: str
    date_of_birth: date | None = None
    bsn: str = ""


@dataclass(frozen=True)
class MemberAddResult:
    """Either the member was added, or a review waits (never both)."""

    member: HouseholdMember | None = None
    review: MatchReview | None = None
    linked_existing: bool = False


def _require_creator(actor: Actor) -> None:
    if actor.role != Role.LOKAAL_TEAM_MEDEWERKER:
        raise refuse(
            gettext_lazy("Households are created by the lokaal team."),
            code="forbidden",
        )


@transaction.atomic
def household_create(*, actor: Actor, label: str, open_case: bool = True) -> Household:
    """A new household directed by the actor; with a safety case by default."""
    _require_creator(actor)
    if not label.strip():
        raise refuse(
            gettext_lazy("Give the household a name you recognise."), field="label"
        )
    check_fields({"label": (validate_no_hidden_characters, label)})
    household = Household(
        label=label.strip(),
        municipality=actor.organisation.municipality,
        registered_by=actor.organisation,
        created_by=actor.user,
    )
    household.full_clean()
    household.save()
    audit_record(actor=actor, action=AuditAction.CREATE, obj=household)
    if open_case:
        from .cases import case_open

        case_open(actor=actor, household=household)
    return household


@transaction.atomic
def household_create_from_trajectory(
    *,
    actor: Actor,
    trajectory: Trajectory,
    label: str = "",
    opened_at: dt.datetime | None = None,
) -> Household:
    """A household around a trajectory the actor may read (own or shared): its
    children, and the people involved with their relation and gezag. The
    trajectory's person records are used as they are: nobody is copied."""
    _require_creator(actor)
    children = [link.person for link in trajectory.children.select_related("person")]
    if not children:
        raise refuse(gettext_lazy("This trajectory names no child."))
    label = label.strip() or _("Household %(name)s") % {"name": children[0].family_name}
    household = household_create(actor=actor, label=label, open_case=False)
    today = timezone.localdate()
    members = [
        HouseholdMember(
            household=household, person=child, role=MemberRole.CHILD, joined_on=today
        )
        for child in children
    ]
    gezag: list[Gezag] = []
    seen = {child.pk for child in children}
    for involved in trajectory.involved.select_related("person", "child"):
        if involved.person_id not in seen:
            seen.add(involved.person_id)
            members.append(
                HouseholdMember(
                    household=household,
                    person=involved.person,
                    role=ROLE_BY_RELATION.get(
                        Relation(involved.relation), MemberRole.NETWORK
                    ),
                    has_gezag=involved.has_gezag,
                    joined_on=today,
                )
            )
        if involved.has_gezag:
            gezag.append(
                Gezag(
                    child=involved.child, holder=involved.person, recorded_by=actor.user
                )
            )
    HouseholdMember.objects.bulk_create(members)
    Gezag.objects.bulk_create(gezag, ignore_conflicts=True)
    audit_household(
        actor,
        household,
        household,
        AuditAction.CREATE,
        reason=f"from trajectory {trajectory.public_id}",
    )
    from .cases import case_open

    case_open(actor=actor, household=household, opened_at=opened_at)
    return household


def person_pool(actor: Actor) -> QuerySet[Person]:
    """The persons the actor may see, and so may match against: registered by
    the organisation, members of households the actor directs, and children and
    people involved in trajectories shared with the actor."""
    shared = shared_trajectory_ids_for(actor)
    ids = Person.objects.filter(
        Q(registered_by_id=actor.organisation_id)
        | Q(
            household_memberships__household__in=directed_households(actor).values("pk")
        )
        | Q(trajectory_links__trajectory__in=shared)
        | Q(involvements__trajectory__in=shared)
    ).values("pk")
    return Person.objects.filter(pk__in=ids)


def _current_children(household: Household) -> dict[uuid.UUID, Person]:
    return {
        member.person.public_id: member.person
        for member in household.members.select_related("person").filter(
            left_on__isnull=True, role__in=[MemberRole.CHILD, MemberRole.SIBLING]
        )
    }


def _link(
    actor: Actor,
    household: Household,
    person: Person,
    role: str,
    gezag_over: list[uuid.UUID],
    has_gezag: bool,
) -> HouseholdMember:
    existing = HouseholdMember.objects.filter(
        household=household, person=person
    ).first()
    if existing is not None and existing.left_on is None:
        raise refuse(
            gettext_lazy("This person is already a member of the household."),
            field="given_name",
        )
    children = _current_children(household)
    unknown = [pid for pid in gezag_over if pid not in children]
    if unknown:
        raise refuse(
            gettext_lazy("Gezag can only be over a child in this household."),
            field="gezag_over",
        )
    if existing is not None:  # came back: the old membership continues
        existing.left_on = None
        existing.role = role
        existing.has_gezag = has_gezag or bool(gezag_over)
        existing.save(update_fields=["left_on", "role", "has_gezag"])
        member = existing
    else:
        member = HouseholdMember(
            household=household,
            person=person,
            role=role,
            has_gezag=has_gezag or bool(gezag_over),
            joined_on=timezone.localdate(),
        )
        member.full_clean()
        member.save()
    Gezag.objects.bulk_create(
        [
            Gezag(child=children[pid], holder=person, recorded_by=actor.user)
            for pid in gezag_over
        ],
        ignore_conflicts=True,
    )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=member,
        object_id=str(household.public_id),
        person_id=person.public_id,
    )
    if role in (MemberRole.CHILD, MemberRole.SIBLING):
        from .cases import register_regie_signals

        register_regie_signals(household, [person])
    return member


def _validate(data: PersonInput, role: str) -> None:
    errors: dict[str, object] = {}
    if not data.given_name.strip():
        errors["given_name"] = gettext_lazy("Fill in the given name.")
    if not data.family_name.strip():
        errors["family_name"] = gettext_lazy("Fill in the family name.")
    for name in ("given_name", "family_name"):
        if message := validation_message(
            validate_no_hidden_characters, getattr(data, name)
        ):
            errors[name] = message
    if message := validation_message(validate_birth_date, data.date_of_birth):
        errors["date_of_birth"] = message
    if role not in MemberRole.values:
        errors["role"] = gettext_lazy("Choose a role.")
    if errors:
        raise refuse_all(errors)


@transaction.atomic
def member_add(
    *,
    actor: Actor,
    household: Household,
    data: PersonInput,
    role: str,
    gezag_over: list[uuid.UUID] | None = None,
    has_gezag: bool = False,
) -> MemberAddResult:
    """Add a person: the same BSN links the known record; a possible match on
    name and date of birth waits for a review; otherwise a new record."""
    require_directs(actor, household)
    _validate(data, role)
    gezag_over = list(gezag_over or [])
    result = match_person(
        person_pool(actor),
        given_name=data.given_name,
        family_name=data.family_name,
        date_of_birth=data.date_of_birth,
        bsn=data.bsn,
    )
    if result.kind == MatchKind.EXACT:
        assert result.person is not None
        member = _link(actor, household, result.person, role, gezag_over, has_gezag)
        return MemberAddResult(member=member, linked_existing=True)
    if result.kind == MatchKind.UNCERTAIN:
        review = MatchReview(
            household=household,
            role=role,
            given_name=data.given_name.strip(),
            family_name=data.family_name.strip(),
            date_of_birth=data.date_of_birth,
            bsn=data.bsn,
            gezag_over=[str(pid) for pid in gezag_over],
            requested_by=actor.user,
        )
        review.full_clean()
        review.save()
        review.candidates.set([candidate.person for candidate in result.candidates])
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            obj=review,
            reason="possible match, review needed",
        )
        return MemberAddResult(review=review)
    person = person_create(
        actor=actor,
        organisation=actor.organisation,
        given_name=data.given_name,
        family_name=data.family_name,
        date_of_birth=data.date_of_birth,
        bsn=data.bsn,
    )
    return MemberAddResult(
        member=_link(actor, household, person, role, gezag_over, has_gezag)
    )


@transaction.atomic
def match_review_decide(
    *, actor: Actor, review: MatchReview, same_as: uuid.UUID | None
) -> HouseholdMember:
    """``same_as``: the candidate that is this person; None: a different person,
    so a new record is made. Either way the decision is kept."""
    require_directs(actor, review.household)
    review = MatchReview.objects.select_for_update().get(pk=review.pk)
    if review.status != ReviewStatus.OPEN:
        raise refuse(gettext_lazy("This review was already decided."), code="decided")
    gezag_over = [uuid.UUID(pid) for pid in review.gezag_over]
    if same_as is not None:
        person = review.candidates.filter(public_id=same_as).first()
        if person is None:
            raise refuse(
                gettext_lazy("Choose one of the people shown."), field="choice"
            )
        if (
            review.bsn
            and person.bsn_index
            and person.bsn_index != blind_index(review.bsn)
        ):
            raise refuse(
                gettext_lazy(
                    "These two have different BSNs: they are not the same person."
                ),
                field="choice",
            )
        review.status = ReviewStatus.SAME
    else:
        person = person_create(
            actor=actor,
            organisation=actor.organisation,
            given_name=review.given_name,
            family_name=review.family_name,
            date_of_birth=review.date_of_birth,
            bsn=review.bsn,
        )
        review.status = ReviewStatus.DIFFERENT
    review.chosen = person
    review.decided_by = actor.user
    review.decided_at = timezone.now()
    review.save(
        update_fields=["status", "chosen", "decided_by", "decided_at", "updated_at"]
    )
    return _link(actor, review.household, person, review.role, gezag_over, False)


@transaction.atomic
def member_leave(
    *, actor: Actor, household: Household, person: Person, left_on: date | None = None
) -> HouseholdMember:
    """The person no longer lives here (a parent moved out). The membership and
    its history stay; the person may belong to another household."""
    require_directs(actor, household)
    member = HouseholdMember.objects.filter(
        household=household, person=person, left_on__isnull=True
    ).first()
    if member is None:
        raise refuse(gettext_lazy("This person is not a current member."))
    member.left_on = left_on or timezone.localdate()
    member.save(update_fields=["left_on"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=member,
        object_id=str(household.public_id),
        person_id=person.public_id,
        reason="left the household",
    )
    return member


@transaction.atomic
def gezag_set(
    *,
    actor: Actor,
    household: Household,
    holder: Person,
    children: list[uuid.UUID],
) -> list[Gezag]:
    """Who holds gezag over which child of this household (replacing what was
    recorded for these children)."""
    require_directs(actor, household)
    member = HouseholdMember.objects.filter(household=household, person=holder).first()
    if member is None:
        raise refuse(gettext_lazy("This person is not a member."))
    current = _current_children(household)
    unknown = [pid for pid in children if pid not in current]
    if unknown or holder.public_id in children:
        raise refuse(
            gettext_lazy("Gezag can only be over a child in this household."),
            field="children",
        )
    Gezag.objects.filter(holder=holder, child__in=list(current.values())).delete()
    rows = Gezag.objects.bulk_create(
        [
            Gezag(child=current[pid], holder=holder, recorded_by=actor.user)
            for pid in children
        ]
    )
    member.has_gezag = bool(children) or Gezag.objects.filter(holder=holder).exists()
    member.save(update_fields=["has_gezag"])
    audit_household(actor, household, member, AuditAction.UPDATE, reason="gezag")
    return rows


def open_reviews(household: Household) -> QuerySet[MatchReview]:
    return household.match_reviews.filter(status=ReviewStatus.OPEN)
