from collections.abc import Mapping
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kindveilig.core.forms import KindveiligForm
from kindveilig.core.validators import (
    validate_birth_date,
    validate_bsn,
    validate_event_date,
    validate_no_hidden_characters,
)
from kindveilig.meldcode.models import LegalBasis
from kindveilig.organisations.models import Organisation

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ShareForm(KindveiligForm):
    to_organisation = forms.ModelChoiceField(
        label=_("Share with organisation"),
        queryset=Organisation.objects.none(),
    )
    legal_basis = forms.ChoiceField(
        label=_("Legal basis"),
        choices=LegalBasis.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Share with consent where you can. Without consent only when the "
            "meldrecht applies or it is necessary for the child's safety."
        ),
    )
    consent_given_by = forms.CharField(
        label=_("Consent given by"),
        required=False,
        max_length=200,
        help_text=_("For example: mother (with gezag), or the young person."),
    )
    consent_given_on = forms.DateField(
        label=_("Consent given on"),
        required=False,
        widget=DATE_WIDGET,
        validators=[validate_event_date],
    )
    reason = forms.CharField(
        label=_("Why without consent"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(
        self, data: Mapping[str, Any] | None = None, *, exclude_organisation_id: int
    ) -> None:
        super().__init__(data)
        field = self.fields["to_organisation"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Organisation.objects.filter(is_active=True).exclude(
            pk=exclude_organisation_id
        )


class SignalForm(KindveiligForm):
    given_name = forms.CharField(
        label=_("Given name of the child"),
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
        validators=[validate_bsn],
        help_text=_("Signals are matched on the BSN only."),
    )
    contact_phone = forms.CharField(
        label=_("Phone number where colleagues reach you"),
        required=False,
        max_length=30,
    )
    parents_informed = forms.BooleanField(
        label=_("The parents or the young person know about this signal"),
        required=False,
    )
