"""Forms of the coalition's case consultation. Input shape only: the rules
(consent, who may own an action) are the services'."""

import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kindveilig.accounts.models import Membership
from kindveilig.core.forms import KindveiligForm

from .coalition_selectors import AgendaRow, MeetingRow
from .coalition_services import NOT_STARTED_OUTCOMES, STARTED_OUTCOMES
from .models import ActionKind, ActionOutcome, InterventionKind, InterventionOutcome

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT_MAX = 4000


def _membership_label(membership: Membership) -> str:
    return f"{membership.user.full_name} ({membership.organisation.name})"


def _membership_choices(memberships: Sequence[Membership]) -> list[tuple[str, str]]:
    return [(str(m.pk), _membership_label(m)) for m in memberships]


def _chosen(
    values: Sequence[str], memberships: Sequence[Membership]
) -> list[Membership]:
    by_pk = {str(m.pk): m for m in memberships}
    return [by_pk[value] for value in values if value in by_pk]


class MeetingForm(KindveiligForm):
    title = forms.CharField(
        label=_("Name of the consultation"),
        max_length=200,
        initial=_("Consultation on pregnancies in a vulnerable situation"),
    )
    held_on = forms.DateField(label=_("Date"), widget=DATE_WIDGET)
    participants = forms.MultipleChoiceField(
        label=_("Participants"),
        help_text=_(
            "You take part as the chair. Participants see the families on the "
            "agenda, and only what the parents consented to share."
        ),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(
        self, *args: Any, memberships: Sequence[Membership], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.memberships = list(memberships)
        self.fields["participants"].choices = _membership_choices(self.memberships)  # type: ignore[attr-defined]  # a ChoiceField

    def chosen_participants(self) -> list[Membership]:
        return _chosen(self.cleaned_data["participants"], self.memberships)


class RecordForm(KindveiligForm):
    """Who took part, and per family the decisions (only families with consent)."""

    participants = forms.MultipleChoiceField(
        label=_("Who took part"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(
        self,
        *args: Any,
        memberships: Sequence[Membership],
        items: Sequence[AgendaRow],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.memberships = list(memberships)
        self.fields["participants"].choices = _membership_choices(self.memberships)  # type: ignore[attr-defined]  # a ChoiceField
        self.items = [item for item in items if item.has_consent]
        for number, item in enumerate(self.items, start=1):
            self.fields[f"decisions_{item.public_id}"] = forms.CharField(
                label=_("Decisions about family %(number)s: %(family)s")
                % {"number": number, "family": item.family},
                max_length=TEXT_MAX,
                required=False,
                initial=item.decisions,
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def chosen_participants(self) -> list[Membership]:
        return _chosen(self.cleaned_data["participants"], self.memberships)

    def decisions(self) -> dict[uuid.UUID, str]:
        return {
            item.public_id: self.cleaned_data[f"decisions_{item.public_id}"]
            for item in self.items
        }


class AgendaForm(KindveiligForm):
    meeting = forms.ChoiceField(label=_("Consultation"))
    shared_summary = forms.CharField(
        label=_("What the coalition needs to know"),
        help_text=_(
            "Only what the parent agreed to share: the coalition does not see the "
            "JGZ record."
        ),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    consent_checked = forms.BooleanField(
        label=_("The parent agreed that the family is discussed in this consultation"),
        required=False,
    )

    def __init__(
        self, *args: Any, meetings: Sequence[MeetingRow], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["meeting"].choices = [  # type: ignore[attr-defined]  # a ChoiceField
            (str(row.public_id), f"{row.title} ({row.held_on:%d-%m-%Y})")
            for row in meetings
        ]


class ActionForm(KindveiligForm):
    owner = forms.ChoiceField(label=_("Owner"))
    due_on = forms.DateField(label=_("Due on"), widget=DATE_WIDGET)
    description = forms.CharField(
        label=_("What is to be done"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, owners: Sequence[Membership], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.owners = list(owners)
        self.fields["owner"].choices = _membership_choices(self.owners)  # type: ignore[attr-defined]  # a ChoiceField

    def chosen_owner(self) -> Membership:
        [owner] = _chosen([self.cleaned_data["owner"]], self.owners)
        return owner


class ReferralForm(ActionForm):
    kind = forms.ChoiceField(
        label=_("Refer to"),
        choices=[
            (ActionKind.DEBT_HELP.value, ActionKind.DEBT_HELP.label),
            (ActionKind.INCOME_SUPPORT.value, ActionKind.INCOME_SUPPORT.label),
        ],
        widget=forms.RadioSelect,
    )
    field_order = ["kind", "owner", "due_on", "description"]


def _outcome_choices(codes: frozenset[str], enum: type[Any]) -> list[tuple[str, str]]:
    return [(value, label) for value, label in enum.choices if value in codes]


class CompleteForm(KindveiligForm):
    outcome = forms.ChoiceField(label=_("Outcome"), widget=forms.RadioSelect)
    outcome_note = forms.CharField(
        label=_("About the outcome"),
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, outcomes: Iterable[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        codes = frozenset(outcomes)
        self.fields["outcome"].choices = _outcome_choices(codes, ActionOutcome)  # type: ignore[attr-defined]  # a ChoiceField


class InterventionOfferForm(KindveiligForm):
    kind = forms.ChoiceField(label=_("Intervention"), choices=InterventionKind.choices)
    offered_on = forms.DateField(label=_("Offered on"), widget=DATE_WIDGET)


class InterventionStartForm(KindveiligForm):
    started_on = forms.DateField(label=_("Started on"), widget=DATE_WIDGET)


class InterventionEndForm(KindveiligForm):
    ended_on = forms.DateField(label=_("Ended on"), widget=DATE_WIDGET)
    outcome = forms.ChoiceField(label=_("Outcome"), widget=forms.RadioSelect)

    def __init__(self, *args: Any, started: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        codes = STARTED_OUTCOMES if started else NOT_STARTED_OUTCOMES
        self.fields["outcome"].choices = _outcome_choices(codes, InterventionOutcome)  # type: ignore[attr-defined]  # a ChoiceField
