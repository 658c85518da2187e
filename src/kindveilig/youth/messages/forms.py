import datetime as dt

from django import forms
from django.http import QueryDict
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from kindveilig.core.forms import KindveiligForm
from kindveilig.meldcode.models.choices import FormOfViolence

from .codes import PickupCode
from .models import AnswerTemplate, DangerCategory, PatternLanguage, Weekday
from .services import MAX_CONTACT_CHARS, MAX_FIRST_NAME_CHARS, MAX_MESSAGE_CHARS

# --- for children ---------------------------------------------------------------

# What a child types must not be kept by the browser: autocomplete="off" keeps a
# field out of autofill and out of the form state Chromium saves with a history
# entry (and in its session files), so Back and a restored tab show it empty.
# The spelling checker is off too: it may send text to a service.
PRIVATE_TEXT = {"autocomplete": "off", "spellcheck": "false"}


class ChooseForm(KindveiligForm):
    q = forms.CharField(
        label=_("The code or the name of your school or club"),
        help_text=_("For example REGENBOOG, or a part of the name."),
        max_length=100,
        widget=forms.TextInput(attrs=PRIVATE_TEXT),
        error_messages={"required": _("Type a code or a name.")},
    )


class WriteForm(KindveiligForm):
    channel = forms.CharField(widget=forms.HiddenInput, max_length=20)
    submission = forms.CharField(widget=forms.HiddenInput, max_length=64)
    body = forms.CharField(
        label=_("What is going on?"),
        help_text=_(
            "Write it in your own words. Spelling does not matter. You do not have "
            "to give your name."
        ),
        max_length=MAX_MESSAGE_CHARS,
        widget=forms.Textarea(attrs=PRIVATE_TEXT | {"rows": "8"}),
        error_messages={
            "required": _("Write something first."),
            "max_length": _(
                "This is too long. You can send the rest later, with your code."
            ),
        },
    )
    first_name = forms.CharField(
        label=_("Your first name"),
        help_text=_("Only if you want to."),
        max_length=MAX_FIRST_NAME_CHARS,
        required=False,
        widget=forms.TextInput(attrs=PRIVATE_TEXT),
    )
    contact = forms.CharField(
        label=_("How can the adult reach you?"),
        help_text=_(
            "Only if you want to, and only if it is safe. For example: "
            "'at school, in the break'."
        ),
        max_length=MAX_CONTACT_CHARS,
        required=False,
        widget=forms.TextInput(attrs=PRIVATE_TEXT),
    )
    # The honeypot: hidden from people (and screen readers); scripts fill it in.
    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )


EXAMPLE_CODE = PickupCode(words=("uil", "appel", "brug", "kat"), number=482)


def _example_code() -> str:
    return EXAMPLE_CODE.text_in(get_language())


class ReadForm(KindveiligForm):
    code = forms.CharField(
        label=_("Your code"),
        # The example in the words of the page's language (a Dutch code, read
        # in that language's list).
        help_text=format_lazy(
            _("Four words and a number, for example: {example}."),
            example=lazy(_example_code, str)(),
        ),
        max_length=120,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "none",
                "spellcheck": "false",
            }
        ),
        error_messages={"required": _("Type your code.")},
    )


class ReplyForm(KindveiligForm):
    body = forms.CharField(
        label=_("Write back"),
        max_length=MAX_MESSAGE_CHARS,
        widget=forms.Textarea(attrs=PRIVATE_TEXT | {"rows": "5"}),
        error_messages={
            "required": _("Write something first."),
            "max_length": _(
                "This is too long. You can send the rest in a second message."
            ),
        },
    )


# --- for staff ------------------------------------------------------------------


class AnswerForm(KindveiligForm):
    body = forms.CharField(
        label=_("Your answer"),
        help_text=_(
            "Write as you would speak to a child of 11: short sentences, plain "
            "words. The child reads this with the code; never ask for the code."
        ),
        max_length=MAX_MESSAGE_CHARS,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    template = forms.TypedChoiceField(
        label=_("Start from a template"),
        help_text=_("Choose one and press 'Use template'; then adapt the text."),
        coerce=int,
        required=False,
        empty_value=None,
    )

    def __init__(
        self,
        data: QueryDict | None = None,
        *,
        templates: list[AnswerTemplate],
        initial: dict[str, str] | None = None,
    ) -> None:
        super().__init__(data, initial=initial)
        self.templates = {template.pk: template for template in templates}
        field = self.fields["template"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [
            ("", "—"),
            *((template.pk, template.title) for template in templates),
        ]


class MisuseForm(KindveiligForm):
    reason = forms.CharField(
        label=_("Why is this misuse?"),
        help_text=_(
            "For example: a prank, or used to bully another child. The conversation "
            "is kept and counted; it is deleted with the others after the retention "
            "period."
        ),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class EscalateForm(KindveiligForm):
    given_name = forms.CharField(
        label=_("Given name of the child"),
        help_text=_(
            "The child's name is not known yet. Keep the placeholder, or fill in "
            "what you know; complete it in the trajectory once you know more."
        ),
        max_length=100,
    )
    family_name = forms.CharField(label=_("Family name"), max_length=150)
    forms_of_violence = forms.MultipleChoiceField(
        label=_("Forms of violence"),
        help_text=_("What the messages suggest; you can change it later."),
        choices=FormOfViolence.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one form of violence.")},
    )


class ChannelForm(KindveiligForm):
    public_code = forms.CharField(
        label=_("Public code"),
        help_text=_(
            "3 to 20 capital letters or digits, e.g. REGENBOOG. Put it on posters "
            "and in the classroom."
        ),
        max_length=30,
    )
    display_name = forms.CharField(label=_("Name shown to children"), max_length=120)
    enabled = forms.BooleanField(label=_("Open for messages"), required=False)


class ChannelHoursForm(KindveiligForm):
    """From and until per weekday; a day with both empty is closed. All days
    empty: the default hours (Monday to Friday 08:00-17:00)."""

    def __init__(
        self,
        data: QueryDict | None = None,
        *,
        initial: dict[str, dt.time] | None = None,
    ) -> None:
        super().__init__(data, initial=initial)
        for day in Weekday:
            self.fields[f"opens_{day.value}"] = forms.TimeField(
                label=_("%(day)s from") % {"day": day.label}, required=False
            )
            self.fields[f"closes_{day.value}"] = forms.TimeField(
                label=_("%(day)s until") % {"day": day.label}, required=False
            )

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        for day in Weekday:
            opens = cleaned.get(f"opens_{day.value}")
            closes = cleaned.get(f"closes_{day.value}")
            if (opens is None) != (closes is None):
                self.add_error(
                    f"closes_{day.value}" if closes is None else f"opens_{day.value}",
                    _("Give both times, or neither when nobody reads messages then."),
                )
            elif opens is not None and closes is not None and closes <= opens:
                self.add_error(
                    f"closes_{day.value}", _("Give a time after the first one.")
                )
        return cleaned

    def hours(self) -> list[tuple[int, dt.time, dt.time]]:
        rows = []
        for day in Weekday:
            opens = self.cleaned_data.get(f"opens_{day.value}")
            closes = self.cleaned_data.get(f"closes_{day.value}")
            if isinstance(opens, dt.time) and isinstance(closes, dt.time):
                rows.append((day.value, opens, closes))
        return rows

    @staticmethod
    def initial_for(hours: list[tuple[int, dt.time, dt.time]]) -> dict[str, dt.time]:
        initial: dict[str, dt.time] = {}
        for weekday, opens, closes in hours:
            initial.setdefault(f"opens_{weekday}", opens)
            initial.setdefault(f"closes_{weekday}", closes)
        return initial


class DangerPatternForm(KindveiligForm):
    pattern = forms.CharField(
        label=_("Words or pattern"),
        help_text=_(
            "Words in this order. word* matches every word that starts with it; "
            "word~ also with one letter wrong; a|b matches either word (single "
            "words only); .. allows up to three words in between, ... up to eight; "
            "$ is the end of the message."
        ),
        max_length=200,
    )
    category = forms.ChoiceField(label=_("Category"), choices=DangerCategory.choices)
    language = forms.ChoiceField(
        label=_("Language"),
        choices=PatternLanguage.choices,
        initial=PatternLanguage.DUTCH,
        required=False,
        help_text=_(
            "The language of the messages it is meant for. Dutch words are checked "
            "in every message."
        ),
    )
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)
    note = forms.CharField(label=_("Note"), max_length=200, required=False)

    def clean_language(self) -> str:
        return str(self.cleaned_data.get("language") or PatternLanguage.DUTCH)

    confirm_drop = forms.BooleanField(
        label=_("Save anyway, although a figure goes down"),
        required=False,
    )


class TryPatternForm(KindveiligForm):
    sample = forms.CharField(
        label=_("Try a message"),
        help_text=_("Nothing is saved: you see which categories it would match."),
        max_length=MAX_MESSAGE_CHARS,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    page_language = forms.ChoiceField(
        label=_("Written on a page in"),
        choices=PatternLanguage.choices[:2],
        initial=PatternLanguage.DUTCH,
        required=False,
    )
