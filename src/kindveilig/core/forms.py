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

import html
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting
from django.forms.utils import ErrorDict
from django.forms.widgets import Input
from django.http import QueryDict
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import format_lazy

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

__all__ = [
    "KindveiligForm",
    "KindveiligFormRenderer",
    "KindveiligModelForm",
    "NLDSFormMixin",
    "OptionList",
    "SharedOptionsSelect",
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


class OptionList:
    """The choices of a ``<select>`` that several forms on one page share (such as
    the lokaal teams under every contact moment): their ``<option>`` elements are
    rendered once per selected value, not once per form, and without a template
    per option. Built per request from the caller's query: nothing is kept
    between requests."""

    def __init__(self, choices: Iterable[tuple[object, object]]) -> None:
        self.choices = [(str(value), str(label)) for value, label in choices]
        self._rendered: dict[tuple[str, ...], SafeString] = {}

    def render(self, selected: Sequence[str]) -> SafeString:
        """The options as Django's ``select_option.html`` writes them; like a
        single ``Select``, only the first option with a selected value is
        selected."""
        key = tuple(selected)
        if key not in self._rendered:
            rows = []
            has_selected = False
            for value, label in self.choices:
                is_selected = not has_selected and value in key
                has_selected |= is_selected
                mark = " selected" if is_selected else ""
                rows.append(
                    f'\n  <option value="{html.escape(value)}"{mark}>'
                    f"{html.escape(label)}</option>\n"
                )
            # Escaped as django.utils.html.escape does (html.escape, quotes too).
            self._rendered[key] = mark_safe("".join(rows))  # noqa: S308
        return self._rendered[key]


def _widget_attrs(attrs: Mapping[str, Any]) -> SafeString:
    """The attributes as Django's ``attrs.html`` writes them."""
    return format_html_join(
        "",
        " {}{}",
        (
            (name, "" if value is True else format_html('="{}"', str(value)))
            for name, value in attrs.items()
            if value is not False
        ),
    )


class SharedOptionsSelect(forms.Select):
    """A ``Select`` whose options come from an ``OptionList`` shared by the
    forms of one page. It writes the same HTML as Django's ``select.html``
    (a test compares them) at a fraction of the cost for a long list."""

    def __init__(
        self, shared: OptionList, attrs: Mapping[str, Any] | None = None
    ) -> None:
        super().__init__(attrs=dict(attrs) if attrs else None)
        self.shared = shared

    def use_required_attribute(self, initial: Any) -> bool:
        # As Select: only when the first option is the empty one.
        first = next(iter(self.shared.choices), None)
        return (
            forms.Widget.use_required_attribute(self, initial)
            and first is not None
            and first[0] == ""
        )

    def render(
        self,
        name: str,
        value: Any,
        attrs: dict[str, Any] | None = None,
        renderer: Any = None,
    ) -> SafeString:
        return format_html(
            '<select name="{}"{}>{}\n</select>',
            name,
            _widget_attrs(self.build_attrs(self.attrs, attrs)),
            self.shared.render(self.format_value(value)),
        )


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
