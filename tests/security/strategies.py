"""Hypothesis strategies for hostile input: what a careless or malicious client
may send to a form or the API. Used by ``test_input_fuzz.py``.

Each strategy mixes a few fixed nasty values (so the first examples of a
derandomized run always include them) with generated ones."""

import datetime as dt
from typing import Any

from django import forms

from hypothesis import strategies as st

# ---- text ---------------------------------------------------------------------

CONTROL_CHARACTERS = [
    "\x00",  # NUL: PostgreSQL refuses it in text
    "\x1b",  # escape
    "\x07",  # bell
    "\u202e",  # right-to-left override
    "\u2066",  # left-to-right isolate
    "\u200b",  # zero-width space
    "\ufeff",  # byte order mark
    "\r\n",
    "\t",
]
HTML = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "{{ request.user }}",
    "{% debug %}",
    "javascript:alert(1)",
]
SQL = [
    "'; DROP TABLE persons_person; --",
    "' OR '1'='1",
    '" OR ""="',
    "1; SELECT pg_sleep(1)",
    "%",
    "\\",
]
EMOJI = ["👶🏽", "🧒‍♀️", "👨‍👩‍👧", "\U0001f4a9" * 20]

FIXED_TEXT = [
    "",
    " ",
    *CONTROL_CHARACTERS,
    *HTML,
    *SQL,
    *EMOJI,
    "Jan\u202efdp.exe",
    "Ja\x00n",
    "x" * 10_001,
    "ä" * 300,
]


def long_text() -> st.SearchStrategy[str]:
    """Far past any field's max_length, in one or several characters."""
    return st.builds(
        lambda char, n: char * n,
        st.sampled_from(["a", "é", "界", "👶", "\u202e"]),
        st.integers(min_value=256, max_value=3_000),
    )


def hostile_text() -> st.SearchStrategy[str]:
    """Strings a form or serializer must refuse or store as plain text."""
    fragments = st.sampled_from(CONTROL_CHARACTERS + HTML + SQL + EMOJI)
    mixed = st.lists(
        st.one_of(fragments, st.text(max_size=20)), min_size=1, max_size=6
    ).map("".join)
    return st.one_of(
        st.sampled_from(FIXED_TEXT),
        mixed,
        long_text(),
        st.text(max_size=200),  # any code point (surrogates are left out)
    )


# ---- dates ----------------------------------------------------------------------

FIXED_DATES = [
    "0001-01-01",
    "9999-12-31",
    "1899-12-31",
    "2099-12-31",
    "2100-01-01",
    "0000-00-00",
    "2026-02-30",
    "2026-13-01",
    "31-12-2026",
    "12/31/2026",
    "2026-1-1",
    "20260101",
    "-2026-01-01",
    "10000-01-01",
    "2026-01-01T25:61:00",
    "gisteren",
    "١٢٣٤-٠١-٠١",  # Arabic-Indic digits
]


def out_of_range_dates() -> st.SearchStrategy[str]:
    """Dates outside any plausible range and strings that are no date at all."""
    far = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)).map(
        dt.date.isoformat
    )
    return st.one_of(st.sampled_from(FIXED_DATES), far)


# ---- BSN ------------------------------------------------------------------------


def _elfproef_ok(value: str) -> bool:
    digits = [int(c) for c in value]
    total = sum(w * d for w, d in zip(range(9, 1, -1), digits[:8], strict=True))
    return (total - digits[8]) % 11 == 0 and int(value) != 0


def invalid_bsns() -> st.SearchStrategy[str]:
    """Wrong elfproef, letters, wrong length, separators, zero."""
    wrong_check = st.text(alphabet="0123456789", min_size=9, max_size=9).filter(
        lambda v: not _elfproef_ok(v)
    )
    return st.one_of(
        st.sampled_from(
            [
                "000000000",
                "123456789",  # fails the elfproef
                "12345678",
                "1234567820",
                "12345678a",
                "123 456 782",
                "123.456.782",
                "０１２３４５６７８",  # full-width digits
                "-123456782",
                "+123456782",
            ]
        ),
        wrong_check,
        st.text(alphabet="0123456789", max_size=20).filter(lambda v: len(v) != 9),
    )


# ---- wrong types for JSON ---------------------------------------------------------

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(["", "null", "true", "0", "-1", "1e400"]),
)


def wrong_json_types() -> st.SearchStrategy[Any]:
    """A value of the wrong JSON type: a list, an object, a number, null …"""
    return st.one_of(
        json_scalars,
        st.lists(st.one_of(json_scalars, hostile_text()), max_size=3),
        st.dictionaries(st.text(max_size=5), json_scalars, max_size=3),
    )


def hostile_json_value() -> st.SearchStrategy[Any]:
    return st.one_of(
        hostile_text(), out_of_range_dates(), invalid_bsns(), wrong_json_types()
    )


# ---- form posts -------------------------------------------------------------------


def plausible_values(field: forms.Field) -> list[Any]:
    """Values a form field would accept, so that some examples get past the form
    and reach the service (where the rules that span fields live)."""
    if isinstance(field, forms.ModelChoiceField):
        return [str(pk) for pk in field.queryset.values_list("pk", flat=True)[:2]]
    if isinstance(field, forms.ChoiceField):
        choices: Any = field.choices  # a list of pairs once the form is built
        values = [str(value) for value, _label in choices if value != ""]
        if isinstance(field, forms.MultipleChoiceField):
            return [values[:1], values[:2]] if values else []
        return values[:6]
    if isinstance(field, forms.BooleanField):
        return ["on"]
    if isinstance(field, forms.DateField):
        return ["2026-01-05"]
    if isinstance(field, forms.IntegerField | forms.DecimalField):
        return [str(field.initial or 1), "2"]
    if isinstance(field, forms.EmailField):
        return ["test@example.org"]
    return ["Tekst (test)", "111222333"]


def hostile_value() -> st.SearchStrategy[Any]:
    """One hostile POST value: a nasty string, a date or BSN that is not one, a
    number out of range, or several values for one key."""
    hostile = st.one_of(hostile_text(), out_of_range_dates(), invalid_bsns())
    return st.one_of(
        hostile,
        st.sampled_from(["-1", "0", "99999999999999999999", "1.5", "on", "NaN"]),
        st.lists(hostile, min_size=2, max_size=3),
    )


@st.composite
def form_data(draw: st.DrawFn, fields: dict[str, forms.Field]) -> dict[str, Any]:
    """POST data for a form: at least one field hostile (or left out), the others
    plausible, so that many examples get past the form to the service."""
    names = sorted(fields)
    if not names:
        return {}
    attacked = draw(st.sets(st.sampled_from(names), min_size=1))
    data: dict[str, Any] = {}
    for name in names:
        if name in attacked:
            if draw(st.integers(0, 9)):  # one in ten: left out
                data[name] = draw(hostile_value())
            continue
        plausible = plausible_values(fields[name])
        if plausible:
            data[name] = draw(st.sampled_from(plausible))
    return data


# ---- examples every run tries first ---------------------------------------------------

NASTY_TEXT = "Ja\x00n\u202e<script>alert(1)</script>'; DROP TABLE x; --👶"
TEXT_FIELDS = (forms.CharField,)
NOT_FREE_TEXT = (forms.ChoiceField, forms.DateField, forms.IntegerField)


def explicit_examples(fields: dict[str, forms.Field]) -> list[dict[str, Any]]:
    """Plausible data, then the same with every text field nasty (NUL, a bidi
    override, HTML, SQL), then with every date and number out of range: so each
    run tries these whatever the generated examples happen to be."""
    plausible = {}
    for name, field in fields.items():
        values = plausible_values(field)
        if values:
            plausible[name] = values[0]
    texts = {
        name: NASTY_TEXT
        for name, field in fields.items()
        if isinstance(field, TEXT_FIELDS) and not isinstance(field, NOT_FREE_TEXT)
    }
    ranges = {
        name: "0001-01-01" if isinstance(field, forms.DateField) else "9" * 20
        for name, field in fields.items()
        if isinstance(field, forms.DateField | forms.IntegerField)
    }
    return [plausible, {**plausible, **texts}, {**plausible, **ranges}]
