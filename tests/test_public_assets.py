"""The served youth CSS and script are the minified frontend/ sources.

scripts/build_public.sh writes them (it needs npm, the tests do not). These
checks catch a source edited without rebuilding: the minifier keeps every
string literal of the script, and frontend/css/public.css becomes one bundle
per page group (css/public.css, css/public-form.css, ...), each with the
selectors whose classes its pages use: together they hold every class of the
source (a class that no page uses has no place in it), and nothing else.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STATIC = ROOT / "src" / "kindveilig" / "static"
SOURCES = sorted((ROOT / "frontend").glob("*/*.*"))

CLASS_RE = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
COMMENT_RE = re.compile(r"/\*.*?\*/", re.DOTALL)
LINE_COMMENT_RE = re.compile(r"^\s*//.*$", re.MULTILINE)
STRING_RE = re.compile(r""""((?:\\.|[^"\\\n])*)"|'((?:\\.|[^'\\\n])*)'""")


def served(source: Path) -> list[Path]:
    """The files built from a source: a stylesheet's page group bundles."""
    folder = STATIC / source.parent.name
    if source.suffix == ".css":
        return sorted(folder.glob(f"{source.stem}*.css"))
    return [folder / source.name]


def test_there_are_sources() -> None:
    names = {p.name for p in SOURCES}
    assert {"public.css", "quick-exit.js"} <= names


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_the_served_file_is_the_minified_source(source: Path) -> None:
    text = LINE_COMMENT_RE.sub("", COMMENT_RE.sub(" ", source.read_text("utf-8")))
    outs = [path.read_text(encoding="utf-8") for path in served(source)]
    assert outs
    assert all(len(out) < len(text) for out in outs)
    if source.suffix == ".css":
        classes = [set(CLASS_RE.findall(out)) for out in outs]
        assert set().union(*classes) == set(CLASS_RE.findall(text))
    else:
        (out,) = outs
        strings = {a or b for a, b in STRING_RE.findall(text)} - {"use strict"}
        missing = {s for s in strings if s not in out}
        assert missing == set()
