"""Input for the readiness pages. Writes go through ``readiness.services``."""

from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kindveilig.core.forms import KindveiligForm
from kindveilig.core.validators import validate_event_date, validate_planned_date
from kindveilig.meldcode.models import AfwegingskaderVersion

from .models import (
    MAX_COURSE_HOURS,
    MAX_HOURS_PER_WEEK,
    BriefingKind,
    QualificationKind,
)

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
# The national number of the vertrouwensinspecteurs (Inspectie van het
# Onderwijs), offered as a starting value; the organisation can change it.
VERTROUWENSINSPECTEUR_DEFAULT = "Vertrouwensinspecteurs, 0900-1113111"


def apply_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Put a service's ValidationError next to the fields it names (or on top)."""
    if hasattr(error, "error_dict"):
        for name, messages in error.message_dict.items():
            target = name if name in form.fields else None
            for message in messages:
                form.add_error(target, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


class FrameworkChoiceField(forms.ModelChoiceField[AfwegingskaderVersion]):
    def label_from_instance(self, obj: AfwegingskaderVersion) -> str:
        return f"{obj.get_sector_display()} – {obj.version}"


class ReadinessForm(KindveiligForm):
    adopted_on = forms.DateField(
        label=_("Meldcode adopted on"),
        required=False,
        widget=DATE_WIDGET,
        validators=[validate_event_date],
        help_text=_("Leave empty while your organisation has no meldcode yet."),
    )
    meldcode_version = forms.CharField(
        label=_("Version of the meldcode"),
        required=False,
        max_length=50,
        help_text=_("The version or date of your organisation's meldcode document."),
    )
    afwegingskader = FrameworkChoiceField(
        label=_("Afwegingskader"),
        queryset=AfwegingskaderVersion.objects.order_by("sector", "-valid_from"),
        required=False,
        help_text=_("The sector afwegingskader that is part of the meldcode."),
    )
    meldplicht_contact = forms.CharField(
        label=_("Contact for a suspicion against an employee"),
        required=False,
        max_length=200,
        help_text=_(
            "Who receives the report when an employee or volunteer is suspected "
            "(the houder or the bevoegd gezag): a function, and how to reach them."
        ),
    )
    vertrouwensinspecteur = forms.CharField(
        label=_("Vertrouwensinspecteur"),
        required=False,
        max_length=200,
        help_text=_(
            "How the houder or the board reaches the vertrouwensinspecteur of the "
            "Inspectie van het Onderwijs."
        ),
    )

    def __init__(self, *args: Any, meldplicht: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not meldplicht:
            del self.fields["meldplicht_contact"]
            del self.fields["vertrouwensinspecteur"]


class BriefingForm(KindveiligForm):
    held_on = forms.DateField(
        label=_("Date"), widget=DATE_WIDGET, validators=[validate_event_date]
    )
    kind = forms.ChoiceField(
        label=_("How"), choices=BriefingKind.choices, widget=forms.RadioSelect
    )
    topic = forms.CharField(
        label=_("What was covered"),
        required=False,
        max_length=200,
        help_text=_("For example: the five steps, the afwegingskader, a new protocol."),
    )
    participants = forms.IntegerField(
        label=_("Number of participants"), required=False, min_value=1
    )


class DesignationForm(KindveiligForm):
    location = forms.CharField(
        label=_("Location"),
        required=False,
        max_length=200,
        help_text=_("Leave empty when they serve the whole organisation."),
    )
    hours_per_week = forms.DecimalField(
        label=_("Hours per week"),
        min_value=Decimal(0),
        max_value=Decimal(MAX_HOURS_PER_WEEK),
        max_digits=4,
        decimal_places=1,
        help_text=_("Hours available for the role."),
    )
    since = forms.DateField(
        label=_("Aandachtsfunctionaris since"),
        widget=DATE_WIDGET,
        validators=[validate_event_date],
    )


class DesignationAddForm(DesignationForm):
    person = forms.TypedChoiceField(label=_("Member of staff"), coerce=int)
    field_order = ["person", "location", "hours_per_week", "since"]

    def __init__(
        self, *args: Any, members: list[tuple[int, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["person"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [("", "---------"), *members]


class DesignationEditForm(DesignationForm):
    until = forms.DateField(
        label=_("Until"),
        required=False,
        widget=DATE_WIDGET,
        validators=[validate_planned_date],
        help_text=_("The last day in the role. Leave empty while they hold it."),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and until < since:
            self.add_error("until", _("The last day cannot be before the first."))
        return cleaned


class CourseForm(KindveiligForm):
    name = forms.CharField(label=_("Name of the course"), max_length=200)
    provider = forms.CharField(label=_("Provider"), max_length=200, required=False)
    certified = forms.BooleanField(
        label=_("Certified course"),
        required=False,
        help_text=_(
            "The course is certified under the Kwaliteitsstelsel aandachtsfunctionaris."
        ),
    )
    obtained_on = forms.DateField(
        label=_("Course date"),
        widget=DATE_WIDGET,
        validators=[validate_event_date],
        help_text=_("The date of the last session or of the certificate."),
    )
    hours = forms.DecimalField(
        label=_("Hours"),
        required=False,
        min_value=Decimal(0),
        max_value=Decimal(MAX_COURSE_HOURS),
        max_digits=4,
        decimal_places=1,
    )


class RegisterForm(KindveiligForm):
    registration_number = forms.CharField(label=_("Registration number"), max_length=50)
    obtained_on = forms.DateField(
        label=_("Registered on"), widget=DATE_WIDGET, validators=[validate_event_date]
    )
    valid_until = forms.DateField(
        label=_("Valid until"), widget=DATE_WIDGET, validators=[validate_planned_date]
    )


class VogForm(KindveiligForm):
    obtained_on = forms.DateField(
        label=_("Date of issue"),
        widget=DATE_WIDGET,
        validators=[validate_event_date],
        help_text=_("The register asks for a VOG no older than two years."),
    )


QUALIFICATION_FORMS: dict[QualificationKind, type[KindveiligForm]] = {
    QualificationKind.COURSE: CourseForm,
    QualificationKind.REGISTER: RegisterForm,
    QualificationKind.VOG: VogForm,
}
