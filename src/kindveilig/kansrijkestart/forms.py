from collections.abc import Mapping
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kindveilig.core.forms import (
    KindveiligForm,
    OptionList,
    SharedOptionsSelect,
    required_when,
)
from kindveilig.core.validators import (
    validate_birth_date,
    validate_bsn,
    validate_event_date,
    validate_no_hidden_characters,
)
from kindveilig.meldcode.models.choices import FormOfViolence
from kindveilig.organisations.models import Organisation

from .consent_services import WITHDRAWAL_WORDS_REQUIRED
from .models import (
    CONSENT_AT_SIGNAL,
    ConsentStatus,
    ContactAnswer,
    ContactKind,
    NextStep,
    Phase,
    ProtectiveFactor,
    RiskFactor,
    VulnerabilityDomain,
)
from .selectors import follow_up_organisations, lokaal_teams

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _name(label: Any, max_length: int = 100, required: bool = True) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        validators=[validate_no_hidden_characters],
    )


def _text(label: Any, help_text: Any = "", required: bool = False) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[validate_no_hidden_characters],
    )


class SignalForm(KindveiligForm):
    parent_given_name = _name(_("Given name of the (expectant) parent"))
    parent_family_name = _name(_("Family name of the (expectant) parent"), 150)
    parent_date_of_birth = forms.DateField(
        label=_("Date of birth of the parent"),
        required=False,
        widget=DATE_WIDGET,
        validators=[validate_birth_date],
    )
    parent_bsn = forms.CharField(
        label=_("BSN of the parent"),
        required=False,
        max_length=9,
        validators=[validate_bsn],
    )
    phase = forms.ChoiceField(
        label=_("Phase"), choices=Phase.choices, widget=forms.RadioSelect
    )
    expected_date = required_when(
        forms.DateField(label=_("Due date"), widget=DATE_WIDGET),
        _("Needed for a pregnancy."),
    )
    child_given_name = required_when(
        _name(_("Given name of the child")), _("Needed for a young child.")
    )
    child_family_name = required_when(
        _name(_("Family name of the child"), 150), _("Needed for a young child.")
    )
    child_date_of_birth = required_when(
        forms.DateField(
            label=_("Date of birth of the child"),
            widget=DATE_WIDGET,
            validators=[validate_birth_date],
        ),
        _("Needed for a young child."),
    )
    child_bsn = forms.CharField(
        label=_("BSN of the child"),
        required=False,
        max_length=9,
        validators=[validate_bsn],
    )
    domains = forms.MultipleChoiceField(
        label=_("Domains of concern"),
        choices=VulnerabilityDomain.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    concern = _text(
        _("The concern in short"),
        _("What you saw or heard, as factually as you can."),
        required=True,
    )
    parent_wishes = _text(
        _("What the parent wants"), _("In the parent's own words, where you can.")
    )
    consent = forms.ChoiceField(
        label=_("Does the parent consent?"),
        choices=[
            (value, label)
            for value, label in ConsentStatus.choices
            if value in CONSENT_AT_SIGNAL
        ],
        widget=forms.RadioSelect,
        help_text=_(
            "Consent to the follow-up by the JGZ and to discussing the family in "
            "the local coalition."
        ),
    )
    consent_words = required_when(
        _text(_("What the parent said")),
        _("Needed when the parent does not consent."),
    )
    follow_up_organisation = forms.ModelChoiceField(
        label=_("Followed up by (JGZ or CJG)"),
        queryset=Organisation.objects.none(),
    )

    def __init__(self, data: Mapping[str, Any] | None = None) -> None:
        super().__init__(data)
        field = self.fields["follow_up_organisation"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = follow_up_organisations()


class ContactForm(KindveiligForm):
    kind = forms.ChoiceField(label=_("Kind of contact"), choices=ContactKind.choices)
    happened_on = forms.DateField(
        label=_("Date"), widget=DATE_WIDGET, validators=[validate_event_date]
    )
    routine_question_asked = forms.BooleanField(
        label=_("I asked the routine question about violence at home"),
        required=False,
    )
    routine_answer = required_when(
        forms.ChoiceField(
            label=_("The parent's answer"),
            choices=ContactAnswer.choices,
            widget=forms.RadioSelect,
        ),
        _("Needed when you asked the routine question."),
    )
    parent_words = _text(
        _("The parent's own words"), _("Write down what the parent said, literally.")
    )
    child_observations = _text(_("Observations of the child"))
    went_well = _text(_("What went well"))
    risk_factors = forms.MultipleChoiceField(
        label=_("Risk factors seen"),
        choices=RiskFactor.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    protective_factors = forms.MultipleChoiceField(
        label=_("Protective factors seen"),
        choices=ProtectiveFactor.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    next_step = forms.ChoiceField(
        label=_("Agreed next step"), choices=NextStep.choices, widget=forms.RadioSelect
    )
    next_step_note = _text(_("About the next step"))


class BirthForm(KindveiligForm):
    given_name = _name(_("Given name of the child"))
    family_name = _name(_("Family name of the child"), 150)
    date_of_birth = forms.DateField(
        label=_("Date of birth"), widget=DATE_WIDGET, validators=[validate_event_date]
    )
    bsn = forms.CharField(
        label=_("BSN of the child"),
        required=False,
        max_length=9,
        validators=[validate_bsn],
    )


class CloseForm(KindveiligForm):
    reason = _text(_("Why the follow-up ends"), required=True)


class ConsentWithdrawForm(KindveiligForm):
    words = _text(
        _("What the parent said"),
        _("In the parent's own words, where you can."),
        required=True,
    )
    words.error_messages["required"] = WITHDRAWAL_WORDS_REQUIRED


class MomentTrajectoryForm(KindveiligForm):
    """The one click: the forms of violence come checked from what was recorded."""

    forms_of_violence = forms.MultipleChoiceField(
        label=_("Forms of violence you are worried about"),
        choices=FormOfViolence.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class HouseholdRequestForm(KindveiligForm):
    """The one click to the lokaal team: which team, and a note if needed."""

    lokaal_team = forms.ModelChoiceField(
        label=_("Lokaal team"), queryset=Organisation.objects.none()
    )
    note = _text(_("What the lokaal team should know"))

    def __init__(
        self,
        data: Mapping[str, Any] | None = None,
        *,
        teams: OptionList | None = None,
        **kwargs: Any,
    ) -> None:
        """``teams``: the lokaal teams as ``team_options`` made them, shared by
        every form on the page (the list is long: a thousand teams nationally)."""
        super().__init__(data, **kwargs)
        field = self.fields["lokaal_team"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = lokaal_teams()
        if teams is not None:
            field.widget = SharedOptionsSelect(teams)


def team_options(teams: list[tuple[int, str]]) -> OptionList:
    """The lokaal team choices of ``HouseholdRequestForm``, from
    ``lokaal_team_rows``: the same options as the form's own queryset."""
    empty = HouseholdRequestForm.base_fields["lokaal_team"]
    assert isinstance(empty, forms.ModelChoiceField)
    return OptionList([("", empty.empty_label or ""), *teams])
