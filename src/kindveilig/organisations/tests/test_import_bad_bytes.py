"""Bad bytes in an organisation CSV are line errors, never a traceback (the file
reaches PostgreSQL only when every row is clean)."""

from io import StringIO
from pathlib import Path

from django.core.management import CommandError, call_command

import pytest

from kindveilig.organisations.importing import parse_organisations, read_text
from kindveilig.organisations.models import Organisation

pytestmark = [pytest.mark.django_db]

HEADER = b"external_code,name,type,municipality\n"
GOOD = b"00AA,Basisschool Het Anker (test),primary_school,Den Haag\n"


def run(tmp_path: Path, raw: bytes, *args: str) -> tuple[str, str]:
    path = tmp_path / "organisaties.csv"
    path.write_bytes(raw)
    out, err = StringIO(), StringIO()
    call_command(
        "import_organisations",
        str(path),
        "--no-progress",
        *args,
        stdout=out,
        stderr=err,
    )
    return out.getvalue(), err.getvalue()


def errors_of(raw: bytes) -> dict[int, str]:
    parsed = parse_organisations(read_text(raw))
    return {error.line: error.message for error in parsed.errors}


def test_a_nul_byte_is_a_line_error_and_nothing_reaches_the_database(
    tmp_path: Path,
) -> None:
    raw = HEADER + GOOD + b"00BB,School\x00 De Wissel (test),primary_school,Den Haag\n"
    with pytest.raises(CommandError):
        run(tmp_path, raw)
    assert not Organisation.objects.filter(external_code__in=["00AA", "00BB"]).exists()
    assert "U+0000" in errors_of(raw)[3]


def test_with_skip_invalid_the_nul_row_is_skipped_and_the_rest_imported(
    tmp_path: Path,
) -> None:
    raw = HEADER + GOOD + b"00BB,School\x00 De Wissel (test),primary_school,Den Haag\n"
    out, err = run(tmp_path, raw, "--skip-invalid")
    assert "Regel 3:" in err
    assert "1 overgeslagen" in out
    assert Organisation.objects.filter(external_code="00AA").exists()
    assert not Organisation.objects.filter(external_code="00BB").exists()


def test_a_nul_in_the_code_column_is_reported_too() -> None:
    raw = HEADER + GOOD + b"00\x00CC,School (test),primary_school,Den Haag\n"
    assert 3 in errors_of(raw)


def test_invalid_utf8_in_a_utf8_file_is_a_line_error() -> None:
    raw = (
        HEADER
        + "00AA,Basisschool Café (test),primary_school,Den Haag\n".encode()
        + b"00BB,School \xff\xfe (test),primary_school,Den Haag\n"
    )
    errors = errors_of(raw)
    assert list(errors) == [3]
    assert "UTF-8" in errors[3]


def test_a_byte_that_is_not_windows_1252_either_is_a_line_error() -> None:
    raw = HEADER + GOOD + b"00BB,School \x81 (test),primary_school,Den Haag\n"
    assert list(errors_of(raw)) == [3]


@pytest.mark.parametrize(
    "name", ["School\u202e (test)", "School\u2066 (test)", "Sch\u200bool", "A\x1bB"]
)
def test_control_and_direction_characters_in_a_name_are_line_errors(
    name: str,
) -> None:
    raw = HEADER + GOOD + f"00BB,{name},primary_school,Den Haag\n".encode()
    errors = errors_of(raw)
    assert list(errors) == [3]


def test_a_quoted_name_with_a_line_break_is_refused_with_its_line() -> None:
    raw = HEADER + b'00BB,"School\nDe Wissel",primary_school,Den Haag\n' + GOOD
    errors = errors_of(raw)
    assert 3 in errors
