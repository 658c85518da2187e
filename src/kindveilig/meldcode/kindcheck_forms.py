"""The kindcheck form: the questions an adult service asks at intake and at
each evaluation (docs/kindcheck.md)."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kindveilig.core.forms import KindveiligForm

from .models import KindcheckMoment

YES_NO = [("yes", _("Yes")), ("no", _("No"))]
TEXTAREA = forms.Textarea(attrs={"rows": 4})


def _yes(value: object) -> bool:
    return value == "yes"


def _yes_no(label: Any, help_text: Any = "") -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        help_text=help_text,
        choices=YES_NO,
        coerce=_yes,
        widget=forms.RadioSelect,
        error_messages={"required": _("Answer yes or no.")},
    )


class KindcheckForm(KindveiligForm):
    moment = forms.ChoiceField(
        label=_("When is this kindcheck?"),
        choices=KindcheckMoment.choices,
        initial=KindcheckMoment.INTAKE,
        widget=forms.RadioSelect,
    )
    client_has_children = _yes_no(
        _("Does the client care for children?"),
        _(
            "Minors in the household, or children the client has contact with or "
            "cares for part of the time."
        ),
    )
    expecting_child = forms.BooleanField(
        label=_("The client or their partner is pregnant"), required=False
    )
    number_of_children = forms.IntegerField(
        label=_("Number of children"), min_value=0, max_value=30, required=False
    )
    children_ages = forms.CharField(
        label=_("Ages of the children"),
        help_text=_(
            "For example: 3, 7 and 12. No names: the kindcheck names no child."
        ),
        max_length=200,
        required=False,
    )
    care_shared = forms.BooleanField(
        label=_("Care is shared"),
        help_text=_("With another parent, family, or foster care."),
        required=False,
    )
    worry = _yes_no(
        _("Are you worried about the safety of the children?"),
        _(
            "For example because of serious psychiatric problems, an addiction, "
            "violence between the parents or debts that put the children at risk."
        ),
    )
    notes = forms.CharField(
        label=_("Notes"),
        help_text=_(
            "Which parental problems you see, and what they mean for the children. "
            "With a worry, these notes go into the meldcode trajectory."
        ),
        widget=TEXTAREA,
        required=False,
    )
