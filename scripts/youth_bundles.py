#!/usr/bin/env python3
"""The stylesheets of the children's pages, per page group, and what they style.

A youth page (``templates/public/base.html`` and the templates that extend
it) links one NL Design System bundle and one bundle of our own CSS:
``base.html`` links ``vendor/nlds/nlds-public.css`` and ``css/public.css`` in
``{% block stylesheets %}``; a page of another group overrides that block and
links its group's pair (``nlds-public-form.css`` and ``public-form.css``).
scripts/vendor_css.sh and scripts/build_public.sh prune each bundle to the
classes that the pages which link it can show (``prune_css.py --used-in``)::

    youth_bundles.py bundles PREFIX   the bundles that a page links, whose
                                      static path starts with PREFIX
    youth_bundles.py files BUNDLE     the files whose classes those pages use

The files of a bundle: the templates of the pages that link it, the
templates they extend, every template they include (also through other
includes), ``components/field.html`` and ``core/forms.py`` when a page
renders form fields, and the scripts the pages load (which may add a class).
Which stylesheets a page links: its parent's template with the page's
blocks filled in, as Django renders it. Standard library only; see
docs/frontend.md ("Page weight").
"""

from __future__ import annotations

import re
import sys
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "kindveilig"
YOUTH_BASE = "public/base.html"
EXTENDS_RE = re.compile(r"""\{%\s*extends\s+["']([^"']+)["']""")
INCLUDE_RE = re.compile(r"""\{%\s*include\s+["']([^"']+)["']""")
STATIC_RE = re.compile(r"""\{%\s*static\s+["']([^"']+\.(?:css|js))["']\s*%\}""")
BLOCK_TAG_RE = re.compile(r"\{%\s*(?:block\s+(\w+)|endblock\b[^%]*)\s*%\}")
# {{ form.x.as_field_group }}, {{ form }} or the form component: fields,
# rendered by components/field.html with the classes of core/forms.py.
RENDERS_FIELDS_RE = re.compile(
    r"as_field_group|\{\{\s*form\s*\}\}|components/form\.html"
)
FIELD_FILES = ("templates/components/field.html", "core/forms.py")


@cache
def templates() -> dict[str, Path]:
    """Every HTML template, by the name Django finds it under."""
    return {
        path.as_posix().rsplit("/templates/", 1)[1]: path
        for path in sorted(PACKAGE.glob("**/templates/**/*.html"))
    }


@cache
def text(name: str) -> str:
    return templates()[name].read_text(encoding="utf-8")


def chain(name: str) -> list[str]:
    """The template and the ones it extends, the page itself first."""
    names = [name]
    while match := EXTENDS_RE.search(text(names[-1])):
        names.append(match[1])
    return names


def blocks(source: str) -> dict[str, str]:
    """What each ``{% block %}`` holds (blocks inside it left in place)."""
    found: dict[str, str] = {}
    stack: list[tuple[str, int]] = []
    for match in BLOCK_TAG_RE.finditer(source):
        if match[1]:
            stack.append((match[1], match.end()))
        elif stack:
            block, start = stack.pop()
            found[block] = source[start : match.start()]
    return found


def fill(source: str, filled: dict[str, str]) -> str:
    """``source`` with each block replaced by what ``filled`` holds for it."""
    out: list[str] = []
    depth = done = start = 0
    block = ""
    for match in BLOCK_TAG_RE.finditer(source):
        if match[1]:
            if depth == 0:
                out.append(source[done : match.start()])
                block, start = match[1], match.end()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                out.append(
                    fill(filled.get(block, source[start : match.start()]), filled)
                )
                done = match.end()
    out.append(source[done:])
    return "".join(out)


@cache
def rendered(name: str) -> str:
    """A page's markup as Django puts it together (tags left in place)."""
    names = chain(name)
    filled: dict[str, str] = {}
    for each in names:  # the page's own blocks win
        for block, content in blocks(text(each)).items():
            filled.setdefault(block, content)
    return fill(text(names[-1]), filled)


def is_youth_page(name: str) -> bool:
    return YOUTH_BASE in chain(name)


def linked(name: str) -> set[str]:
    """The static stylesheets and scripts a page links."""
    return set(STATIC_RE.findall(rendered(name)))


def included(names: list[str]) -> list[str]:
    """``names`` and every template they include, directly or not."""
    found = list(dict.fromkeys(names))
    for each in found:  # grows while it is read
        found += [i for i in INCLUDE_RE.findall(text(each)) if i not in found]
    return found


def bundles(prefix: str) -> list[str]:
    return sorted(
        {
            static
            for name in templates()
            if is_youth_page(name)
            for static in linked(name)
            if static.startswith(prefix)
        }
    )


def files(bundle: str) -> list[Path]:
    """The files whose classes the youth pages that link ``bundle`` may show."""
    pages = [n for n in templates() if is_youth_page(n) and bundle in linked(n)]
    if not pages:
        raise SystemExit(f"youth_bundles.py: no youth page links {bundle}")
    names = included([each for page in pages for each in chain(page)])
    found = [templates()[n] for n in names]
    if any(RENDERS_FIELDS_RE.search(text(n)) for n in names):
        found += [PACKAGE / f for f in FIELD_FILES]
    scripts = {s for page in pages for s in linked(page) if s.endswith(".js")}
    found += [PACKAGE / "static" / s for s in sorted(scripts)]
    return list(dict.fromkeys(found))


def main(argv: list[str]) -> int:
    """One path a line on stdout, for the build scripts."""
    if len(argv) != 2 or argv[0] not in {"bundles", "files"}:
        sys.stderr.write("usage: youth_bundles.py bundles PREFIX | files BUNDLE\n")
        return 2
    if argv[0] == "bundles":
        lines = bundles(argv[1])
    else:
        lines = [p.relative_to(ROOT).as_posix() for p in files(argv[1])]
    sys.stdout.write("".join(f"{line}\n" for line in lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
