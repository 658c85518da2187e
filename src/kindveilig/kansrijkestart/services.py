"""Kansrijke Start: signals of a vulnerable pregnancy or young family, the JGZ's
contact moments, and the one-click start of a meldcode trajectory from a moment
(docs/kansrijke-start.md). Every write is audited in its own transaction, with
one record per person concerned (the parent, and the child once known)."""

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from django_stubs_ext import StrPromise

from kindveilig.access.actor import Actor
from kindveilig.access.roles import CASE_ROLES, Role
from kindveilig.accounts.models import Membership, User
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import AuditItem, audit_record_many
from kindveilig.core.crypto import blind_index
from kindveilig.core.validators import (
    check_fields,
    validate_birth_date,
    validate_event_date,
    validate_no_hidden_characters,
    validate_planned_date,
)
from kindveilig.households.models import MemberRole, SafetyCase
from kindveilig.households.services import PersonInput as MemberInput
from kindveilig.households.services import household_create, member_add
from kindveilig.meldcode.models import Trajectory
from kindveilig.meldcode.models.choices import FormOfViolence, Origin, Relation
from kindveilig.meldcode.services.trajectories import (
    ChildInput,
    InvolvedInput,
    StartInput,
    trajectory_start,
)
from kindveilig.organisations.models import (
    GEBOORTEZORG_TYPES,
    JGZ_TYPES,
    Organisation,
    OrganisationType,
)
from kindveilig.persons.models import Person
from kindveilig.persons.services import person_correct, person_create

from .models import (
    AFTER_BIRTH_KINDS,
    CONSENT_AT_SIGNAL,
    ConsentStatus,
    ContactAnswer,
    ContactKind,
    ContactMoment,
    HouseholdRequest,
    NextStep,
    Phase,
    ProtectiveFactor,
    RiskFactor,
    SignalStatus,
    StartSignal,
    VulnerabilityDomain,
)

__all__ = [
    "SIGNALLING_TYPES",
    "ContactInput",
    "PersonInput",
    "SignalInput",
    "can_follow_up",
    "can_signal",
    "contact_moment_record",
    "contact_moment_start_household_case",
    "contact_moment_start_trajectory",
    "household_request_accept",
    "signal_close",
    "signal_create",
    "signal_register_birth",
    "suggested_forms",
    "worry_from_moment",
]

# Who signals: the geboortezorg, the huisarts, the lokaal team and the JGZ (or
# CJG) itself. Who follows up: the JGZ or the CJG.
SIGNALLING_TYPES: frozenset[str] = (
    GEBOORTEZORG_TYPES
    | JGZ_TYPES
    | {OrganisationType.HUISARTS, OrganisationType.LOKAAL_TEAM}
)
# How far ahead a due date may lie (a pregnancy lasts about 40 weeks).
MAX_DUE_DAYS = 300
# The phase of the first 1,000 days after birth: up to the second birthday.
YOUNG_CHILD_DAYS = 2 * 365 + 1


def _refuse(
    message: str | StrPromise, field: str | None = None, code: str = "invalid"
) -> ValidationError:
    if field:
        return ValidationError({field: ValidationError(message, code=code)})
    return ValidationError(message, code=code)


def _refuse_all(errors: dict[str, str | StrPromise]) -> ValidationError:
    return ValidationError({key: [value] for key, value in errors.items()})


def can_signal(actor: Actor) -> bool:
    return (
        actor.role in CASE_ROLES
        and actor.organisation.type in SIGNALLING_TYPES
        and actor.organisation.is_active
    )


def can_follow_up(actor: Actor, signal: StartSignal) -> bool:
    """A case worker of the JGZ (or CJG) that follows the signal up."""
    return (
        actor.role in CASE_ROLES
        and signal.follow_up_organisation_id == actor.organisation_id
    )


def _audit(
    actor: Actor,
    signal: StartSignal,
    obj: StartSignal | ContactMoment,
    action: AuditAction,
    reason: str = "",
) -> None:
    """One record per person concerned: each person's log shows the write."""
    persons = [signal.parent] + ([signal.child] if signal.child else [])
    audit_record_many(
        actor=actor,
        action=action,
        items=[AuditItem(obj=obj, person_id=person.public_id) for person in persons],
        reason=reason,
    )


@dataclass(frozen=True)
class PersonInput:
    given_name: str
    family_name: str
    date_of_birth: dt.date | None = None
    bsn: str = ""


@dataclass(frozen=True)
class SignalInput:
    parent: PersonInput
    phase: str
    domains: list[str]
    concern: str
    consent: str
    follow_up_organisation: Organisation | None
    consent_words: str = ""
    parent_wishes: str = ""
    expected_date: dt.date | None = None
    child: PersonInput | None = None
    follow_up_user: User | None = None


def _person(actor: Actor, data: PersonInput) -> Person:
    """The organisation's own record of this person (same BSN), or a new one."""
    if data.bsn:
        existing = Person.objects.filter(
            bsn_index=blind_index(data.bsn), registered_by_id=actor.organisation_id
        ).first()
        if existing is not None:
            return existing
    return person_create(
        actor=actor,
        organisation=actor.organisation,
        given_name=data.given_name,
        family_name=data.family_name,
        date_of_birth=data.date_of_birth,
        bsn=data.bsn,
    )


def _signal_errors(actor: Actor, data: SignalInput) -> dict[str, str | StrPromise]:
    errors: dict[str, str | StrPromise] = {}
    if not data.parent.given_name.strip() or not data.parent.family_name.strip():
        errors["parent_family_name"] = _("Give the parent's given and family name.")
    if data.phase not in Phase.values:
        errors["phase"] = _("Choose pregnancy or young child.")
    elif data.phase == Phase.PREGNANCY:
        today = timezone.localdate()
        if data.expected_date is None:
            errors["expected_date"] = _("Give the due date of the pregnancy.")
        elif not (
            today - dt.timedelta(days=31)
            <= data.expected_date
            <= today + dt.timedelta(days=MAX_DUE_DAYS)
        ):
            errors["expected_date"] = _(
                "A due date lies at most 300 days ahead (or a month ago, if the "
                "baby is late)."
            )
    else:
        child = data.child
        if child is None or not child.given_name.strip():
            errors["child_given_name"] = _("Give the child's name.")
        elif child.date_of_birth is None:
            errors["child_date_of_birth"] = _("Give the child's date of birth.")
        elif child.date_of_birth < timezone.localdate() - dt.timedelta(
            days=YOUNG_CHILD_DAYS
        ):
            errors["child_date_of_birth"] = _(
                "Kansrijke Start is about the first 1,000 days: the child is two "
                "years old or younger."
            )
    if not data.domains:
        errors["domains"] = _("Choose at least one domain of concern.")
    elif set(data.domains) - set(VulnerabilityDomain.values):
        errors["domains"] = _("Choose the domains from the list.")
    if not data.concern.strip():
        errors["concern"] = _("Describe the concern in a few words.")
    if data.consent not in CONSENT_AT_SIGNAL:
        errors["consent"] = _("Record whether the parent consents.")
    elif data.consent == ConsentStatus.REFUSED and not data.consent_words.strip():
        errors["consent_words"] = _(
            "The parent does not consent: write down what the parent said."
        )
    organisation = data.follow_up_organisation
    if organisation is None or organisation.type not in JGZ_TYPES:
        errors["follow_up_organisation"] = _(
            "The follow-up is done by the JGZ or the CJG: choose one of them."
        )
    elif not organisation.is_active:
        errors["follow_up_organisation"] = _("This organisation is no longer active.")
    elif data.follow_up_user is not None and not (
        Membership.objects.filter(
            user=data.follow_up_user,
            organisation=organisation,
            role__in=CASE_ROLES,
            is_active=True,
        ).exists()
    ):
        errors["follow_up_user"] = _(
            "This person does not work at the organisation that follows up."
        )
    return errors


@transaction.atomic
def signal_create(*, actor: Actor, data: SignalInput) -> StartSignal:
    """A professional signals a vulnerable pregnancy or young family to the JGZ,
    with the parent's consent (or refusal, in the parent's words) recorded."""
    if not can_signal(actor):
        raise _refuse(
            _(
                "Signals for Kansrijke Start come from the geboortezorg, the "
                "huisarts, the lokaal team or the JGZ."
            ),
            code="forbidden",
        )
    errors = _signal_errors(actor, data)
    if errors:
        raise _refuse_all(errors)
    texts = {
        "concern": data.concern,
        "consent_words": data.consent_words,
        "parent_wishes": data.parent_wishes,
    }
    check_fields(
        {name: (validate_no_hidden_characters, value) for name, value in texts.items()}
    )
    if data.expected_date is not None:
        check_fields({"expected_date": (validate_planned_date, data.expected_date)})
    child_data = data.child if data.phase == Phase.YOUNG_CHILD else None
    if child_data is not None:
        check_fields(
            {"child_date_of_birth": (validate_birth_date, child_data.date_of_birth)}
        )
    assert data.follow_up_organisation is not None
    now = timezone.now()
    signal = StartSignal(
        organisation=actor.organisation,
        created_by=actor.user,
        municipality_id=actor.organisation.municipality_id,
        source_type=actor.organisation.type,
        parent=_person(actor, data.parent),
        child=_person(actor, child_data) if child_data is not None else None,
        expected_date=data.expected_date if data.phase == Phase.PREGNANCY else None,
        phase=data.phase,
        domains=sorted(set(data.domains)),
        concern=data.concern.strip(),
        consent=data.consent,
        consent_recorded_at=now,
        consent_words=data.consent_words.strip(),
        parent_wishes=data.parent_wishes.strip(),
        follow_up_organisation=data.follow_up_organisation,
        follow_up_user=data.follow_up_user,
    )
    signal.full_clean()
    signal.save()
    _audit(actor, signal, signal, AuditAction.CREATE)
    return signal


def _require_follow_up(actor: Actor, signal: StartSignal) -> None:
    if not can_follow_up(actor, signal):
        raise _refuse(
            _("Only the JGZ that follows up this signal records its contacts."),
            code="forbidden",
        )


def _require_open(signal: StartSignal) -> None:
    if signal.is_closed:
        raise _refuse(_("The follow-up of this signal has ended."), code="closed")


@transaction.atomic
def signal_register_birth(
    *, actor: Actor, signal: StartSignal, child: PersonInput
) -> StartSignal:
    """The child is born: the signal moves to the young-child phase. A record of
    the child-to-be (made when a trajectory started before birth) is completed,
    not copied."""
    _require_follow_up(actor, signal)
    signal = StartSignal.objects.select_for_update().get(pk=signal.pk)
    _require_open(signal)
    if signal.phase != Phase.PREGNANCY:
        raise _refuse(_("The birth of this child is registered already."))
    errors: dict[str, str | StrPromise] = {}
    if not child.given_name.strip() or not child.family_name.strip():
        errors["given_name"] = _("Give the child's given and family name.")
    if child.date_of_birth is None:
        errors["date_of_birth"] = _("Give the child's date of birth.")
    if errors:
        raise _refuse_all(errors)
    check_fields({"date_of_birth": (validate_event_date, child.date_of_birth)})
    existing = signal.child
    if existing is not None and existing.registered_by_id == actor.organisation_id:
        person_correct(
            actor=actor,
            person=existing,
            reason=gettext("The child is born (Kansrijke Start)."),
            given_name=child.given_name.strip(),
            family_name=child.family_name.strip(),
            date_of_birth=child.date_of_birth,
        )
    else:
        signal.child = _person(actor, child)
    signal.phase = Phase.YOUNG_CHILD
    signal.save(update_fields=["child", "phase", "updated_at"])
    _audit(actor, signal, signal, AuditAction.UPDATE, reason="birth registered")
    return signal


@dataclass(frozen=True)
class ContactInput:
    kind: str
    happened_on: dt.date | None
    next_step: str
    routine_question_asked: bool = False
    routine_answer: str = ""
    parent_words: str = ""
    child_observations: str = ""
    went_well: str = ""
    risk_factors: list[str] = field(default_factory=list)
    protective_factors: list[str] = field(default_factory=list)
    next_step_note: str = ""


def _contact_errors(
    signal: StartSignal, data: ContactInput
) -> dict[str, str | StrPromise]:
    errors: dict[str, str | StrPromise] = {}
    if data.kind not in ContactKind.values:
        errors["kind"] = _("Choose the kind of contact.")
    elif data.kind == ContactKind.PRENATAL_HOME_VISIT and signal.phase != (
        Phase.PREGNANCY
    ):
        errors["kind"] = _("The child is born: a prenatal visit is no longer possible.")
    elif data.kind in AFTER_BIRTH_KINDS and signal.phase == Phase.PREGNANCY:
        errors["kind"] = _(
            "Register the birth first: this contact is with the parent and the child."
        )
    if data.happened_on is None:
        errors["happened_on"] = _("Give the date of the contact.")
    if data.routine_question_asked and data.routine_answer not in ContactAnswer.values:
        errors["routine_answer"] = _(
            "You asked the routine question: record the parent's answer."
        )
    elif not data.routine_question_asked and data.routine_answer:
        errors["routine_answer"] = _(
            "Record an answer only when you asked the routine question."
        )
    if set(data.risk_factors) - set(RiskFactor.values):
        errors["risk_factors"] = _("Choose the risk factors from the list.")
    if set(data.protective_factors) - set(ProtectiveFactor.values):
        errors["protective_factors"] = _("Choose the protective factors from the list.")
    if data.next_step not in NextStep.values:
        errors["next_step"] = _("Record the agreed next step.")
    return errors


def _contact_datetime(day: dt.date) -> dt.datetime:
    """When the contact happened, as precisely as known: now for today, else the
    start of that day (the monitor counts days from signal to first contact)."""
    if day == timezone.localdate():
        return timezone.now()
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


@transaction.atomic
def contact_moment_record(
    *, actor: Actor, signal: StartSignal, data: ContactInput
) -> ContactMoment:
    """The JGZ nurse records a contact moment: a short, structured record of
    safety, the risk and protective factors seen, and the next step."""
    _require_follow_up(actor, signal)
    signal = StartSignal.objects.select_for_update().get(pk=signal.pk)
    _require_open(signal)
    errors = _contact_errors(signal, data)
    if errors:
        raise _refuse_all(errors)
    texts = {
        "parent_words": data.parent_words,
        "child_observations": data.child_observations,
        "went_well": data.went_well,
        "next_step_note": data.next_step_note,
    }
    check_fields(
        {
            "happened_on": (validate_event_date, data.happened_on),
            **{
                name: (validate_no_hidden_characters, value)
                for name, value in texts.items()
            },
        }
    )
    assert data.happened_on is not None
    moment = ContactMoment(
        signal=signal,
        kind=data.kind,
        happened_on=data.happened_on,
        recorded_by=actor.user,
        organisation=actor.organisation,
        routine_question_asked=data.routine_question_asked,
        routine_answer=data.routine_answer if data.routine_question_asked else "",
        parent_words=data.parent_words.strip(),
        child_observations=data.child_observations.strip(),
        went_well=data.went_well.strip(),
        risk_factors=sorted(set(data.risk_factors)),
        protective_factors=sorted(set(data.protective_factors)),
        next_step=data.next_step,
        next_step_note=data.next_step_note.strip(),
    )
    moment.full_clean()
    moment.save()
    happened_at = _contact_datetime(data.happened_on)
    if signal.first_contact_at is None or happened_at < signal.first_contact_at:
        signal.first_contact_at = happened_at
    signal.status = SignalStatus.IN_FOLLOW_UP
    if signal.follow_up_user_id is None:
        signal.follow_up_user = actor.user
    signal.save(
        update_fields=["first_contact_at", "status", "follow_up_user", "updated_at"]
    )
    _audit(actor, signal, moment, AuditAction.CREATE)
    return moment


def worry_from_moment(moment: ContactMoment) -> str:
    """The trajectory's worry, built from what the nurse recorded (never
    re-typed): the kind and date, the routine question and its answer, the
    parent's own words, the observations of the child, the factors seen."""
    lines = [
        gettext("From Kansrijke Start: %(kind)s on %(date)s.")
        % {
            "kind": moment.get_kind_display(),
            "date": moment.happened_on.strftime("%d-%m-%Y"),
        }
    ]
    if moment.routine_question_asked:
        lines.append(
            gettext("Routine question about violence at home: %(answer)s.")
            % {"answer": moment.get_routine_answer_display()}
        )
    else:
        lines.append(gettext("The routine question about violence was not asked."))
    if moment.parent_words:
        lines.append(
            gettext("The parent's own words: %(words)s")
            % {"words": moment.parent_words}
        )
    if moment.child_observations:
        lines.append(
            gettext("Observations of the child: %(text)s")
            % {"text": moment.child_observations}
        )
    if moment.risk_factors:
        labels = dict(RiskFactor.choices)
        lines.append(
            gettext("Risk factors: %(list)s.")
            % {"list": ", ".join(str(labels[v]) for v in moment.risk_factors)}
        )
    if moment.protective_factors:
        labels = dict(ProtectiveFactor.choices)
        lines.append(
            gettext("Protective factors: %(list)s.")
            % {"list": ", ".join(str(labels[v]) for v in moment.protective_factors)}
        )
    if moment.went_well:
        lines.append(gettext("What went well: %(text)s") % {"text": moment.went_well})
    if moment.next_step_note:
        lines.append(gettext("Agreed: %(text)s") % {"text": moment.next_step_note})
    return "\n".join(lines)


def suggested_forms(moment: ContactMoment) -> list[str]:
    """The forms of violence that what was recorded points to, as the
    suggestion the nurse confirms with the one click: violence at home (now or
    in the past) is partner violence the child witnesses; concerns about care
    and bonding are neglect. Nothing is suggested from observations alone."""
    forms: set[str] = set()
    if moment.routine_answer in {
        ContactAnswer.VIOLENCE_NOW,
        ContactAnswer.VIOLENCE_PAST,
    } or (RiskFactor.DOMESTIC_VIOLENCE in moment.risk_factors):
        forms.add(FormOfViolence.WITNESSING)
    if RiskFactor.CARE_OF_CHILD in moment.risk_factors:
        forms.add(FormOfViolence.NEGLECT_PHYSICAL)
    if RiskFactor.BONDING_CONCERNS in moment.risk_factors:
        forms.add(FormOfViolence.NEGLECT_EMOTIONAL)
    return sorted(forms)


def _trajectory_child(signal: StartSignal) -> ChildInput:
    child = signal.child
    if child is not None:
        return ChildInput(
            given_name=child.given_name,
            family_name=child.family_name,
            date_of_birth=child.date_of_birth,
            bsn=child.bsn,
            existing=child,
        )
    # Before birth: the meldcode is about the unborn child (docs/kansrijke-start.md).
    return ChildInput(
        given_name=gettext("Unborn child"), family_name=signal.parent.family_name
    )


@transaction.atomic
def contact_moment_start_trajectory(
    *,
    actor: Actor,
    moment: ContactMoment,
    forms_of_violence: list[str] | None = None,
) -> Trajectory:
    """One click: a meldcode trajectory for the child, with the worry built from
    what was recorded at this contact moment. ``forms_of_violence``: what the
    nurse confirmed (``None``: the suggestion from the record). A second click
    returns the same trajectory."""
    moment = (
        ContactMoment.objects.select_for_update(of=("self",))
        .select_related("signal__parent", "signal__child", "trajectory")
        .get(pk=moment.pk)
    )
    signal = moment.signal
    _require_follow_up(actor, signal)
    if moment.trajectory is not None:
        return moment.trajectory
    _require_open(signal)
    if forms_of_violence is None:
        forms_of_violence = suggested_forms(moment)
    if not forms_of_violence:
        raise _refuse(
            _("Choose the form of violence you are worried about."),
            field="forms_of_violence",
        )
    parent = signal.parent
    trajectory = trajectory_start(
        actor=actor,
        data=StartInput(
            origin=Origin.KANSRIJKE_START,
            worry=worry_from_moment(moment),
            forms_of_violence=forms_of_violence,
            children=[_trajectory_child(signal)],
            involved=[
                InvolvedInput(
                    given_name=parent.given_name,
                    family_name=parent.family_name,
                    relation=Relation.MOTHER
                    if signal.phase == Phase.PREGNANCY
                    else Relation.OTHER,
                    date_of_birth=parent.date_of_birth,
                )
            ],
        ),
    )
    if signal.child is None:
        # The child-to-be now has a record in this organisation: the birth
        # completes it later (signal_register_birth), so nobody is copied.
        child_link = trajectory.children.select_related("person").first()
        assert child_link is not None
        signal.child = child_link.person
        signal.save(update_fields=["child", "updated_at"])
    moment.trajectory = trajectory
    moment.save(update_fields=["trajectory", "updated_at"])
    _audit(actor, signal, moment, AuditAction.UPDATE, reason="meldcode started")
    return trajectory


@transaction.atomic
def signal_close(*, actor: Actor, signal: StartSignal, reason: str) -> StartSignal:
    """The JGZ ends the extra follow-up (the regular JGZ schedule goes on)."""
    _require_follow_up(actor, signal)
    signal = StartSignal.objects.select_for_update().get(pk=signal.pk)
    _require_open(signal)
    if not reason.strip():
        raise _refuse(_("Say why the follow-up ends."), field="reason")
    check_fields({"reason": (validate_no_hidden_characters, reason)})
    signal.status = SignalStatus.CLOSED
    signal.closed_at = timezone.now()
    signal.closing_reason = reason.strip()
    signal.save(update_fields=["status", "closed_at", "closing_reason", "updated_at"])
    _audit(actor, signal, signal, AuditAction.UPDATE, reason="closed")
    return signal


@transaction.atomic
def contact_moment_start_household_case(
    *,
    actor: Actor,
    moment: ContactMoment,
    lokaal_team: Organisation | None,
    note: str = "",
) -> HouseholdRequest:
    """One click: ask the lokaal team to open a household case, with what was
    recorded at this moment. Only with the parent's consent: without it nothing
    goes to the lokaal team (where the family is unsafe, the meldcode is the
    route, on its own legal basis). A second click returns the same request."""
    moment = (
        ContactMoment.objects.select_for_update(of=("self",))
        .select_related("signal__parent", "signal__child")
        .get(pk=moment.pk)
    )
    signal = moment.signal
    _require_follow_up(actor, signal)
    existing = HouseholdRequest.objects.filter(moment=moment).first()
    if existing is not None:
        return existing
    _require_open(signal)
    if not signal.has_consent:
        raise _refuse(
            _(
                "The parent did not consent: nothing goes to the lokaal team. "
                "If the family is unsafe, start the meldcode."
            ),
            code="no_consent",
        )
    if lokaal_team is None or lokaal_team.type != OrganisationType.LOKAAL_TEAM:
        raise _refuse(_("Choose a lokaal team."), field="lokaal_team")
    check_fields({"note": (validate_no_hidden_characters, note)})
    request = HouseholdRequest(
        moment=moment,
        to_organisation=lokaal_team,
        requested_by=actor.user,
        note=note.strip(),
    )
    request.full_clean()
    request.save()
    _audit(actor, signal, moment, AuditAction.UPDATE, reason="household requested")
    return request


@transaction.atomic
def household_request_accept(*, actor: Actor, request: HouseholdRequest) -> SafetyCase:
    """A lokaal team worker accepts: the household opens with its case (the
    actor as regievoerder), with the parent and the child as members, and the
    case is linked on the contact moment."""
    request = (
        HouseholdRequest.objects.select_for_update(of=("self",))
        .select_related("moment__signal__parent", "moment__signal__child")
        .get(pk=request.pk)
    )
    if (
        actor.role != Role.LOKAAL_TEAM_MEDEWERKER
        or request.to_organisation_id != actor.organisation_id
    ):
        raise _refuse(
            _("Only the lokaal team that was asked can accept."), code="forbidden"
        )
    moment = request.moment
    if request.accepted_at is not None and moment.household_case is not None:
        return moment.household_case
    signal = moment.signal
    if not signal.has_consent:
        raise _refuse(
            _("The parent withdrew consent: this request can no longer be accepted."),
            code="no_consent",
        )
    parent = signal.parent
    household = household_create(
        actor=actor,
        label=gettext("Household %(name)s") % {"name": parent.family_name},
    )
    member_add(
        actor=actor,
        household=household,
        data=MemberInput(
            given_name=parent.given_name,
            family_name=parent.family_name,
            date_of_birth=parent.date_of_birth,
            bsn=parent.bsn,
        ),
        role=MemberRole.PARENT,
    )
    child = signal.child
    if child is not None and child.date_of_birth is not None:
        member_add(
            actor=actor,
            household=household,
            data=MemberInput(
                given_name=child.given_name,
                family_name=child.family_name,
                date_of_birth=child.date_of_birth,
                bsn=child.bsn,
            ),
            role=MemberRole.CHILD,
        )
    case = household.cases.get()
    request.accepted_by = actor.user
    request.accepted_at = timezone.now()
    request.save(update_fields=["accepted_by", "accepted_at", "updated_at"])
    moment.household_case = case
    moment.save(update_fields=["household_case", "updated_at"])
    _audit(actor, signal, moment, AuditAction.UPDATE, reason="household opened")
    return case
