"""Validation of organisation rows from a register file, before anything is written.

Three formats (docs/organisations.md), told apart by their header:

- Kindveilig's own: external_code, name, type, municipality (name or CBS code);
- DUO's "adressen alle vestigingen": VESTIGINGSNUMMER, VESTIGINGSNAAM,
  GEMEENTENUMMER (and BRIN NUMMER, STRAATNAAM, HUISNUMMER-TOEVOEGING, POSTCODE,
  PLAATSNAAM, GEMEENTENAAM, SOORT ONDERWIJS when present);
- the Landelijk Register Kinderopvang: LRK NUMMER, TYPE OPVANG, NAAM,
  GEMEENTECODE (and STRAATNAAM, HUISNUMMER, POSTCODE, PLAATS, GEMEENTE).

The delimiter (comma, semicolon or tab) and the encoding (UTF-8 with or without
BOM, else Windows-1252) are detected. Line numbers in messages are the file's
own line numbers; the first line is the header.
"""

import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext as _

from kindveilig.core.validators import hidden_characters

from .models import Municipality, OrganisationType, Register

REQUIRED_COLUMNS = ("external_code", "name", "type", "municipality")
MAX_NAME_LENGTH = 200
MAX_CODE_LENGTH = 32
MAX_ADDRESS_LENGTH = 200
REPLACEMENT = "\ufffd"
DELIMITERS = ",;\t"

# Column names after normalising (lower case; "_" and "-" read as spaces).
# Each field lists the names it is known by; the first is the one we document.
DUO_COLUMNS: dict[str, tuple[str, ...]] = {
    "vestiging": ("vestigingsnummer",),
    "name": ("vestigingsnaam",),
    "municipality": ("gemeentenummer",),
    "brin": ("brin nummer", "brinnummer", "brin"),
    "street": ("straatnaam", "straat"),
    "number": ("huisnummer toevoeging", "huisnummer"),
    "postcode": ("postcode",),
    "place": ("plaatsnaam", "plaats"),
    "municipality_name": ("gemeentenaam",),
    "kind": ("soort onderwijs", "soort po", "type po", "onderwijsstructuur"),
}
DUO_REQUIRED = ("vestiging", "name", "municipality")
LRK_COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("lrk nummer", "lrk id", "lrknummer", "registratienummer"),
    "kind": ("type opvang", "type oko"),
    "name": ("naam", "actuele naam oko", "naam opvanglocatie"),
    "municipality": ("gemeentecode", "cbs code", "verantwoordelijke gemeente code"),
    "street": ("straatnaam", "straat", "opvanglocatie adres"),
    "number": ("huisnummer", "opvanglocatie huisnummer"),
    "postcode": ("postcode", "opvanglocatie postcode"),
    "place": ("plaats", "woonplaats", "opvanglocatie woonplaats"),
    "municipality_name": ("gemeente", "gemeentenaam"),
}
LRK_REQUIRED = ("code", "kind", "name", "municipality")
LRK_TYPES: dict[str, str] = {
    "kdv": OrganisationType.KINDEROPVANG,
    "kinderdagverblijf": OrganisationType.KINDEROPVANG,
    "bso": OrganisationType.KINDEROPVANG,
    "buitenschoolse opvang": OrganisationType.KINDEROPVANG,
    "gob": OrganisationType.KINDEROPVANG,
    "gastouderbureau": OrganisationType.KINDEROPVANG,
    "vgo": OrganisationType.KINDEROPVANG,
    "voorziening gastouderopvang": OrganisationType.KINDEROPVANG,
    "psz": OrganisationType.PEUTERSPEELZAAL,
    "peuterspeelzaal": OrganisationType.PEUTERSPEELZAAL,
}
SECONDARY_WORDS = frozenset({"vo", "vmbo", "havo", "vwo", "pro", "vso", "lwoo"})
BRIN_LOCATION = re.compile(r"\d{2}[A-Z]{2}\d{2}")
LRK_NUMBER = re.compile(r"\d{6,12}")
CBS_NUMBER = re.compile(r"(?:GM)?(\d{1,4})", re.IGNORECASE)


@dataclass(frozen=True)
class OrganisationRow:
    line: int
    external_code: str
    name: str
    type: str
    municipality_id: int
    address: str = ""


@dataclass(frozen=True)
class RowError:
    line: int
    message: str


@dataclass
class ParsedFile:
    rows: list[OrganisationRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    header_error: str = ""
    register: str = Register.OWN
    delimiter: str = ","
    encoding: str = "UTF-8"
    # Rows of municipalities outside the region (a national export): skipped.
    outside_region: int = 0
    # Every code on a data line, valid or not: a location whose line has an
    # error has not disappeared from the register.
    codes_in_file: set[str] = field(default_factory=set)


def normalise(column: str) -> str:
    return " ".join(column.replace("_", " ").replace("-", " ").lower().split())


def _type_lookup() -> dict[str, str]:
    """Accept the code, the English label or the Dutch label of a type."""
    lookup: dict[str, str] = {}
    for language in ("en", "nl"):
        with translation.override(language):
            for value, label in OrganisationType.choices:
                lookup[value.lower()] = value
                lookup[str(label).lower()] = value
    return lookup


class _Municipalities:
    """Names and CBS codes of the municipalities (of one region, if given)."""

    def __init__(self, region_id: int | None) -> None:
        queryset = Municipality.objects.all()
        if region_id is not None:
            queryset = queryset.filter(region_id=region_id)
        self.by_name: dict[str, int] = {}
        self.by_code: dict[str, int] = {}
        for pk, name, code in queryset.values_list("pk", "name", "cbs_code"):
            self.by_name[name.lower()] = pk
            self.by_code[code.upper()] = pk

    def by_name_or_code(self, value: str) -> int | None:
        return self.by_name.get(value.lower()) or self.by_code.get(value.upper())

    @staticmethod
    def cbs_code(value: str) -> str | None:
        """ "518", "0518" and "GM0518" are the same municipality."""
        match = CBS_NUMBER.fullmatch(value.strip())
        return f"GM{match.group(1).zfill(4)}" if match else None


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
    becomes a line error, never a traceback. Empty lines are skipped."""
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


def _address(values: dict[str, str]) -> str:
    street = " ".join(
        part for part in (values.get("street", ""), values.get("number", "")) if part
    )
    place = " ".join(
        part for part in (values.get("postcode", ""), values.get("place", "")) if part
    )
    return ", ".join(part for part in (street, place) if part)


def _common_problems(
    code: str, name: str, address: str, seen_codes: dict[str, int]
) -> list[str]:
    problems: list[str] = []
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
            _("the name is longer than %(max)s characters") % {"max": MAX_NAME_LENGTH}
        )
    if len(address) > MAX_ADDRESS_LENGTH:
        problems.append(
            _("the address is longer than %(max)s characters")
            % {"max": MAX_ADDRESS_LENGTH}
        )
    return problems


# A row reader: (line, values by field) -> (code, name, type, municipality,
# problems); municipality None without a problem means "outside the region".
RowReader = Callable[
    [dict[str, str]], tuple[str, str | None, int | None, bool, list[str]]
]


def _own_reader(municipalities: _Municipalities) -> RowReader:
    types = _type_lookup()

    def read(
        values: dict[str, str],
    ) -> tuple[str, str | None, int | None, bool, list[str]]:
        problems: list[str] = []
        type_value = types.get(values.get("type", "").lower())
        municipality_id = municipalities.by_name_or_code(values.get("municipality", ""))
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
        return values.get("code", ""), type_value, municipality_id, False, problems

    return read


def _municipality_by_number(
    municipalities: _Municipalities, value: str, problems: list[str]
) -> tuple[int | None, bool]:
    """(id, outside the region) for a CBS number such as 0518 or GM0518."""
    cbs = _Municipalities.cbs_code(value)
    if cbs is None:
        problems.append(
            _("the municipality number %(value)s is not a CBS code (like 0518)")
            % {"value": repr(value)}
        )
        return None, False
    municipality_id = municipalities.by_code.get(cbs)
    return municipality_id, municipality_id is None


def _duo_type(kind: str) -> str:
    words = set(re.split(r"[^a-z]+", kind.lower()))
    if "mbo" in words:
        return OrganisationType.MBO
    if words & SECONDARY_WORDS:
        return OrganisationType.SECONDARY_SCHOOL
    return OrganisationType.PRIMARY_SCHOOL


def _duo_reader(municipalities: _Municipalities) -> RowReader:
    def read(
        values: dict[str, str],
    ) -> tuple[str, str | None, int | None, bool, list[str]]:
        problems: list[str] = []
        brin = values.get("brin", "").upper()
        vestiging = values.get("vestiging", "").upper()
        code = vestiging
        if brin and vestiging and not vestiging.startswith(brin):
            code = brin + vestiging.zfill(2)
        if code and not BRIN_LOCATION.fullmatch(code):
            problems.append(
                _(
                    "the vestigingsnummer %(code)s is not a BRIN number with a "
                    "location number (like 12AB00)"
                )
                % {"code": code}
            )
        municipality_id, outside = _municipality_by_number(
            municipalities, values.get("municipality", ""), problems
        )
        return (
            code,
            _duo_type(values.get("kind", "")),
            municipality_id,
            outside,
            problems,
        )

    return read


def _lrk_reader(municipalities: _Municipalities) -> RowReader:
    def read(
        values: dict[str, str],
    ) -> tuple[str, str | None, int | None, bool, list[str]]:
        problems: list[str] = []
        code = values.get("code", "")
        if code and not LRK_NUMBER.fullmatch(code):
            problems.append(
                _("the LRK number %(code)s is not 6 to 12 digits") % {"code": code}
            )
        kind = values.get("kind", "")
        type_value = LRK_TYPES.get(kind.lower())
        if type_value is None:
            problems.append(
                _("the type of childcare %(type)s is unknown (KDV, BSO, GOB or VGO)")
                % {"type": repr(kind)}
            )
        municipality_id, outside = _municipality_by_number(
            municipalities, values.get("municipality", ""), problems
        )
        return code, type_value, municipality_id, outside, problems

    return read


def _columns_of(header: list[str], known: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Field -> the file's column, for the fields whose column is present."""
    found: dict[str, str] = {}
    for key, names in known.items():
        for name in names:
            if name in header:
                found[key] = name
                break
    return found


def detect_register(header: list[str]) -> str:
    if "external code" in header:
        return Register.OWN
    if _columns_of(header, {k: DUO_COLUMNS[k] for k in ("vestiging", "brin")}):
        return Register.DUO
    if _columns_of(header, {k: LRK_COLUMNS[k] for k in ("code", "kind")}):
        return Register.LRK
    return Register.OWN


def _delimiter_name(delimiter: str) -> str:
    return {";": _("semicolons"), "\t": _("tabs")}.get(delimiter, _("commas"))


def _header_error(result: ParsedFile, missing: list[str]) -> str:
    return " ".join(
        [
            _(
                "The file seems to use %(delimiter)s as separator and was read "
                "as %(encoding)s."
            )
            % {
                "delimiter": _delimiter_name(result.delimiter),
                "encoding": result.encoding,
            },
            _("The file misses the column(s): %(columns)s.")
            % {"columns": ", ".join(missing)},
        ]
    )


def parse_organisations(
    lines: Iterable[str],
    *,
    delimiter: str = ",",
    encoding: str = "UTF-8",
    region_id: int | None = None,
) -> ParsedFile:
    result = ParsedFile(delimiter=delimiter, encoding=encoding)
    reader = csv.DictReader(lines, delimiter=delimiter)
    try:
        fieldnames = reader.fieldnames
    except csv.Error:
        fieldnames = None
    header = [normalise(column) for column in (fieldnames or [])]
    result.register = detect_register(header)
    municipalities = _Municipalities(region_id)
    row_reader: RowReader
    if result.register == Register.DUO:
        columns = _columns_of(header, DUO_COLUMNS)
        missing = [DUO_COLUMNS[k][0].upper() for k in DUO_REQUIRED if k not in columns]
        row_reader = _duo_reader(municipalities)
    elif result.register == Register.LRK:
        columns = _columns_of(header, LRK_COLUMNS)
        missing = [LRK_COLUMNS[k][0].upper() for k in LRK_REQUIRED if k not in columns]
        row_reader = _lrk_reader(municipalities)
    else:
        own = {"code": ("external code",), "name": ("name",), "type": ("type",)}
        columns = _columns_of(header, {**own, "municipality": ("municipality",)})
        missing = [
            column
            for column in REQUIRED_COLUMNS
            if normalise(column) not in columns.values()
        ]
        row_reader = _own_reader(municipalities)
    if missing:
        result.header_error = _header_error(result, missing)
        return result
    by_column = {column: key for key, column in columns.items()}
    reader.fieldnames = [by_column.get(column, f"-{column}") for column in header]
    seen_codes: dict[str, int] = {}
    for line, values in _records(reader, result):
        if not any(values.values()):
            continue
        if bad := _bad_characters(values):
            result.errors.append(
                RowError(
                    line=line, message=_("the line contains %(bad)s") % {"bad": bad}
                )
            )
            continue
        code, type_value, municipality_id, outside, problems = row_reader(values)
        if code:
            result.codes_in_file.add(code)
        if outside and not problems:
            result.outside_region += 1
            continue
        name = values.get("name", "")
        address = _address(values)
        problems = [*problems, *_common_problems(code, name, address, seen_codes)]
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
                address=address,
            )
        )
    return result


def decode(raw: bytes) -> tuple[str, str]:
    """(text, the encoding's name): UTF-8 (with or without BOM); Excel's
    Windows-1252 as a fallback.

    Never fails: a byte that is not text becomes U+FFFD, which the parser
    reports with its line number. A file with valid UTF-8 beyond ASCII is
    UTF-8 with a few bad bytes, not Windows-1252.
    """
    encoding = "UTF-8 (BOM)" if raw.startswith(b"\xef\xbb\xbf") else "UTF-8"
    text = raw.decode("utf-8-sig", errors="replace")
    if REPLACEMENT in text and not any(
        ord(char) > 127 and char != REPLACEMENT for char in text
    ):
        text = raw.decode("cp1252", errors="replace")
        encoding = "Windows-1252"
    return text, encoding


def detect_delimiter(text: str) -> str:
    """The header line's delimiter: comma, semicolon or tab (comma when the
    header has none of them)."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    try:
        return csv.Sniffer().sniff(header, delimiters=DELIMITERS).delimiter
    except csv.Error:
        return ","


def read_text(raw: bytes) -> io.StringIO:
    """The decoded text, for ``parse_organisations`` (comma-separated)."""
    text, _encoding = decode(raw)
    return io.StringIO(text, newline="")


def parse_register(raw: bytes, *, region_id: int | None = None) -> ParsedFile:
    """Any of the three formats, in any delimiter and encoding."""
    text, encoding = decode(raw)
    return parse_organisations(
        io.StringIO(text, newline=""),
        delimiter=detect_delimiter(text),
        encoding=encoding,
        region_id=region_id,
    )
