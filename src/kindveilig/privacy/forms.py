import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from kindveilig.core.forms import KindveiligForm
from kindveilig.core.validators import (
    validate_birth_date,
    validate_no_hidden_characters,
)


class InzageForm(KindveiligForm):
    reason = forms.CharField(
        label=_("Reason for the export"),
        min_length=10,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: request of the person (AVG art. 15) of 3 March."),
    )
    format = forms.ChoiceField(
        label=_("Format"),
        choices=[("pdf", "PDF"), ("json", "JSON")],
        initial="pdf",
    )


class PersonCorrectionForm(KindveiligForm):
    """Rectificatie (AVG art. 16): the person's data as it should be, and why."""

    given_name = forms.CharField(label=_("Given name"), max_length=100)
    family_name = forms.CharField(label=_("Family name"), max_length=100)
    date_of_birth = forms.DateField(
        label=_("Date of birth"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    reason = forms.CharField(
        label=_("Reason for the correction"),
        min_length=10,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: request of the person (AVG art. 16) of 3 March."),
    )

    def clean_given_name(self) -> str:
        return _checked_name(self.cleaned_data["given_name"])

    def clean_family_name(self) -> str:
        return _checked_name(self.cleaned_data["family_name"])

    def clean_date_of_birth(self) -> datetime.date | None:
        value: datetime.date | None = self.cleaned_data["date_of_birth"]
        if value is not None:
            validate_birth_date(value)
        return value


class LegalHoldForm(KindveiligForm):
    reason = forms.CharField(
        label=_("Why must the data be kept?"),
        min_length=10,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "For example: a court case, a complaint or an investigation, with its "
            "reference. The data is kept beyond its retention term until the hold "
            "is lifted."
        ),
    )


def _checked_name(value: str) -> str:
    validate_no_hidden_characters(value)
    return " ".join(value.split())
