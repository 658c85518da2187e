from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kindveilig.core.forms import KindveiligForm, KindveiligModelForm
from kindveilig.youth.messages.models import Weekday

from .hulpwijzer import Answer, Question, parse_answers
from .models import Channel, HelpService
from .services import Hours

ANSWER_CHOICES = [(Answer.YES.value, _("Yes")), (Answer.NO.value, _("No"))]


class HulpwijzerForm(KindveiligForm):
    """The answers so far, read from the query string (a GET form)."""

    v1 = forms.ChoiceField(choices=ANSWER_CHOICES, required=False)
    v2 = forms.ChoiceField(choices=ANSWER_CHOICES, required=False)
    v3 = forms.ChoiceField(choices=ANSWER_CHOICES, required=False)
    v4 = forms.ChoiceField(choices=ANSWER_CHOICES, required=False)

    def answers(self) -> dict[str, Answer]:
        self.is_valid()
        return parse_answers(
            {key: value for key, value in self.cleaned_data.items() if value}
        )


def answered_before(
    answers: dict[str, Answer], question: Question
) -> list[tuple[str, str]]:
    """The answers to carry along as hidden fields while asking ``question``."""
    return [(key, value.value) for key, value in answers.items() if key != question.key]


class HelpServiceForm(KindveiligModelForm[HelpService]):
    class Meta:
        model = HelpService
        fields = [
            "name",
            "description_nl",
            "description_en",
            "description_ar",
            "description_tr",
            "description_pl",
            "description_uk",
            "phone",
            "chat_url",
            "website",
            "always_open",
            "closed_on_holidays",
            "order",
            "active",
        ]
        widgets = {
            "description_nl": forms.Textarea(attrs={"rows": 4}),
            "description_en": forms.Textarea(attrs={"rows": 4}),
            # Arabic is written right to left; the browser chooses per paragraph.
            "description_ar": forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
            "description_tr": forms.Textarea(attrs={"rows": 4}),
            "description_pl": forms.Textarea(attrs={"rows": 4}),
            "description_uk": forms.Textarea(attrs={"rows": 4}),
        }


class NewHelpServiceForm(HelpServiceForm):
    class Meta(HelpServiceForm.Meta):
        fields = ["slug", *HelpServiceForm.Meta.fields]


TIME_WIDGET = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class OpeningHoursForm(KindveiligForm):
    channel = forms.ChoiceField(
        label=_("For"), choices=Channel.choices, initial=Channel.ALL
    )
    weekday = forms.TypedChoiceField(
        label=_("Day"), choices=Weekday.choices, coerce=int
    )
    opens = forms.TimeField(label=_("Opens at"), widget=TIME_WIDGET)
    closes = forms.TimeField(
        label=_("Closes at"),
        widget=TIME_WIDGET,
        help_text=_("Before the opening time: open until after midnight."),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        opens, closes = cleaned.get("opens"), cleaned.get("closes")
        if opens is not None and opens == closes:
            self.add_error(
                "closes", _("The closing time must differ from the opening time.")
            )
        return cleaned

    def hours(self) -> Hours:
        data = self.cleaned_data
        return Hours(
            channel=data["channel"],
            weekday=data["weekday"],
            opens=data["opens"],
            closes=data["closes"],
        )


# At most 100 rows: a POST that claims more is refused before a form is built for
# each (Django's default would build up to 2000).
OpeningHoursFormSet = forms.formset_factory(
    OpeningHoursForm, extra=3, can_delete=True, max_num=100, absolute_max=100
)


def hours_of(formset: forms.BaseFormSet[OpeningHoursForm]) -> list[Hours]:
    """The filled-in, not deleted rows of a valid formset."""
    return [
        form.hours()
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]
