"""Finds personal data in a free-text lesson, without a language model.

A reflection's lesson is stored apart from the case, so it must not name or
point to a child, a parent or anyone else involved. Before a lesson is saved,
``find_personal_data`` looks for:

- e-mail addresses and Dutch phone numbers (06-12345678, +31 70 123 4567,
  070-1234567);
- BSNs: nine digits (optionally grouped with dots or spaces) that pass the
  elfproef (``core.validators.is_valid_bsn``); other nine-digit numbers pass;
- dates: a full date (day, month and year; 12-03-2015, 3 maart 2015,
  2015-03-12) is a *date of birth* after "geboren", "geb." or "geboortedatum" and
  a *full date* otherwise; after those words a month and year, or a year alone,
  is a date of birth too ("geboren in 2015");
- postcodes (2511 AB) and street addresses with a house number
  (Hoofdstraat 12, Laan van Meerdervoort 12);
- names: a capitalised word in the middle of a sentence that is not a common
  word (``data/common_words.txt``); at the start of a sentence, where capitals
  say nothing, a capitalised word that is a common first name or family name
  (``data/first_names.txt``, ``data/surnames.txt``); a common first name in
  lower case; surname prefixes (van, de, der, el, ...) join the name they belong
  to, so "Jan de Vries" is one finding.

It errs on the side of flagging: a false alarm costs the writer a rewrite, a
miss leaks a name. What it misses and what it flags by mistake is listed in
docs/learning.md. The writer never overrides a finding; they rewrite the text.
"""

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kindveilig.core.validators import is_valid_bsn

__all__ = [
    "Finding",
    "FindingKind",
    "find_personal_data",
    "validate_no_personal_data",
]

DATA_DIR = Path(__file__).resolve().parent / "data"
MAX_LISTED = 10


class FindingKind(models.TextChoices):
    NAME = "name", _("possibly a name")
    BSN = "bsn", _("a BSN")
    DATE_OF_BIRTH = "date_of_birth", _("a date of birth")
    DATE = "date", _("a full date")
    ADDRESS = "address", _("an address")
    POSTCODE = "postcode", _("a postcode")
    PHONE = "phone", _("a phone number")
    EMAIL = "email", _("an e-mail address")


@dataclass(frozen=True)
class Finding:
    kind: FindingKind
    text: str
    start: int
    end: int


# ---- word lists -------------------------------------------------------------


def _read_list(name: str) -> frozenset[str]:
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return frozenset(
        line.strip().lower()
        for line in lines
        if line.strip() and not line.startswith("#")
    )


@functools.cache
def first_names() -> frozenset[str]:
    return _read_list("first_names.txt")


@functools.cache
def surnames() -> frozenset[str]:
    return _read_list("surnames.txt")


@functools.cache
def common_words() -> frozenset[str]:
    return _read_list("common_words.txt")


# Lower-case words that start a Dutch family name, alone or together.
# fmt: off
SURNAME_PREFIXES = frozenset({
    "van", "de", "der", "den", "het", "t", "ter", "ten", "te", "op", "in", "el", "al",
    "la", "le", "da", "di", "du", "von", "vd",
})
# Words after which a capitalised word is a name even after a full stop.
TITLES = frozenset({
    "dhr", "mevr", "mw", "mr", "dr", "drs", "ir", "juf", "meester", "meneer", "mevrouw",
    "fam", "familie",
})
# fmt: on

# ---- patterns ---------------------------------------------------------------

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A Dutch number: 0 and nine digits, or +31 / 0031 and nine digits; single
# spaces, dots, dashes, slashes and brackets may separate the digits.
PHONE_RE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)31[\s.-]*(?:\(0\)[\s.-]*)?|\(?0)"
    r"(?:\d[\s.()/-]{0,2}){8}\d(?!\d)"
)
BSN_RE = re.compile(r"(?<![\d.])\d(?:[.\s]?\d){8}(?![\d])")
MONTHS = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|"
    "november|december|jan|feb|febr|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec|"
    "january|february|march|may|june|july|august|october"
)
NUMERIC_DATE_RE = re.compile(
    r"(?<![\d])(?:(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>\d{4}|\d{2})"
    r"|(?P<y2>\d{4})-(?P<m2>\d{1,2})-(?P<d2>\d{1,2}))(?![\d])"
)
WORD_DATE_RE = re.compile(
    rf"(?<![\d])\d{{1,2}}(?:e|ste|de)?\s+(?:{MONTHS})\.?\s+\d{{4}}(?![\d])",
    re.IGNORECASE,
)
BIRTH_CUE = r"(?:geboren|geb\.?|geboortedatum|geboortedag|jarig|born|date of birth|d\.?o\.?b\.?)"
BIRTH_CUE_BEFORE_RE = re.compile(rf"\b{BIRTH_CUE}\s*(?:op|in|on|:)?\s*$", re.IGNORECASE)
# After a birth cue, less than a full date is enough: "geboren in 2015",
# "geb. maart 2015", "jarig op 12 maart".
BIRTH_PARTIAL_RE = re.compile(
    rf"\b{BIRTH_CUE}\s*(?:op|in|on|:)?\s*"
    rf"(?P<value>(?:\d{{1,2}}(?:e|ste|de)?\s+(?:{MONTHS})\b\.?(?:\s+(?:19|20)\d{{2}})?)"
    rf"|(?:(?:{MONTHS})\.?\s+)?(?:19|20)\d{{2}})(?![\d])",
    re.IGNORECASE,
)
POSTCODE_RE = re.compile(
    r"(?<![\w])[1-9]\d{3}(?:\s?(?!SA|SD|SS)[A-Z]{2}|(?!sa|sd|ss)[a-z]{2})(?![\w])"
)
# Abbreviations of the field that may follow a year: Veilig Thuis,
# aandachtsfunctionaris, intern begeleider, jeugdbescherming, lokaal team,
# kinderopvang, primair and voortgezet onderwijs.
YEAR_ABBREVIATIONS = frozenset({"VT", "AF", "IB", "JB", "LT", "KO", "PO", "VO"})
HOUSE_NUMBER = r"\d{1,4}(?:\s?[a-zA-Z](?![\w]))?(?:-\d{1,4})?(?!\d)"
# Suffixes that make a street name even in lower case ("hoofdstraat 12") ...
SAFE_SUFFIXES = (
    "straat|straatweg|laan|plein|gracht|kade|singel|dreef|steeg|plantsoen|boulevard"
)
# ... and suffixes that only do with a capital ("Parkweg 3", not "sportveld 3").
CAPITAL_SUFFIXES = (
    f"{SAFE_SUFFIXES}|weg|hof|park|pad|dijk|markt|dam|baan|wal|veld|haven|ring|erf|"
    "vaart|burg|hout|zoom|kwartier|polder"
)
STREET_RE = re.compile(
    rf"(?<![\w])(?:[A-Z][\w'-]*?(?:{CAPITAL_SUFFIXES})|[a-z][\w'-]*?(?:{SAFE_SUFFIXES}))"
    rf"\s+{HOUSE_NUMBER}"
)
# "Laan van Meerdervoort 12", "Lange Voorhout 9", "Burgemeester Visserpark 4".
STREET_PHRASE_RE = re.compile(
    r"(?<![\w])(?:Laan|Plein|Weg|Kade|Singel|Dreef|Hof|Park|Markt|Burgemeester|"
    r"Dokter|Prinses|Koningin|Prins|Graaf|Sint|Oude|Nieuwe|Lange|Korte|Hoge|Lage)"
    r"(?:\s+(?:van|de|der|den|het|'t|ten|ter|op|aan|in))*(?:\s+[A-Z][\w'-]*){1,3}"
    rf"\s+{HOUSE_NUMBER}"
)
WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
OPENERS = "\"'“”‘’«»([{-–—•*"
SENTENCE_ENDS = ".!?:;…"
GAP_JOINS_NAMES_RE = re.compile(
    r"^\s+(?:(?:" + "|".join(sorted(SURNAME_PREFIXES)) + r")\s+|'t\s+)*$"
)
PREFIXES_BEFORE_RE = re.compile(
    r"(?:(?<![\w'])(?:" + "|".join(sorted(SURNAME_PREFIXES)) + r"|'t)\s+)+$"
)


# ---- detection --------------------------------------------------------------


def find_personal_data(text: str) -> list[Finding]:
    """Every fragment of ``text`` that looks like personal data, in text order."""
    findings = _remove_overlaps(
        [
            *_emails(text),
            *_phones(text),
            *_bsns(text),
            *_dates(text),
            *_addresses(text),
            *_postcodes(text),
        ]
    )
    taken = [(f.start, f.end) for f in findings]
    for name in _names(text):
        if not any(name.start < end and start < name.end for start, end in taken):
            findings.append(name)
    return sorted(findings, key=lambda finding: finding.start)


def _finding(kind: FindingKind, text: str, start: int, end: int) -> Finding:
    return Finding(kind=kind, text=text[start:end], start=start, end=end)


def _remove_overlaps(findings: list[Finding]) -> list[Finding]:
    """Keep the earliest (and then the longest) of overlapping findings."""
    kept: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (f.start, -(f.end - f.start))):
        if kept and finding.start < kept[-1].end:
            continue
        kept.append(finding)
    return kept


def _emails(text: str) -> list[Finding]:
    return [
        _finding(FindingKind.EMAIL, text, m.start(), m.end())
        for m in EMAIL_RE.finditer(text)
    ]


def _phones(text: str) -> list[Finding]:
    return [
        _finding(FindingKind.PHONE, text, m.start(), m.end())
        for m in PHONE_RE.finditer(text)
    ]


def _bsns(text: str) -> list[Finding]:
    found = []
    for match in BSN_RE.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if is_valid_bsn(digits):
            found.append(_finding(FindingKind.BSN, text, match.start(), match.end()))
    return found


def _is_day_and_month(day: str | None, month: str | None) -> bool:
    return (
        day is not None
        and month is not None
        and 1 <= int(day) <= 31
        and 1 <= int(month) <= 12
    )


def _dates(text: str) -> list[Finding]:
    spans: list[tuple[int, int]] = []
    for match in NUMERIC_DATE_RE.finditer(text):
        day = match.group("d") or match.group("d2")
        month = match.group("m") or match.group("m2")
        if _is_day_and_month(day, month):
            spans.append((match.start(), match.end()))
    spans.extend((m.start(), m.end()) for m in WORD_DATE_RE.finditer(text))
    found = []
    for start, end in spans:
        before = text[max(0, start - 40) : start]
        kind = (
            FindingKind.DATE_OF_BIRTH
            if BIRTH_CUE_BEFORE_RE.search(before)
            else FindingKind.DATE
        )
        found.append(_finding(kind, text, start, end))
    for match in BIRTH_PARTIAL_RE.finditer(text):
        found.append(
            _finding(
                FindingKind.DATE_OF_BIRTH,
                text,
                match.start("value"),
                match.end("value"),
            )
        )
    return found


def _is_year_and_abbreviation(fragment: str) -> bool:
    """ "In 2024 VT gebeld": a year and an abbreviation of the field, not a postcode."""
    number, letters = int(fragment[:4]), fragment[4:].strip().upper()
    return 1950 <= number <= 2039 and letters in YEAR_ABBREVIATIONS


def _postcodes(text: str) -> list[Finding]:
    return [
        _finding(FindingKind.POSTCODE, text, m.start(), m.end())
        for m in POSTCODE_RE.finditer(text)
        if not _is_year_and_abbreviation(m.group())
    ]


def _addresses(text: str) -> list[Finding]:
    return [
        _finding(FindingKind.ADDRESS, text, m.start(), m.end())
        for pattern in (STREET_PHRASE_RE, STREET_RE)
        for m in pattern.finditer(text)
    ]


def _core(word: str) -> str:
    """The word without a possessive ("Ahmed's" -> "ahmed"), in lower case."""
    return re.sub(r"['’]s$", "", word).lower()


def _is_capitalised(word: str) -> bool:
    return len(word) >= 2 and word[0].isupper() and not word.isupper()


def _at_sentence_start(text: str, start: int) -> bool:
    index = start
    while index > 0 and (text[index - 1].isspace() or text[index - 1] in OPENERS):
        if text[index - 1] == "\n":
            return True
        index -= 1
    return index == 0 or text[index - 1] in SENTENCE_ENDS


def _previous_word(text: str, start: int) -> str:
    match = re.search(r"([^\W\d_]+)\W*$", text[:start])
    return match.group(1).lower() if match else ""


def _is_known_name(core: str) -> bool:
    parts = core.split("-")
    return any(part in first_names() or part in surnames() for part in parts)


def _looks_like_name(text: str, match: re.Match[str]) -> bool:
    word = match.group()
    core = _core(word)
    if core in SURNAME_PREFIXES:
        return False
    parts = core.split("-")
    common = core in common_words() or all(part in common_words() for part in parts)
    if not _is_capitalised(word):
        # A common first name in lower case ("sanne"), unless it is also a word.
        return len(core) >= 3 and core in first_names() and not common
    starts_sentence = _at_sentence_start(text, match.start()) and (
        _previous_word(text, match.start()) not in TITLES
    )
    if starts_sentence:
        return _is_known_name(core) and not common
    return _is_known_name(core) or not common


def _names(text: str) -> list[Finding]:
    spans: list[tuple[int, int, bool]] = []  # start, end, is a first name
    for match in WORD_RE.finditer(text):
        if _looks_like_name(text, match):
            is_first = any(
                part in first_names() for part in _core(match.group()).split("-")
            )
            spans.append((match.start(), match.end(), is_first))
    merged: list[list[int]] = []
    for start, end, is_first in spans:
        if merged and GAP_JOINS_NAMES_RE.match(text[merged[-1][1] : start]):
            merged[-1][1] = end  # "Jan de Vries", "Mohammed el Amrani"
            continue
        if not is_first:
            prefixes = PREFIXES_BEFORE_RE.search(text[:start])
            if prefixes:
                start = prefixes.start()  # "van Dijk", "de Vries"
        merged.append([start, end])
    return [_finding(FindingKind.NAME, text, start, end) for start, end in merged]


# ---- validation -------------------------------------------------------------


def validate_no_personal_data(value: str) -> None:
    """Refuse text with personal data, listing each flagged fragment."""
    findings = find_personal_data(value or "")
    if not findings:
        return
    messages: list[ValidationError] = [
        ValidationError(
            _(
                "Remove the personal data before saving: no names, BSNs, dates of "
                "birth or other full dates, addresses, postcodes, phone numbers or "
                "e-mail addresses. Write “the child”, “the mother” or “the school” "
                "instead."
            ),
            code="personal_data",
        )
    ]
    for finding in findings[:MAX_LISTED]:
        messages.append(
            ValidationError(
                _("“%(fragment)s” is %(kind)s."),
                code="personal_data_fragment",
                params={"fragment": finding.text, "kind": finding.kind.label},
            )
        )
    if len(findings) > MAX_LISTED:
        more = len(findings) - MAX_LISTED
        messages.append(
            ValidationError(
                ngettext(
                    "And %(count)s more fragment.",
                    "And %(count)s more fragments.",
                    more,
                ),
                code="personal_data_more",
                params={"count": more},
            )
        )
    raise ValidationError(messages)
