"""Validation of organisation rows from CSV, before anything is written.

Columns: external_code, name, type, municipality (name or CBS code). The first
line is the header. Line numbers in messages are the file's own line numbers.
"""

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext as _

from kindveilig.core.validators import hidden_characters

from .models import Municipality, OrganisationType

REQUIRED_COLUMNS = ("external_code", "name", "type", "municipality")
MAX_NAME_LENGTH = 200
MAX_CODE_LENGTH = 32
REPLACEMENT = "\ufffd"


@dataclass(frozen=True)
class OrganisationRow:
    line: int
    external_code: str
    name: str
    type: str
    municipality_id: int


@dataclass(frozen=True)
class RowError:
    line: int
    message: str


@dataclass
class ParsedFile:
    rows: list[OrganisationRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    header_error: str = ""


def _type_lookup() -> dict[str, str]:
    """Accept the code, the English label or the Dutch label of a type."""
    lookup: dict[str, str] = {}
    for language in ("en", "nl"):
        with translation.override(language):
            for value, label in OrganisationType.choices:
                lookup[value.lower()] = value
                lookup[str(label).lower()] = value
    return lookup


def _municipality_lookup() -> dict[str, int]:
    lookup: dict[str, int] = {}
    for pk, name, code in Municipality.objects.values_list("pk", "name", "cbs_code"):
        lookup[name.lower()] = pk
        lookup[code.lower()] = pk
    return lookup


def _bad_characters(values: dict[str, str]) -> str:
    """Bytes that were not text in the file's encoding (decoded as U+FFFD) and
    control or text-direction characters (NUL, RLO …), named for the user."""
    found: set[str] = set()
    for value in values.values():
        if REPLACEMENT in value:
            found.add(_("bytes that are not valid UTF-8 or Windows-1252"))
        if characters := hidden_characters(value):
            found.add(
                _("control or text-direction characters (%(characters)s)")
                % {"characters": ", ".join(characters)}
            )
    return "; ".join(sorted(found))


def _records(
    reader: "csv.DictReader[str]", result: ParsedFile
) -> Iterator[tuple[int, dict[str, str]]]:
    """The rows with their line numbers; a line the csv module cannot read
    becomes a line error, never a traceback."""
    while True:
        try:
            raw = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            result.errors.append(
                RowError(
                    line=reader.line_num,
                    message=_("the line cannot be read as CSV (%(error)s)")
                    % {"error": error},
                )
            )
            continue
        yield (
            reader.line_num,
            {
                key: (value or "").strip()
                for key, value in raw.items()
                if isinstance(key, str) and isinstance(value, str | None)
            },
        )


def parse_organisations(lines: Iterable[str]) -> ParsedFile:
    result = ParsedFile()
    reader = csv.DictReader(lines)
    try:
        fieldnames = reader.fieldnames
    except csv.Error:
        fieldnames = None
    header = [column.strip().lower() for column in (fieldnames or [])]
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        result.header_error = _("The file misses the column(s): %(columns)s.") % {
            "columns": ", ".join(missing)
        }
        return result
    reader.fieldnames = header
    types = _type_lookup()
    municipalities = _municipality_lookup()
    seen_codes: dict[str, int] = {}
    for line, values in _records(reader, result):
        if bad := _bad_characters(values):
            result.errors.append(
                RowError(
                    line=line, message=_("the line contains %(bad)s") % {"bad": bad}
                )
            )
            continue
        problems: list[str] = []
        code = values.get("external_code", "")
        name = values.get("name", "")
        type_value = types.get(values.get("type", "").lower())
        municipality_id = municipalities.get(values.get("municipality", "").lower())
        if not code:
            problems.append(_("the external code (BRIN, LRK or KvK) is empty"))
        elif len(code) > MAX_CODE_LENGTH:
            problems.append(
                _("the external code is longer than %(max)s characters")
                % {"max": MAX_CODE_LENGTH}
            )
        elif code in seen_codes:
            problems.append(
                _("the external code %(code)s already appears on line %(line)s")
                % {"code": code, "line": seen_codes[code]}
            )
        if not name:
            problems.append(_("the name is empty"))
        elif len(name) > MAX_NAME_LENGTH:
            problems.append(
                _("the name is longer than %(max)s characters")
                % {"max": MAX_NAME_LENGTH}
            )
        if type_value is None:
            problems.append(
                _("the type %(type)s is unknown")
                % {"type": repr(values.get("type", ""))}
            )
        if municipality_id is None:
            problems.append(
                _("the municipality %(municipality)s is unknown")
                % {"municipality": repr(values.get("municipality", ""))}
            )
        if problems:
            result.errors.append(RowError(line=line, message="; ".join(problems)))
            continue
        assert type_value is not None
        assert municipality_id is not None
        seen_codes[code] = line
        result.rows.append(
            OrganisationRow(
                line=line,
                external_code=code,
                name=name,
                type=type_value,
                municipality_id=municipality_id,
            )
        )
    return result


def read_text(raw: bytes) -> io.StringIO:
    """Decode UTF-8 (with or without BOM); Excel's Windows-1252 as a fallback.

    Never fails: a byte that is not text becomes U+FFFD, which the parser
    reports with its line number. A file with valid UTF-8 beyond ASCII is
    UTF-8 with a few bad bytes, not Windows-1252.
    """
    text = raw.decode("utf-8-sig", errors="replace")
    if REPLACEMENT in text and not any(
        ord(char) > 127 and char != REPLACEMENT for char in text
    ):
        text = raw.decode("cp1252", errors="replace")
    return io.StringIO(text, newline="")
