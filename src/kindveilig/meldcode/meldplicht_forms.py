"""The forms of the meldplicht route: one per step, each carrying the version
of the case the user saw (optimistic locking). Rules that depend on the case
(the order of the steps, who records, the houder as suspect) are the services'."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from django_stubs_ext import StrPromise

from kindveilig.core.forms import KindveiligForm, required_when
from kindveilig.core.validators import validate_event_date

from .forms import DATE_WIDGET, TEXTAREA, VersionedForm
from .models import AangifteDecision

__all__ = [
    "AangifteForm",
    "ConsultInspecteurForm",
    "InformHouderForm",
    "LinkTrajectoryForm",
    "MeasuresForm",
    "MeldplichtForm",
]


def _date(label: StrPromise) -> forms.DateField:
    return forms.DateField(
        label=label,
        widget=DATE_WIDGET,
        validators=[validate_event_date],
        initial=timezone.localdate,
    )


class MeldplichtForm(KindveiligForm):
    summary = forms.CharField(label=_("What happened, in short"), widget=TEXTAREA)
    suspect_is_houder = forms.BooleanField(
        label=_("The suspect is the houder or a member of the bevoegd gezag"),
        required=False,
        help_text=_(
            "Then you do not inform the houder: you consult the vertrouwensinspecteur "
            "and file the aangifte with the police yourself."
        ),
    )


class InformHouderForm(VersionedForm):
    on = _date(_("Date the houder or bevoegd gezag was informed"))
    note = forms.CharField(
        label=_("Note"), widget=TEXTAREA, required=False, max_length=5000
    )


class ConsultInspecteurForm(VersionedForm):
    on = _date(_("Date of the consultation with the vertrouwensinspecteur"))
    note = forms.CharField(
        label=_("Advice of the vertrouwensinspecteur"),
        widget=TEXTAREA,
        required=False,
        max_length=5000,
    )


class AangifteForm(VersionedForm):
    decision = forms.ChoiceField(
        label=_("Decision on aangifte"),
        choices=AangifteDecision.choices,
        widget=forms.RadioSelect,
    )
    on = _date(_("Date of the aangifte or of the decision"))
    reason = required_when(
        forms.CharField(
            label=_("Reason for the decision"), widget=TEXTAREA, max_length=5000
        ),
        _("Needed when there is no reasonable suspicion of a criminal offence."),
    )


class MeasuresForm(VersionedForm):
    measures = forms.CharField(
        label=_("Measures taken"), widget=TEXTAREA, max_length=5000
    )
    on = _date(_("Date of the measures"))


class LinkTrajectoryForm(VersionedForm):
    trajectory = forms.ChoiceField(
        label=_("Meldcode trajectory about the child's home"),
        required=False,
        help_text=_(
            "The case and the trajectory stay apart; the trajectory only shows that "
            "a meldplicht case is linked to it."
        ),
    )

    def __init__(
        self, *args: object, choices: list[tuple[str, str]], **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # Form's own arguments
        field = self.fields["trajectory"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("No link")), *choices]
