"""Inzage (AVG art. 15): what the organisation holds about one person, and the
NEN 7513 client view of who looked at it (docs/retention.md, "Inzage").

Only what concerns this person: their own data and its corrections, the
trajectories where they are a child or involved (with the entries that name
them), their household memberships, and the access log. Nothing about another
household member: no names or dates of birth of others, no household label (it
may carry a family name), and no free texts of entries, which can describe
others (art. 15(4)); those the functioneel beheerder adds after review.
"""

import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from weasyprint import HTML

from kindveilig.access.actor import Actor
from kindveilig.audit.models import AuditAction
from kindveilig.audit.selectors import access_log_for_person
from kindveilig.audit.services import audit_record
from kindveilig.households.models import HouseholdMember
from kindveilig.households.services.emergency import BREAK_GLASS_PREFIX
from kindveilig.kansrijkestart.models import StartSignal
from kindveilig.meldcode.models import (
    Conversation,
    ConversationSkip,
    InvolvedPerson,
    TrajectoryChild,
)
from kindveilig.persons.models import Person
from kindveilig.persons.selectors import person_get_for

__all__ = ["inzage_export_for", "render_inzage_pdf"]

MIN_REASON_LENGTH = 10


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _person(person: Person) -> dict[str, Any]:
    return {
        "public_id": str(person.public_id),
        "given_name": person.given_name,
        "family_name": person.family_name,
        "date_of_birth": _iso(person.date_of_birth),
        "bsn": person.bsn,
        "registered_by": person.registered_by.name,
        "registered_at": _iso(person.created_at),
    }


def _corrections(person: Person) -> list[dict[str, Any]]:
    return [
        {
            "field": correction.get_field_display(),
            "old_value": correction.old_value,
            "new_value": correction.new_value,
            "reason": correction.reason,
            "corrected_at": _iso(correction.corrected_at),
            "corrected_by": correction.corrected_by.full_name
            if correction.corrected_by
            else "",
        }
        for correction in person.corrections.select_related("corrected_by")
    ]


def _entries_naming(person: Person, trajectory_id: int) -> list[dict[str, Any]]:
    """Step 3 entries held with this child: kind and date, not their text."""
    entries: list[dict[str, Any]] = []
    for conversation in Conversation.objects.filter(
        trajectory_id=trajectory_id, child=person
    ):
        entries.append(
            {
                "kind": str(Conversation._meta.verbose_name),
                "date": _iso(conversation.held_on),
            }
        )
    for skip in ConversationSkip.objects.filter(
        trajectory_id=trajectory_id, child=person
    ):
        entries.append(
            {
                "kind": str(ConversationSkip._meta.verbose_name),
                "date": _iso(skip.created_at),
                "reason": skip.get_reason_display(),
            }
        )
    return entries


def _trajectories(person: Person) -> list[dict[str, Any]]:
    rows: list[tuple[str, Any]] = [
        (_("child concerned"), link.trajectory)
        for link in TrajectoryChild.objects.filter(person=person).select_related(
            "trajectory__organisation"
        )
    ]
    rows += [
        (involved.get_relation_display(), involved.trajectory)
        for involved in InvolvedPerson.objects.filter(person=person).select_related(
            "trajectory__organisation"
        )
    ]
    return [
        {
            "public_id": str(trajectory.public_id),
            "organisation": trajectory.organisation.name,
            "role": str(role),
            "status": trajectory.get_status_display(),
            "step": trajectory.get_step_display(),
            "started_at": _iso(trajectory.created_at),
            "closed_at": _iso(trajectory.closed_at),
            "outcome": trajectory.get_outcome_display(),
            "entries": _entries_naming(person, trajectory.pk),
        }
        for role, trajectory in rows
    ]


def _households(person: Person) -> list[dict[str, Any]]:
    return [
        {
            "household": str(member.household.public_id),
            "municipality": member.household.municipality.name,
            "role": member.get_role_display(),
            "has_gezag": member.has_gezag,
            "joined_on": _iso(member.joined_on),
            "left_on": _iso(member.left_on),
        }
        for member in HouseholdMember.objects.filter(person=person).select_related(
            "household__municipality"
        )
    ]


def _kansrijke_start(person: Person) -> list[dict[str, Any]]:
    """Kansrijke Start signals naming this person (as parent or child): the
    facts, and the contact moments by kind and date (their text can describe
    others) where the organisation followed the signal up."""
    signals = (
        StartSignal.objects.filter(parent=person)
        | StartSignal.objects.filter(child=person)
    ).select_related("organisation", "follow_up_organisation")
    rows: list[dict[str, Any]] = []
    for signal in signals.order_by("created_at", "id"):
        own_follow_up = signal.follow_up_organisation_id == person.registered_by_id
        moments = (
            signal.contact_moments.order_by("happened_on") if own_follow_up else []
        )
        is_parent = signal.parent_id == person.pk
        rows.append(
            {
                "public_id": str(signal.public_id),
                "organisation": signal.organisation.name,
                "follow_up_organisation": signal.follow_up_organisation.name,
                "role": str(_("parent")) if is_parent else str(_("child")),
                "phase": signal.get_phase_display(),
                # The domains of concern are about the parent (art. 15(4)).
                "domains": signal.domain_labels if is_parent else [],
                "consent": signal.get_consent_display(),
                "consent_withdrawn_at": _iso(signal.consent_withdrawn_at),
                "status": signal.get_status_display(),
                "signalled_at": _iso(signal.created_at),
                "closed_at": _iso(signal.closed_at),
                "contacts": [
                    {
                        "kind": moment.get_kind_display(),
                        "date": _iso(moment.happened_on),
                    }
                    for moment in moments
                ],
                # The coalition's part, by kind and date (its texts can describe
                # others): consultations, actions and referrals, interventions.
                "coalition": _coalition(signal) if own_follow_up else [],
            }
        )
    return rows


def _coalition(signal: StartSignal) -> list[str]:
    lines = [
        _("Discussed in %(meeting)s on %(date)s")
        % {"meeting": item.meeting.title, "date": _iso(item.meeting.held_on)}
        for item in signal.agenda_items.select_related("meeting").order_by("id")
    ]
    lines += [
        f"{action.get_kind_display()} {_iso(action.due_on)}"
        + (f": {action.get_outcome_display()}" if action.outcome else "")
        for action in signal.actions.order_by("due_on", "id")
    ]
    lines += [
        f"{intervention.get_kind_display()} {_iso(intervention.offered_on)}"
        + (f": {intervention.get_outcome_display()}" if intervention.outcome else "")
        for intervention in signal.interventions.order_by("offered_on", "id")
    ]
    return lines


def _access_log(person: Person) -> list[dict[str, Any]]:
    """The NEN 7513 client view: when, who, in which organisation and role,
    what and which action, and whether the break-the-glass was used. Not the
    reason text: it may describe others."""
    return [
        {
            "when": _iso(event.occurred_at),
            "who": event.actor_user.full_name if event.actor_user else _("the system"),
            "organisation": event.actor_organisation.name
            if event.actor_organisation
            else "",
            "role": event.actor_role,
            "action": event.get_action_display(),
            "what": event.object_type,
            "break_the_glass": event.reason.startswith(BREAK_GLASS_PREFIX),
        }
        for event in access_log_for_person(person_id=person.public_id)
    ]


@transaction.atomic
def inzage_export_for(
    *, actor: Actor, public_id: uuid.UUID, reason: str
) -> dict[str, Any]:
    """The export of one person registered by the actor's organisation (404
    otherwise), recorded as an EXPORT with the reason. The access log is read
    before the export is recorded, so it ends with the last look before it."""
    if len(reason.strip()) < MIN_REASON_LENGTH:
        raise ValidationError(
            {"reason": _("Say why the export is made (at least 10 characters).")}
        )
    person = person_get_for(actor=actor, public_id=public_id, purpose="inzage")
    export = {
        "made_at": _iso(timezone.now()),
        "made_by": actor.user.full_name,
        "organisation": person.registered_by.name,
        "person": _person(person),
        "corrections": _corrections(person),
        "trajectories": _trajectories(person),
        "households": _households(person),
        "kansrijke_start": _kansrijke_start(person),
        "access_log": _access_log(person),
    }
    audit_record(
        actor=actor,
        action=AuditAction.EXPORT,
        object_type="persons.inzage",
        object_id=str(person.public_id),
        person_id=person.public_id,
        reason=f"inzage: {reason.strip()}",
    )
    return export


def _no_fetch(url: str, *args: Any, **kwargs: Any) -> Any:
    raise ValueError("The inzage PDF loads nothing from outside.")


def render_inzage_pdf(export: dict[str, Any]) -> bytes:
    html = render_to_string("privacy/inzage_pdf.html", {"export": export})
    pdf = HTML(string=html, base_url=None, url_fetcher=_no_fetch).write_pdf()
    assert isinstance(pdf, bytes)
    return pdf
