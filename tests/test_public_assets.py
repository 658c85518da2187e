"""The served youth CSS and script are the minified frontend/ sources.

scripts/build_public.sh writes them (it needs npm, the tests do not). These
checks catch a source edited without rebuilding: the minifiers keep every class
selector and every string literal.
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


def served(source: Path) -> Path:
    return STATIC / source.parent.name / source.name


def test_there_are_sources() -> None:
    names = {p.name for p in SOURCES}
    assert {"public.css", "quick-exit.js"} <= names


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_the_served_file_is_the_minified_source(source: Path) -> None:
    text = LINE_COMMENT_RE.sub("", COMMENT_RE.sub(" ", source.read_text("utf-8")))
    out = served(source).read_text(encoding="utf-8")
    assert len(out) < len(text)
    if source.suffix == ".css":
        assert set(CLASS_RE.findall(out)) == set(CLASS_RE.findall(text))
    else:
        strings = {a or b for a, b in STRING_RE.findall(text)} - {"use strict"}
        missing = {s for s in strings if s not in out}
        assert missing == set()
