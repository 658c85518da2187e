"""Forms and the page frame render the NL Design System way.

Fields go through components/field.html (KindveiligFormRenderer): errors sit
next to the widget and are linked to it with aria-describedby, the typed
value comes back, labels and help texts render. base.html keeps the contract
other templates rely on. No database needed.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

from django import forms
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.core.exceptions import ValidationError
from django.forms.renderers import get_default_renderer
from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.test import RequestFactory
from django.urls import include, path
from django.utils.translation import gettext
from django.views.i18n import set_language

import pytest
from pytest_django.fixtures import Settings

from kindveilig.core.forms import (
    KindveiligForm,
    KindveiligFormRenderer,
    OptionList,
    SharedOptionsSelect,
    nlds_classes_for,
    required_when,
)

# ---------------------------------------------------------------------------
# A small HTML tree, enough to ask "which element, with which attributes".
# ---------------------------------------------------------------------------

VOID = {"input", "br", "hr", "img", "meta", "link", "source", "col", "area", "wbr"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list["Node | str"] = field(default_factory=list)

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    @property
    def text(self) -> str:
        parts = [c if isinstance(c, str) else c.text for c in self.children]
        return " ".join("".join(parts).split())

    def iter(self) -> Iterator["Node"]:
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.iter()

    def find_all(
        self, *, tag: str | None = None, cls: str | None = None, id: str | None = None
    ) -> list["Node"]:
        return [
            n
            for n in self.iter()
            if (tag is None or n.tag == tag)
            and (cls is None or cls in n.classes)
            and (id is None or n.attrs.get("id") == id)
        ]

    def find(
        self, *, tag: str | None = None, cls: str | None = None, id: str | None = None
    ) -> "Node":
        found = self.find_all(tag=tag, cls=cls, id=id)
        assert found, f"no element with tag={tag} class={cls} id={id}"
        return found[0]


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.root = Node("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        while len(self.stack) > 1:
            if self.stack.pop().tag == tag:
                break

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


# ---------------------------------------------------------------------------
# Fields
# ---------------------------------------------------------------------------


class ReportForm(KindveiligForm):
    name = forms.CharField(label="Name of the child", help_text="As the child uses it.")
    email = forms.EmailField(label="E-mail address", required=False)
    urgency = forms.ChoiceField(
        label="Urgency",
        choices=[("acute", "Acute danger"), ("later", "No hurry")],
        widget=forms.RadioSelect,
    )
    consent = forms.BooleanField(label="I discussed this", required=False)
    explanation = required_when(
        forms.CharField(label="Explanation"), "Needed when not discussed."
    )


def make_form(data: dict[str, str] | None = None) -> ReportForm:
    return ReportForm(data=data, renderer=KindveiligFormRenderer())


def test_an_invalid_field_shows_its_error_next_to_the_widget() -> None:
    form = make_form({"name": "", "urgency": "acute"})
    assert not form.is_valid()

    wrapper = parse(form["name"].as_field_group()).find(cls="utrecht-form-field")
    error = wrapper.find(id="id_name_error")
    widget = wrapper.find(tag="input")

    assert gettext("This field is required.") in error.text
    assert "utrecht-form-field-error-message" in error.classes
    assert "utrecht-form-field--invalid" in wrapper.classes
    assert widget.attrs["id"] == "id_name"
    assert widget.attrs["aria-invalid"] == "true"
    assert widget.attrs["aria-describedby"].split() == [
        "id_name_helptext",
        "id_name_error",
    ]


def test_the_typed_value_comes_back_with_the_error() -> None:
    form = make_form({"name": "Noah", "email": "not-an-email", "urgency": "acute"})
    assert not form.is_valid()

    email = parse(form["email"].as_field_group()).find(id="id_email")
    name = parse(form["name"].as_field_group()).find(id="id_name")

    assert email.attrs["value"] == "not-an-email"
    assert email.attrs["aria-invalid"] == "true"
    assert name.attrs["value"] == "Noah"
    assert "aria-invalid" not in name.attrs


def test_the_label_and_help_text_render_and_are_linked_to_the_widget() -> None:
    root = parse(make_form()["name"].as_field_group())

    label = root.find(tag="label")
    help_text = root.find(id="id_name_helptext")
    widget = root.find(id="id_name")

    assert label.attrs["for"] == "id_name"
    assert label.text == "Name of the child"
    assert "utrecht-form-label" in label.classes
    assert help_text.text == "As the child uses it."
    assert "utrecht-form-field-description" in help_text.classes
    assert widget.attrs["aria-describedby"] == "id_name_helptext"
    assert root.find_all(cls="utrecht-form-field-error-message") == []


def test_only_an_optional_field_says_so_in_its_label() -> None:
    form = make_form()
    optional = f"({gettext('optional')})"

    assert optional in parse(form["email"].as_field_group()).find(tag="label").text
    assert optional not in parse(form["name"].as_field_group()).find(tag="label").text


def test_a_field_required_only_in_some_cases_says_when_instead_of_optional() -> None:
    root = parse(make_form()["explanation"].as_field_group())

    assert f"({gettext('optional')})" not in root.find(tag="label").text
    assert root.find(id="id_explanation_helptext").text == "Needed when not discussed."
    assert make_form(data={"name": "x", "urgency": "acute"}).is_valid()


def test_widgets_get_the_utrecht_classes_of_their_type() -> None:
    form = make_form()
    root = parse(str(form))

    assert {"utrecht-textbox", "utrecht-textbox--html-input"} <= set(
        root.find(id="id_name").classes
    )
    assert "utrecht-radio-button--html-input" in root.find(id="id_urgency_0").classes
    assert "utrecht-checkbox--html-input" in root.find(id="id_consent").classes


@pytest.mark.parametrize(
    ("widget", "expected"),
    [
        (forms.TextInput(), "utrecht-textbox--html-input"),
        (forms.EmailInput(), "utrecht-textbox--html-input"),
        (forms.PasswordInput(), "utrecht-textbox--html-input"),
        (forms.NumberInput(), "utrecht-textbox--html-input"),
        (forms.DateInput(), "utrecht-textbox--html-input"),
        (forms.Textarea(), "utrecht-textarea--html-textarea"),
        (forms.Select(), "utrecht-select--html-select"),
        (forms.SelectMultiple(), "utrecht-select--html-select"),
        (forms.CheckboxInput(), "utrecht-checkbox--html-input"),
        (forms.CheckboxSelectMultiple(), "utrecht-checkbox--html-input"),
        (forms.RadioSelect(), "utrecht-radio-button--html-input"),
    ],
)
def test_each_widget_type_maps_to_its_utrecht_class(
    widget: forms.Widget, expected: str
) -> None:
    assert expected in nlds_classes_for(widget)


def test_hidden_and_file_inputs_get_no_utrecht_classes() -> None:
    assert nlds_classes_for(forms.HiddenInput()) == ()
    assert nlds_classes_for(forms.ClearableFileInput()) == ()


def test_a_widget_replaced_after_init_still_gets_its_classes() -> None:
    form = make_form()
    form.fields["email"].widget = forms.Textarea()

    widget = parse(form["email"].as_field_group()).find(id="id_email")

    assert widget.tag == "textarea"
    assert "utrecht-textarea--html-textarea" in widget.classes


def test_an_error_the_view_adds_after_validation_shows_next_to_its_field() -> None:
    form = make_form({"name": "Noah", "urgency": "acute"})
    assert form.is_valid()
    form.add_error("name", "This child is already registered.")

    root = parse(form["name"].as_field_group())

    assert root.find(id="id_name_error").text.endswith(
        "This child is already registered."
    )
    assert root.find(id="id_name").attrs["aria-invalid"] == "true"


def test_radio_buttons_are_a_fieldset_whose_legend_and_errors_describe_it() -> None:
    form = make_form({"name": "Noah"})
    assert not form.is_valid()

    wrapper = parse(form["urgency"].as_field_group()).find(cls="utrecht-form-fieldset")
    fieldset = wrapper.find(tag="fieldset")
    radios = fieldset.find_all(tag="input")
    labels = fieldset.find_all(tag="label")

    assert "utrecht-form-fieldset--invalid" in wrapper.classes
    assert fieldset.find(tag="legend").text == "Urgency"
    assert "id_urgency_error" in fieldset.attrs["aria-describedby"].split()
    assert (
        gettext("This field is required.") in fieldset.find(id="id_urgency_error").text
    )
    assert [r.attrs["id"] for r in radios] == ["id_urgency_0", "id_urgency_1"]
    assert [label.attrs["for"] for label in labels] == ["id_urgency_0", "id_urgency_1"]
    assert [label.text for label in labels] == ["Acute danger", "No hurry"]


def test_a_checkbox_comes_before_its_label_as_on_screen() -> None:
    root = parse(make_form()["consent"].as_field_group())
    wrapper = root.find(cls="utrecht-form-field--checkbox")

    order = [n.tag for n in wrapper.iter() if n.tag in {"input", "label"}]

    assert order == ["input", "label"]
    assert wrapper.find(tag="label").attrs["for"] == "id_consent"


def test_the_form_starts_with_an_error_summary_linking_to_each_field() -> None:
    class RefusedForm(ReportForm):
        def clean(self) -> None:
            raise ValidationError("The report could not be saved.")

    form = RefusedForm(data={"name": ""}, renderer=KindveiligFormRenderer())
    assert not form.is_valid()

    root = parse(str(form))
    summary = root.find(cls="kv-error-summary")
    hrefs = [a.attrs["href"] for a in summary.find_all(tag="a")]
    ids = {n.attrs.get("id") for n in root.iter()}

    assert summary.attrs["role"] == "alert"
    assert "The report could not be saved." in summary.text
    assert hrefs == ["#id_name", "#id_urgency_0"]
    assert all(href.removeprefix("#") in ids for href in hrefs)
    assert root.find_all(cls="errorlist") == []  # not Django's default <ul>


def test_the_project_renders_forms_with_the_kindveilig_renderer() -> None:
    assert isinstance(get_default_renderer(), KindveiligFormRenderer)

    root = parse(ReportForm()["name"].as_field_group())

    assert "utrecht-form-field" in root.find(tag="div").classes


# ---------------------------------------------------------------------------
# The page frame: templates/base.html
# ---------------------------------------------------------------------------


def _ok(request: HttpRequest) -> HttpResponse:
    return HttpResponse()


# The URLs base.html reverses, so these tests need none of the apps' URLs.
urlpatterns = [
    path("", include(([path("", _ok, name="home")], "portal"))),
    path("taal/", set_language, name="set_language"),
]

PAGE = """{% extends "base.html" %}
{% block title %}Persons{% endblock %}
{% block content %}<h1 class="utrecht-heading-1">Persons</h1>{% endblock %}"""


@pytest.fixture
def render_page(settings: Settings) -> "PageRenderer":
    settings.ROOT_URLCONF = __name__
    return PageRenderer()


class PageRenderer:
    def __call__(self, **context: object) -> Node:
        request = RequestFactory().get("/personen/")
        template = engines["django"].from_string(PAGE)
        return parse(template.render(context, request))


@dataclass(frozen=True)
class Item:
    label: str
    url: str
    active: bool


def test_the_skip_link_is_the_first_focusable_element_and_targets_main(
    render_page: PageRenderer,
) -> None:
    page = render_page()
    body = page.find(tag="body")
    focusable = [n for n in body.iter() if n.tag in {"a", "button", "select"}]
    main = page.find(tag="main")

    assert "voorbeeld-theme" in body.classes
    assert focusable[0].attrs["href"] == "#main"
    assert "utrecht-skip-link" in focusable[0].classes
    assert main.attrs["id"] == "main"
    assert main.attrs["tabindex"] == "-1"


def test_the_navigation_marks_the_current_page(render_page: PageRenderer) -> None:
    page = render_page(
        nav_items=[Item("Start", "/", False), Item("Persons", "/personen/", True)]
    )
    nav = page.find(tag="nav")
    links = nav.find_all(tag="a")

    assert nav.attrs["aria-label"] == gettext("Main navigation")
    assert [link.text for link in links] == ["Start", "Persons"]
    assert "aria-current" not in links[0].attrs
    assert links[1].attrs["aria-current"] == "page"


def test_there_is_no_navigation_without_items(render_page: PageRenderer) -> None:
    assert render_page(nav_items=[]).find_all(tag="nav") == []


def test_messages_are_alerts_and_only_errors_interrupt(
    render_page: PageRenderer,
) -> None:
    page = render_page(
        messages=[
            Message(constants.SUCCESS, "The person was saved."),
            Message(constants.ERROR, "You have no access to that trajectory."),
        ]
    )
    saved, refused = page.find_all(cls="utrecht-alert")

    assert "utrecht-alert--ok" in saved.classes
    assert saved.attrs["role"] == "status"
    assert "The person was saved." in saved.text
    assert "utrecht-alert--error" in refused.classes
    assert refused.attrs["role"] == "alert"


def test_the_language_switch_posts_dutch_or_english_to_set_language(
    render_page: PageRenderer,
) -> None:
    form = render_page().find(cls="kv-language-form")
    options = form.find(tag="select").find_all(tag="option")

    assert form.attrs["method"] == "post"
    assert form.attrs["action"] == "/taal/"
    assert [(o.attrs["value"], o.text) for o in options] == [
        ("nl", "Nederlands"),
        ("en", "English"),
    ]
    assert form.find(tag="button").text == gettext("Change language")


def test_the_page_has_no_inline_style_or_script_for_the_csp(
    render_page: PageRenderer,
) -> None:
    page = render_page(
        nav_items=[Item("Start", "/", True)],
        messages=[Message(constants.INFO, "Note")],
    )

    assert page.find_all(tag="style") == []
    assert [n for n in page.iter() if "style" in n.attrs] == []
    # The professional pages run no JavaScript at all.
    assert page.find_all(tag="script") == []


class _TeamForm(KindveiligForm):
    team = forms.ChoiceField(label="Team", choices=[])


@pytest.mark.parametrize("value", ["2", None, "9"])
def test_a_shared_option_list_renders_what_djangos_select_renders(
    value: str | None,
) -> None:
    """SharedOptionsSelect writes the HTML of Django's select templates, byte for
    byte (the empty option, ``required``, ``selected``, escaping), whatever is
    chosen; the options are rendered once for every form that shares them."""
    choices = [("", "---------"), ("1", "Noord & <Zuid>"), ("2", 'De "Brug"')]
    shared = OptionList(choices)
    for number in range(2):
        plain = _TeamForm(initial={"team": value}, auto_id=f"id_{number}_%s")
        plain.fields["team"].choices = choices
        fast = _TeamForm(initial={"team": value}, auto_id=f"id_{number}_%s")
        fast.fields["team"].widget = SharedOptionsSelect(shared)
        assert str(fast) == str(plain)
        assert "required" in str(fast)
    assert len(shared._rendered) == 1
