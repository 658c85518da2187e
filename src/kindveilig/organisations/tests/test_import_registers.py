"""The public registers in their own formats: DUO's school locations and the
LRK's childcare locations, beside Kindveilig's own format, in either delimiter
and encoding. The fixtures in ``data/`` are fictitious ("(fictief)")."""

from io import StringIO
from pathlib import Path

from django.core.management import CommandError, call_command
from django.utils.translation import gettext as _

import pytest

from kindveilig.organisations.importing import (
    ParsedFile,
    detect_delimiter,
    parse_register,
)
from kindveilig.organisations.models import (
    Municipality,
    Organisation,
    OrganisationType,
    Register,
)
from kindveilig.organisations.services import (
    ImportResult,
    import_plan,
    organisations_import,
)

pytestmark = [pytest.mark.django_db]

DATA = Path(__file__).parent / "data"
DUO = DATA / "duo_vestigingen.csv"
LRK = DATA / "lrk_locaties.csv"
HAAGLANDEN = {
    "GM0503",
    "GM0518",
    "GM1916",
    "GM1842",
    "GM1926",
    "GM0603",
    "GM0629",
    "GM1783",
    "GM0637",
}


def import_bytes(raw: bytes) -> tuple[ParsedFile, ImportResult]:
    parsed = parse_register(raw)
    result = organisations_import(
        rows=parsed.rows, register=parsed.register, codes_in_file=parsed.codes_in_file
    )
    return parsed, result


def test_the_duo_file_is_read_with_its_bom_and_semicolons() -> None:
    parsed = parse_register(DUO.read_bytes())
    assert parsed.register == Register.DUO
    assert parsed.delimiter == ";"
    assert parsed.encoding == "UTF-8 (BOM)"
    assert not parsed.header_error
    assert len(parsed.rows) == 54
    assert parsed.outside_region == 2
    municipalities = set(
        Municipality.objects.filter(
            pk__in={row.municipality_id for row in parsed.rows}
        ).values_list("cbs_code", flat=True)
    )
    assert municipalities == HAAGLANDEN
    first = parsed.rows[0]
    assert first.external_code == "99AA00"
    assert first.address == "Schoolstraat 1, 2611 AA DELFT"
    assert first.type == OrganisationType.PRIMARY_SCHOOL
    assert any(row.type == OrganisationType.SECONDARY_SCHOOL for row in parsed.rows)


def test_each_bad_duo_line_is_reported_with_its_number() -> None:
    errors = {e.line: e.message for e in parse_register(DUO.read_bytes()).errors}
    assert sorted(errors) == [58, 59, 60, 61]
    assert errors[58] == _("the name is empty")
    assert "97Z0" in errors[59]
    assert errors[60] == _(
        "the municipality number %(value)s is not a CBS code (like 0518)"
    ) % {"value": "''"}
    assert errors[61] == _(
        "the external code %(code)s already appears on line %(line)s"
    ) % {"code": "99AA00", "line": 2}


def test_the_duo_import_reports_and_a_second_import_changes_nothing() -> None:
    before = Organisation.objects.count()
    _parsed, result = import_bytes(DUO.read_bytes())
    assert (result.created, result.updated, result.deactivated) == (54, 0, 0)
    assert Organisation.objects.count() == before + 54
    school = Organisation.objects.get(external_code="99AA00")
    assert school.register == Register.DUO
    assert school.municipality.cbs_code == "GM0503"
    assert not Organisation.objects.filter(external_code="98ZA00").exists()
    _parsed, again = import_bytes(DUO.read_bytes())
    assert (again.created, again.updated, again.unchanged, again.deactivated) == (
        0,
        0,
        54,
        0,
    )


def test_the_lrk_file_in_windows_1252_with_commas() -> None:
    parsed = parse_register(LRK.read_bytes())
    assert parsed.register == Register.LRK
    assert (parsed.delimiter, parsed.encoding) == (",", "Windows-1252")
    assert len(parsed.rows) == 18
    assert parsed.outside_region == 1
    assert {e.line for e in parsed.errors} == {20, 21}
    names = {row.name for row in parsed.rows}
    assert "Buitenschoolse opvang Zeeëgel Delft (fictief)" in names
    assert "Kinderdagverblijf Café Delft (fictief)" in names
    _parsed, result = import_bytes(LRK.read_bytes())
    assert result.created == 18
    opvang = Organisation.objects.get(external_code="900000001")
    assert opvang.type == OrganisationType.KINDEROPVANG
    assert opvang.register == Register.LRK
    _parsed, again = import_bytes(LRK.read_bytes())
    assert (again.created, again.updated, again.unchanged) == (0, 0, 18)


def test_an_unknown_type_of_childcare_is_named() -> None:
    errors = {e.line: e.message for e in parse_register(LRK.read_bytes()).errors}
    assert "'XYZ'" in errors[20]
    assert "12AB" in errors[21]


@pytest.mark.parametrize(
    ("encoding", "bom", "name"),
    [
        ("utf-8", True, "UTF-8 (BOM)"),
        ("utf-8", False, "UTF-8"),
        ("cp1252", False, "Windows-1252"),
    ],
)
@pytest.mark.parametrize("delimiter", [",", ";"])
def test_own_format_in_any_delimiter_and_encoding(
    encoding: str, bom: bool, name: str, delimiter: str
) -> None:
    text = delimiter.join(["external_code", "name", "type", "municipality"]) + "\n"
    text += delimiter.join(
        ["00EE", "Basisschool Café Zeeëgel (fictief)", "mbo", "Delft"]
    )
    raw = ("\ufeff" if bom else "").encode() + text.encode(encoding)
    parsed = parse_register(raw)
    assert (parsed.delimiter, parsed.encoding) == (delimiter, name)
    assert parsed.register == Register.OWN
    assert [row.name for row in parsed.rows] == ["Basisschool Café Zeeëgel (fictief)"]


def test_detect_delimiter_reads_the_header_only() -> None:
    assert detect_delimiter("a;b;c\n1,5;2;3\n") == ";"
    assert detect_delimiter("a,b,c\n1;2,3,4\n") == ","
    assert detect_delimiter("a\tb\tc\n") == "\t"
    assert detect_delimiter("single\n") == ","


def test_a_missing_column_names_the_delimiter_and_encoding() -> None:
    raw = "external_code;name;type\n00AA;X;mbo\n".encode("cp1252")
    error = parse_register(raw).header_error
    assert error == " ".join(
        [
            _(
                "The file seems to use %(delimiter)s as separator and was read "
                "as %(encoding)s."
            )
            % {"delimiter": _("semicolons"), "encoding": "UTF-8"},
            _("The file misses the column(s): %(columns)s.")
            % {"columns": "municipality"},
        ]
    )


def test_a_duo_header_without_gemeentenummer_names_that_column() -> None:
    raw = b"BRIN NUMMER;VESTIGINGSNUMMER;VESTIGINGSNAAM\n99AA;99AA00;School\n"
    parsed = parse_register(raw)
    assert parsed.register == Register.DUO
    assert "GEMEENTENUMMER" in parsed.header_error
    assert _("semicolons") in parsed.header_error


def test_a_reimport_updates_names_and_addresses_and_deactivates_the_missing() -> None:
    import_bytes(DUO.read_bytes())
    lines = DUO.read_bytes().decode("utf-8-sig").splitlines()
    # 99AB00 disappears; 99AA00 moves and is renamed.
    changed = [line for line in lines if ";99AB00;" not in line]
    changed = [
        line.replace(
            "De Regenboog Delft (fictief);Schoolstraat;1;",
            "De Nieuwe Regenboog (fictief);Nieuwstraat;7;",
        )
        for line in changed
    ]
    _parsed, result = import_bytes("\r\n".join(changed).encode("cp1252"))
    assert (result.created, result.updated, result.deactivated) == (0, 1, 1)
    moved = Organisation.objects.get(external_code="99AA00")
    assert moved.name == "Basisschool De Nieuwe Regenboog (fictief)"
    assert moved.address.startswith("Nieuwstraat 7")
    gone = Organisation.objects.get(external_code="99AB00")
    assert not gone.is_active
    # The same file again: nothing changes, the missing one stays inactive.
    _parsed, again = import_bytes("\r\n".join(changed).encode("cp1252"))
    assert (again.updated, again.deactivated) == (0, 0)
    # It comes back: active again.
    _parsed, back = import_bytes(DUO.read_bytes())
    assert back.updated == 2
    gone.refresh_from_db()
    assert gone.is_active


def test_a_location_whose_line_is_bad_is_not_deactivated() -> None:
    import_bytes(DUO.read_bytes())
    lines = DUO.read_bytes().decode("utf-8-sig").splitlines()
    broken = [
        line.replace(";99AC00;Basisschool De Klimop Delft (fictief);", ";99AC00;;")
        for line in lines
    ]
    plan_parsed = parse_register("\n".join(broken).encode())
    plan = import_plan(
        rows=plan_parsed.rows,
        register=plan_parsed.register,
        codes_in_file=plan_parsed.codes_in_file,
    )
    assert plan.deactivated == []


def test_the_lrk_import_does_not_deactivate_duo_schools() -> None:
    import_bytes(DUO.read_bytes())
    _parsed, result = import_bytes(LRK.read_bytes())
    assert result.deactivated == 0
    assert (
        Organisation.objects.filter(register=Register.DUO, is_active=True).count() == 54
    )


def test_the_own_format_deactivates_nothing() -> None:
    import_bytes(DUO.read_bytes())
    raw = b"external_code,name,type,municipality\n99AA00,Andere naam (fictief),primary_school,Delft\n"
    _parsed, result = import_bytes(raw)
    assert (result.updated, result.deactivated) == (1, 0)
    school = Organisation.objects.get(external_code="99AA00")
    assert school.address == "Schoolstraat 1, 2611 AA DELFT"  # kept


def test_the_command_imports_the_duo_file_and_says_what_was_skipped() -> None:
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_organisations", str(DUO), "--no-progress", stdout=out, stderr=err
        )
    assert "Regel 58" in err.getvalue()
    call_command(
        "import_organisations",
        str(DUO),
        "--no-progress",
        "--skip-invalid",
        stdout=out,
        stderr=err,
    )
    assert "54 nieuw" in out.getvalue()
    assert "4 overgeslagen" in out.getvalue()


def test_the_command_marks_a_disappeared_location_inactive(tmp_path: Path) -> None:
    out = StringIO()
    args = ("--no-progress", "--skip-invalid")
    call_command("import_organisations", str(LRK), *args, stdout=out, stderr=StringIO())
    lines = LRK.read_bytes().decode("cp1252").splitlines()
    path = tmp_path / "lrk.csv"
    path.write_text(
        "\n".join(line for line in lines if "900000003" not in line), encoding="cp1252"
    )
    out = StringIO()
    call_command(
        "import_organisations", str(path), *args, stdout=out, stderr=StringIO()
    )
    assert (
        _(
            "Marked inactive (no longer in the register): %(deactivated)s; "
            "rows outside the region: %(outside)s."
        )
        % {"deactivated": 1, "outside": 1}
        in out.getvalue()
    )
    assert not Organisation.objects.get(external_code="900000003").is_active
