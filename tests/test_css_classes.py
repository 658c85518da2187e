"""Every ``utrecht-*`` class a template uses exists in the CSS its pages load.

The NL Design System bundles hold only the components and modifiers we
chose (scripts/vendor_css.sh), so a class from the component library's
documentation may have no style here. A page loads the stylesheets that its
template links, with the blocks of the templates it extends filled in
(``base.html``: nlds.css and kindveilig.css; ``public/base.html``:
nlds-public.css and public.css, or its page group's pair, such as
nlds-public-form.css and public-form.css, in ``{% block stylesheets %}``). A
partial without
``{% extends %}`` is checked against the stylesheets of every page that
includes it, and a component that the code renders (``components/field.html``
through the form renderer) against those of every page.
"""

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from scripts.youth_bundles import rendered

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "kindveilig"

INCLUDE_RE = re.compile(r"""\{%\s*include\s+["']([^"']+)["']""")
STYLESHEET_RE = re.compile(r"""\{%\s*static\s+["']([^"']+\.css)["']\s*%\}""")
# class="..." whose value may hold template tags, also tags with quotes inside.
CLASS_ATTR_RE = re.compile(
    r"""\bclass="((?:\{%.*?%\}|\{\{.*?\}\}|[^"])*)\"""", re.DOTALL
)
TAG_RE = re.compile(r"\{%.*?%\}", re.DOTALL)
VARIABLE_RE = re.compile(r"\{\{.*?\}\}", re.DOTALL)
COMMENT_RE = re.compile(r"/\*.*?\*/", re.DOTALL)
CLASS_SELECTOR_RE = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")

Stylesheets = frozenset[str]


@dataclass(frozen=True)
class Template:
    name: str  # as Django finds it: "youth/start.html"
    path: Path
    text: str

    @property
    def includes(self) -> set[str]:
        return set(INCLUDE_RE.findall(self.text))

    @property
    def stylesheets(self) -> Stylesheets:
        return frozenset(STYLESHEET_RE.findall(self.text))


def template_classes(text: str, prefix: str = "utrecht-") -> set[str]:
    """The classes in the ``class`` attributes, also inside ``{% if %}`` blocks.

    A class built with a variable (``badge--{{ kind }}``) cannot be checked
    and is left out.
    """
    classes: set[str] = set()
    for value in CLASS_ATTR_RE.findall(text):
        value = TAG_RE.sub(" ", VARIABLE_RE.sub("\0", value))
        classes.update(
            c for c in value.split() if c.startswith(prefix) and "\0" not in c
        )
    return classes


def css_classes(css: str) -> set[str]:
    """The class names in a stylesheet's selectors (and, harmlessly, a few more)."""
    return set(CLASS_SELECTOR_RE.findall(COMMENT_RE.sub(" ", css)))


@cache
def templates() -> dict[str, Template]:
    """Every HTML template, except standalone documents with their own
    ``<style>`` (the melding PDF), which load neither bundle."""
    found: dict[str, Template] = {}
    for path in sorted(PACKAGE.glob("**/templates/**/*.html")):
        name = path.as_posix().rsplit("/templates/", 1)[1]
        text = path.read_text(encoding="utf-8")
        if "<style" not in text:
            found[name] = Template(name, path, text)
    return found


def page_stylesheets(name: str) -> Stylesheets:
    """What a page that is (or extends) this template links: the template it
    extends with the page's blocks filled in, as Django renders it."""
    return frozenset(STYLESHEET_RE.findall(rendered(name)))


@cache
def families(name: str) -> frozenset[Stylesheets]:
    """Each set of stylesheets under which this template's markup is shown.

    A page's own; for a partial, those of every page that includes it,
    directly or through other partials. A partial that no template includes
    is rendered by the code (``components/field.html`` by the form renderer,
    on any page): its classes must exist in the CSS of some page.
    """
    found: set[Stylesheets] = set()
    todo, seen = [name], {name}
    while todo:
        current = todo.pop()
        if own := page_stylesheets(current):
            found.add(own)
            continue
        for template in templates().values():
            if current in template.includes and template.name not in seen:
                seen.add(template.name)
                todo.append(template.name)
    return frozenset(found) or frozenset({frozenset().union(*all_page_families())})


def all_page_families() -> frozenset[Stylesheets]:
    return frozenset(
        page_stylesheets(name)
        for name, template in templates().items()
        if template.stylesheets
    )


def static_file(path: str) -> Path:
    """The file ``{% static path %}`` serves: the project's or an app's."""
    candidates = [PACKAGE / "static" / path, *PACKAGE.glob(f"*/static/{path}")]
    (found,) = [p for p in candidates if p.is_file()]
    return found


@cache
def defined_classes(stylesheets: Stylesheets) -> set[str]:
    return set().union(
        *(css_classes(static_file(s).read_text(encoding="utf-8")) for s in stylesheets)
    )


def test_the_templates_and_their_stylesheets_are_found() -> None:
    assert len(templates()) > 50
    assert all_page_families() >= {
        frozenset({"vendor/nlds/nlds.css", "css/kindveilig.css"}),
        frozenset({"vendor/nlds/nlds-public.css", "css/public.css"}),
        frozenset({"vendor/nlds/nlds-public-form.css", "css/public-form.css"}),
    }
    assert families("youth/start.html") == {
        frozenset({"vendor/nlds/nlds-public.css", "css/public.css"})
    }
    assert families("youth/messages/write.html") == {
        frozenset({"vendor/nlds/nlds-public-form.css", "css/public-form.css"})
    }
    assert page_stylesheets("households/plan_child.html") >= {
        "vendor/nlds/nlds.css",
        "households/child-plan.css",
    }
    assert "utrecht-alert--error" in template_classes(templates()["base.html"].text)


@pytest.mark.parametrize("name", sorted(templates()))
def test_every_utrecht_class_in_the_template_has_a_style(name: str) -> None:
    used = template_classes(templates()[name].text)
    missing = {
        " + ".join(sorted(stylesheets)): sorted(used - defined_classes(stylesheets))
        for stylesheets in families(name)
    }
    assert {k: v for k, v in missing.items() if v} == {}


def test_template_classes_reads_if_blocks_and_skips_variables() -> None:
    html = (
        '<div class="utrecht-alert {% if level == "error" %}utrecht-alert--error'
        '{% else %}utrecht-alert--info{% endif %} kv-message">'
        '<span class="utrecht-badge--{{ kind }} utrecht-badge">'
    )
    assert template_classes(html) == {
        "utrecht-alert",
        "utrecht-alert--error",
        "utrecht-alert--info",
        "utrecht-badge",
    }


def test_css_classes_reads_selectors() -> None:
    css = "/* .utrecht-comment */.utrecht-a:hover,.utrecht-b .utrecht-c>p{margin:.5rem}"
    assert css_classes(css) >= {"utrecht-a", "utrecht-b", "utrecht-c"}
    assert "utrecht-comment" not in css_classes(css)


RENDERS_FIELDS_RE = re.compile(
    r"as_field_group|\{\{\s*form\s*\}\}|components/form\.html"
)
# What components/field.html and core/forms.py put on a text field: the youth
# forms have text inputs and textareas only (and hidden inputs).
TEXT_FIELD_CLASSES = {
    "utrecht-form-field",
    "utrecht-form-field--invalid",
    "utrecht-form-field__label",
    "utrecht-form-field__description",
    "utrecht-form-field__error-message",
    "utrecht-form-field__input",
    "utrecht-form-label",
    "utrecht-form-field-description",
    "utrecht-form-field-error-message",
    "utrecht-textbox",
    "utrecht-textbox--html-input",
    "utrecht-textarea",
    "utrecht-textarea--html-textarea",
}
PUBLIC_SOURCE = ROOT / "frontend" / "css" / "public.css"


def youth_families(name: str) -> set[Stylesheets]:
    return {f for f in families(name) if any(s.startswith("css/public") for s in f)}


YOUTH_TEMPLATES = sorted(name for name in templates() if youth_families(name))


@pytest.mark.parametrize("name", YOUTH_TEMPLATES)
def test_a_youth_page_with_form_fields_styles_them(name: str) -> None:
    """A youth page that renders fields ({{ form.x.as_field_group }}, through
    components/field.html, which the check above cannot tie to a page) links
    a bundle with the text field styles (scripts/youth_bundles.py adds
    field.html and core/forms.py to the files of its bundle)."""
    if not RENDERS_FIELDS_RE.search(templates()[name].text):
        return
    missing = {
        " + ".join(sorted(f)): sorted(TEXT_FIELD_CLASSES - defined_classes(f))
        for f in youth_families(name)
    }
    assert {k: v for k, v in missing.items() if v} == {}


@pytest.mark.parametrize("name", YOUTH_TEMPLATES)
def test_every_class_of_our_youth_css_that_a_page_uses_is_in_its_bundle(
    name: str,
) -> None:
    """scripts/build_public.sh prunes frontend/css/public.css per page group:
    a page that starts using one of its classes (or links another group's
    bundle) needs a rebuild."""
    ours = css_classes(PUBLIC_SOURCE.read_text(encoding="utf-8"))
    used = template_classes(templates()[name].text, prefix="kv-") & ours
    missing = {
        " + ".join(sorted(f)): sorted(used - defined_classes(f))
        for f in youth_families(name)
    }
    assert {k: v for k, v in missing.items() if v} == {}
