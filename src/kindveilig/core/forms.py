"""Forms that render the NL Design System way.

Every form in Kindveilig derives from ``KindveiligForm`` or
``KindveiligModelForm``. They give each widget the Utrecht component classes
for its type (``utrecht-textbox``, ``utrecht-select``, ...) and mark the
widgets of invalid fields with ``aria-invalid="true"``. ``KindveiligFormRenderer``
(``FORM_RENDERER`` in the settings) renders every field through
``components/field.html``: label, help text and errors in fixed places, linked
to the widget with ``aria-describedby``.

The classes are added when a field is looked up for rendering
(``form["name"]``, ``form.name`` in a template, iterating the form), not in
``__init__``: a subclass may still replace a widget or a queryset after
``super().__init__()``, and both constructors keep their own signatures.
"""

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting
from django.forms.utils import ErrorDict
from django.forms.widgets import Input
from django.http import QueryDict
from django.utils.text import format_lazy

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

__all__ = [
    "KindveiligForm",
    "KindveiligFormRenderer",
    "KindveiligModelForm",
    "NLDSFormMixin",
    "apply_errors",
    "nlds_classes_for",
    "small_int",
    "with_one_more_form",
]

TEXTBOX = ("utrecht-textbox", "utrecht-textbox--html-input")
TEXTAREA = ("utrecht-textarea", "utrecht-textarea--html-textarea")
SELECT = ("utrecht-select", "utrecht-select--html-select")
CHECKBOX = ("utrecht-checkbox", "utrecht-checkbox--html-input")
RADIO_BUTTON = ("utrecht-radio-button", "utrecht-radio-button--html-input")

# First match wins, so subclasses come before their base classes
# (CheckboxSelectMultiple is a RadioSelect; CheckboxInput is an Input).
_WIDGET_CLASSES: tuple[tuple[type[forms.Widget], tuple[str, ...]], ...] = (
    (forms.HiddenInput, ()),
    (forms.FileInput, ()),
    (forms.ColorInput, ()),
    (forms.CheckboxSelectMultiple, CHECKBOX),
    (forms.RadioSelect, RADIO_BUTTON),
    (forms.Select, SELECT),  # also SelectMultiple and NullBooleanSelect
    (forms.SelectDateWidget, SELECT),  # passes its attrs on to its three selects
    (forms.Textarea, TEXTAREA),
    (forms.CheckboxInput, CHECKBOX),
    (Input, TEXTBOX),  # Text, Email, Password, Number, Date, Time, URL, ...
)


def nlds_classes_for(widget: forms.Widget) -> tuple[str, ...]:
    """The Utrecht CSS classes for a widget of this type (empty if none)."""
    for widget_type, classes in _WIDGET_CLASSES:
        if isinstance(widget, widget_type):
            return classes
    return ()


def add_nlds_classes(widget: forms.Widget, *, invalid: bool = False) -> None:
    """Add the Utrecht classes to ``widget.attrs["class"]``, keeping others.

    With ``invalid``, also the component's ``--invalid`` modifier (such as
    ``utrecht-select--invalid``: the select has no ``[aria-invalid]`` style).
    """
    if isinstance(widget, forms.MultiWidget):
        for subwidget in widget.widgets:
            add_nlds_classes(subwidget, invalid=invalid)
        return
    classes = nlds_classes_for(widget)
    if not classes:
        return
    if invalid:
        classes = (*classes, f"{classes[0]}--invalid")
    current: list[str] = str(widget.attrs.get("class", "")).split()
    widget.attrs["class"] = " ".join(_unique([*current, *classes]))


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


class NLDSFormMixin(forms.BaseForm):
    """Utrecht classes and ``aria-invalid`` on the widgets of a form."""

    def __getitem__(self, name: str) -> BoundField:
        bound_field = super().__getitem__(name)
        widget = bound_field.field.widget
        # Read the errors without triggering validation: this may run before
        # the form is cleaned (or while a subclass is still being set up).
        errors = getattr(self, "_errors", None)
        invalid = isinstance(errors, ErrorDict) and name in errors
        add_nlds_classes(widget, invalid=invalid)
        if invalid and not widget.is_hidden:
            widget.attrs["aria-invalid"] = "true"
        return bound_field


class KindveiligForm(NLDSFormMixin, forms.Form):
    """Base class for every plain form."""


class KindveiligModelForm[M: Model](NLDSFormMixin, forms.ModelForm[M]):
    """Base class for every model form: ``class XForm(KindveiligModelForm[X])``."""


class KindveiligFormRenderer(TemplatesSetting):
    """Renders forms and fields with our components (see docs/frontend.md).

    ``{{ form }}``: ``components/form.html`` (error summary, then the fields);
    ``{{ form.x.as_field_group }}``: ``components/field.html``.
    """

    form_template_name = "components/form.html"
    field_template_name = "components/field.html"


def apply_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Put a service's ValidationError next to the fields it names (or on top), so
    the user sees the Dutch message beside what caused it and keeps what they typed."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            target = field if field in form.fields else None
            for message in messages:
                form.add_error(target, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


def required_when[F: forms.Field](field: F, condition: "str | _StrPromise") -> F:
    """Mark a field that the service requires only in some cases (the child, when
    the conversation was with a child). The form cannot know the case, so the field
    is not ``required``; its label then must not say "(optional)": it says when the
    field is needed instead. ``condition`` is a translated sentence."""
    field.required = False
    field.conditionally_required = condition  # type: ignore[attr-defined]  # read by components/field.html
    field.help_text = (
        format_lazy("{} {}", condition, field.help_text)
        if field.help_text
        else condition
    )
    return field


def small_int(value: str | None) -> int | None:
    """A number typed into a query string or a hidden field, or None when it is no
    plain number of at most nine digits. ``int()`` alone would fail on "1.5" and on
    "²" (a digit to ``str.isdigit``), and pass 10**20 on to the database."""
    if value and value.isascii() and value.isdigit() and len(value) <= 9:
        return int(value)
    return None


def with_one_more_form(post: QueryDict, prefix: str) -> QueryDict:
    """For an "add a row" button: the POST with one more form in the formset. A
    count that is not a number stays as it is; the formset then reports it."""
    data = post.copy()
    key = f"{prefix}-TOTAL_FORMS"
    count = small_int(data.get(key, "0"))
    if count is not None:
        data[key] = str(count + 1)
    return data
