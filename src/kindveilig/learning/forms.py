from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kindveilig.core.forms import KindveiligForm
from kindveilig.core.validators import validate_event_date, validate_planned_date
from kindveilig.organisations.models import Sector

from .models import LESSON_MAX_LENGTH, Factor, Handover, Heard, Reflection, Theme
from .personal_data import validate_no_personal_data
from .services import ReflectionAnswers

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def apply_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Put a service's ValidationError next to the fields it names (or on top)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.error_list)


class ReflectionForm(KindveiligForm):
    """The short look back after closing. Reusable for household cases."""

    child_heard = forms.ChoiceField(
        label=_("Was the child heard?"),
        choices=Heard.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Answer this question.")},
    )
    child_view_counted = forms.ChoiceField(
        label=_("Did the child's view count in the decisions?"),
        choices=Heard.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Answer this question.")},
    )
    handovers_warm = forms.ChoiceField(
        label=_("Were the handovers warm?"),
        help_text=_(
            "Warm: the next professional was introduced in person or together with "
            "the family, not only by a referral or a file."
        ),
        choices=Handover.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Answer this question.")},
    )
    helped = forms.MultipleChoiceField(
        label=_("What helped?"),
        choices=Factor.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    missed = forms.MultipleChoiceField(
        label=_("What was missing or came late?"),
        choices=Factor.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    themes = forms.MultipleChoiceField(
        label=_("Themes"),
        help_text=_(
            "Pick the themes this case taught something about. They are counted per "
            "sector and region."
        ),
        choices=Theme.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    lesson = forms.CharField(
        label=_("Lesson"),
        help_text=_(
            "What would you do the same, or differently, next time? Write it for "
            "colleagues who do not know the case: without names, BSNs, dates, "
            "addresses, phone numbers or e-mail addresses. The text is checked "
            "before it is saved."
        ),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=LESSON_MAX_LENGTH,
        required=False,
        validators=[validate_no_personal_data],
    )

    def answers(self) -> ReflectionAnswers:
        data = self.cleaned_data
        return ReflectionAnswers(
            child_heard=data["child_heard"],
            child_view_counted=data["child_view_counted"],
            handovers_warm=data["handovers_warm"],
            helped=list(data["helped"]),
            missed=list(data["missed"]),
            themes=list(data["themes"]),
            lesson=data["lesson"],
        )


class SessionForm(KindveiligForm):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        help_text=_("For example: “Casusreflectie onderwijs, first quarter”."),
    )
    held_on = forms.DateField(
        label=_("Date"), widget=DATE_WIDGET, validators=[validate_event_date]
    )


class PickForm(KindveiligForm):
    # The choice labels are the reflections themselves: the template shows
    # sector, quarter, themes and lesson beside each checkbox.
    reflections = forms.MultipleChoiceField(
        label=_("Reflections to discuss"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(
        self, *args: Any, reflections: list[Reflection], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["reflections"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [
            (str(reflection.public_id), reflection) for reflection in reflections
        ]


class SectorFilterForm(KindveiligForm):
    sector = forms.ChoiceField(
        label=_("Sector"),
        choices=[("", _("All sectors")), *Sector.choices],
        required=False,
    )


class YearFilterForm(KindveiligForm):
    jaar = forms.TypedChoiceField(
        label=_("Year"), coerce=int, empty_value=None, required=False
    )

    def __init__(self, *args: Any, years: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["jaar"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [("", _("All years")), *((y, str(y)) for y in years)]


class ActionForm(KindveiligForm):
    description = forms.CharField(
        label=_("What will be improved"),
        help_text=_(
            "An agreement about how you work, not about a child or family: no names, "
            "dates or addresses. The text is checked before it is saved."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=500,
        validators=[validate_no_personal_data],
    )
    owner = forms.CharField(
        label=_("Owner (name or role)"),
        help_text=_("The colleague or role who sees to it, e.g. “intern begeleider”."),
        max_length=200,
    )
    follow_up_on = forms.DateField(
        label=_("Follow up on"), widget=DATE_WIDGET, validators=[validate_planned_date]
    )
