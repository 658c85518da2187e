"""Input shapes of the household pages, with Dutch messages next to the fields."""

from collections.abc import Mapping, Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kindveilig.core.forms import KindveiligForm
from kindveilig.core.validators import (
    validate_birth_date,
    validate_bsn,
    validate_event_date,
    validate_no_hidden_characters,
    validate_planned_date,
)
from kindveilig.organisations.models import Organisation
from kindveilig.verwijsindex.forms import ShareForm

from .models import (
    CasePartner,
    HouseholdMember,
    ItemKind,
    ItemStatus,
    MeetingKind,
    MemberRole,
    PartnerKind,
    Phase,
)

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def textarea(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class HouseholdCreateForm(KindveiligForm):
    label = forms.CharField(
        label=_("Name of the household"),
        max_length=150,
        validators=[validate_no_hidden_characters],
        required=False,
        help_text=_(
            "A name colleagues recognise, e.g. Household Jansen (Laakkwartier)."
        ),
    )


class MemberForm(KindveiligForm):
    given_name = forms.CharField(
        label=_("Given name"),
        max_length=100,
        validators=[validate_no_hidden_characters],
    )
    family_name = forms.CharField(
        label=_("Family name"),
        max_length=150,
        validators=[validate_no_hidden_characters],
    )
    date_of_birth = forms.DateField(
        label=_("Date of birth"),
        required=False,
        widget=DATE_WIDGET,
        validators=[validate_birth_date],
    )
    bsn = forms.CharField(
        label=_("BSN"),
        max_length=9,
        required=False,
        validators=[validate_bsn],
        help_text=_("With a BSN the person is matched for certain."),
    )
    role = forms.ChoiceField(
        label=_("Role in the household"), choices=MemberRole.choices
    )
    gezag_over = forms.MultipleChoiceField(
        label=_("Holds parental authority (gezag) over"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(
        self,
        data: Mapping[str, Any] | None = None,
        *,
        children: Sequence[HouseholdMember],
    ) -> None:
        super().__init__(data)
        field = self.fields["gezag_over"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [
            (str(m.person.public_id), m.person.full_name) for m in children
        ]


class GezagForm(KindveiligForm):
    children = forms.MultipleChoiceField(
        label=_("Holds parental authority (gezag) over"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(
        self,
        data: Mapping[str, Any] | None = None,
        *,
        children: Sequence[HouseholdMember],
        initial: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(data, initial=initial)
        field = self.fields["children"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [
            (str(m.person.public_id), m.person.full_name) for m in children
        ]


DIFFERENT = "different"


class MatchReviewForm(KindveiligForm):
    choice = forms.ChoiceField(label=_("Who is this?"), widget=forms.RadioSelect)

    def __init__(
        self,
        data: Mapping[str, Any] | None = None,
        *,
        candidates: Sequence[tuple[str, str]],
    ) -> None:
        super().__init__(data)
        field = self.fields["choice"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [
            *candidates,
            (DIFFERENT, _("None of these: a different person (make a new record)")),
        ]


class VersionForm(KindveiligForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class PhaseForm(VersionForm):
    to_phase = forms.ChoiceField(
        label=_("New phase"), choices=Phase.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(label=_("Why"), widget=textarea())
    safety_score = forms.IntegerField(
        label=_("Safety score (0-10)"),
        min_value=0,
        max_value=10,
        help_text=_(
            "10: everyone knows the children are safe enough to close the case; 0: the children cannot live at home."
        ),
    )
    children_said = forms.CharField(
        label=_("What the children said"),
        widget=textarea(),
        help_text=_("In their own words; or why they were not heard."),
    )


class CloseForm(VersionForm):
    reason = forms.CharField(label=_("Why the case is closed"), widget=textarea())


class MappingForm(KindveiligForm):
    """The four Signs of Safety questions, then a 0-10 scale per perspective."""

    assessed_on = forms.DateField(
        label=_("Assessment date"), widget=DATE_WIDGET, validators=[validate_event_date]
    )
    harm = forms.CharField(
        label=_("What are we worried about: what happened (harm)"), widget=textarea()
    )
    danger = forms.CharField(
        label=_("What are we worried will happen (danger statement)"), widget=textarea()
    )
    complicating = forms.CharField(
        label=_("Complicating factors"), widget=textarea(), required=False
    )
    strengths = forms.CharField(
        label=_("What is going well (strengths)"), widget=textarea(), required=False
    )
    existing_safety = forms.CharField(
        label=_("Existing safety"), widget=textarea(), required=False
    )
    next_steps = forms.CharField(label=_("What needs to happen"), widget=textarea())
    professional_name = forms.CharField(
        label=_("Professional who scores"), max_length=200
    )
    professional_score = forms.IntegerField(
        label=_("Professional's safety score (0-10)"), min_value=0, max_value=10
    )

    def __init__(
        self,
        data: Mapping[str, Any] | None = None,
        *,
        members: Sequence[HouseholdMember],
        initial: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(data, initial=initial)
        self.scored: list[tuple[HouseholdMember, str, str]] = []
        for member in members:
            key = member.person.public_id.hex
            is_child = member.role in (MemberRole.CHILD, MemberRole.SIBLING)
            name = member.person.given_name
            if is_child:
                score_label = _("%(name)s's own safety score (0-10)") % {"name": name}
                words_label = _("What %(name)s says, in their own words") % {
                    "name": name
                }
            else:
                score_label = _("Safety score of %(name)s (0-10)") % {"name": name}
                words_label = _("What %(name)s says") % {"name": name}
            self.fields[f"score_{key}"] = forms.IntegerField(
                label=score_label, min_value=0, max_value=10, required=False
            )
            self.fields[f"words_{key}"] = forms.CharField(
                label=words_label, widget=textarea(2), required=False
            )
            self.scored.append((member, f"score_{key}", f"words_{key}"))


class PartnerForm(KindveiligForm):
    kind = forms.ChoiceField(label=_("Kind of partner"), choices=PartnerKind.choices)
    organisation = forms.ModelChoiceField(
        label=_("Organisation in Kindveilig"),
        queryset=Organisation.objects.none(),
        required=False,
        help_text=_("Its people then see the plan and their agreements."),
    )
    organisation_name = forms.CharField(
        label=_("Or: name of the organisation"), max_length=200, required=False
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=200)
    contact_phone = forms.CharField(
        label=_("Phone number"), max_length=30, required=False
    )
    contact_email = forms.EmailField(label=_("E-mail address"), required=False)
    takes_on = forms.CharField(label=_("What they take on"), widget=textarea())

    def __init__(
        self, data: Mapping[str, Any] | None = None, *, exclude_id: int
    ) -> None:
        super().__init__(data)
        field = self.fields["organisation"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Organisation.objects.filter(is_active=True).exclude(
            pk=exclude_id
        )


class MeetingForm(KindveiligForm):
    kind = forms.ChoiceField(label=_("Kind of meeting"), choices=MeetingKind.choices)
    held_on = forms.DateField(
        label=_("Date"), widget=DATE_WIDGET, validators=[validate_event_date]
    )
    participants = forms.CharField(label=_("Participants"), widget=textarea(2))
    decisions = forms.CharField(label=_("Decisions"), widget=textarea(4))


class PlanNoteForm(KindveiligForm):
    based_on = forms.IntegerField(widget=forms.HiddenInput)
    note = forms.CharField(
        label=_("What changed in this version"), widget=textarea(2), required=False
    )


class PlanItemForm(KindveiligForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=ItemKind.choices)
    what = forms.CharField(label=_("What"), widget=textarea(2), required=False)
    child_text = forms.CharField(
        label=_("In plain words for the children"), widget=textarea(2), required=False
    )
    who = forms.CharField(label=_("Who"), max_length=200, required=False)
    partner = forms.ChoiceField(label=_("Chain partner"), required=False)
    due_on = forms.DateField(
        label=_("By when"),
        widget=DATE_WIDGET,
        required=False,
        validators=[validate_planned_date],
    )
    how_checked = forms.CharField(
        label=_("How it is checked"), widget=textarea(2), required=False
    )
    set_by = forms.CharField(
        label=_("Set by (e.g. Veilig Thuis)"), max_length=200, required=False
    )
    lineage = forms.UUIDField(widget=forms.HiddenInput, required=False)
    remove = forms.BooleanField(label=_("Remove from the plan"), required=False)

    def __init__(
        self, *args: Any, partners: Sequence[CasePartner] = (), **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["partner"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "–")] + [
            (str(p.public_id), f"{p.display_name} ({p.contact_name})") for p in partners
        ]

    @property
    def is_blank(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return not (data.get("what") or "").strip() and not data.get("lineage")


# At most 100 items: a POST that claims more is refused before a form is built for
# each (Django's default would build up to 2000).
PlanItemFormSet = forms.formset_factory(
    PlanItemForm, extra=0, max_num=100, absolute_max=100
)


class ItemStatusForm(KindveiligForm):
    lock_version = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(label=_("Status"), choices=ItemStatus.choices)
    evidence = forms.CharField(label=_("Evidence"), widget=textarea(2), required=False)


class CaseHandoverForm(KindveiligForm):
    to_organisation = forms.ModelChoiceField(
        label=_("Hand over to"), queryset=Organisation.objects.none()
    )
    note = forms.CharField(
        label=_("What you hand over and what the receiver must know"),
        widget=textarea(4),
    )

    def __init__(
        self, data: Mapping[str, Any] | None = None, *, exclude_id: int
    ) -> None:
        super().__init__(data)
        field = self.fields["to_organisation"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Organisation.objects.filter(is_active=True).exclude(
            pk=exclude_id
        )


class TrajectoryHandoverForm(ShareForm):
    note = forms.CharField(
        label=_("What you hand over and what the receiver must know"),
        widget=textarea(4),
    )
    field_order = ["to_organisation", "note"]


class HandoverDecisionForm(KindveiligForm):
    decision = forms.ChoiceField(
        label=_("Your decision"),
        choices=[("accept", _("Accept: we take over")), ("reject", _("Do not accept"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Comment"),
        widget=textarea(2),
        required=False,
        help_text=_("Required when you do not accept: the sender sees why."),
    )


class EmergencyForm(KindveiligForm):
    bsn = forms.CharField(
        label=_("BSN of the child"), max_length=9, validators=[validate_bsn]
    )
    reason = forms.CharField(
        label=_("The urgent situation"),
        widget=textarea(3),
        help_text=_(
            "Shown to the aandachtsfunctionaris of the organisation that holds the file, "
            "and kept in the access log."
        ),
    )
