from io import StringIO
from pathlib import Path

from django.core.management import CommandError, call_command

import pytest

from kindveilig.organisations.models import Organisation, OrganisationType

pytestmark = [pytest.mark.django_db]

HEADER = "external_code,name,type,municipality\n"
VALID = (
    HEADER
    + "00AA,Basisschool Het Anker (test),primary_school,Den Haag\n"
    + "LRK123456789,Kinderopvang Zonnetje (test),kinderopvang,GM0503\n"
    + "KVK12345678,Voetbalclub Test (test),Sport or culture club,zoetermeer\n"
)


def write(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "organisaties.csv"
    path.write_bytes(text.encode(encoding))
    return path


def run(path: Path, *args: str) -> tuple[str, str]:
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


def test_valid_file_imports_every_row(tmp_path: Path) -> None:
    out, _ = run(write(tmp_path, VALID))
    assert "3 nieuw" in out
    club = Organisation.objects.get(external_code="KVK12345678")
    assert club.type == OrganisationType.SPORT_CULTURE_CLUB
    assert club.municipality.name == "Zoetermeer"
    assert (
        Organisation.objects.get(external_code="LRK123456789").municipality.name
        == "Delft"
    )


def test_importing_twice_changes_nothing(tmp_path: Path) -> None:
    path = write(tmp_path, VALID)
    run(path)
    out, _ = run(path)
    assert "0 nieuw, 0 gewijzigd, 3 ongewijzigd" in out
    assert (
        Organisation.objects.filter(
            external_code__in=["00AA", "LRK123456789", "KVK12345678"]
        ).count()
        == 3
    )


def test_changed_row_updates_the_organisation_by_its_code(tmp_path: Path) -> None:
    run(write(tmp_path, VALID))
    out, _ = run(
        write(
            tmp_path,
            HEADER + "00AA,Het Anker (nieuwe naam test),primary_school,Delft\n",
        )
    )
    assert "1 gewijzigd" in out
    anchor = Organisation.objects.get(external_code="00AA")
    assert anchor.name == "Het Anker (nieuwe naam test)"
    assert anchor.municipality.name == "Delft"


BAD = (
    HEADER
    + "00AA,Basisschool Het Anker (test),primary_school,Den Haag\n"
    + ",Zonder code (test),primary_school,Den Haag\n"
    + "00BB,Onbekend type (test),tandarts,Den Haag\n"
    + "00CC,Onbekende gemeente (test),primary_school,Amsterdam\n"
    + "00AA,Dubbel (test),primary_school,Den Haag\n"
    + "00DD,,mbo,Rijswijk\n"
)


def test_bad_rows_are_each_reported_in_dutch_and_nothing_is_imported(
    tmp_path: Path,
) -> None:
    before = Organisation.objects.count()
    with pytest.raises(CommandError, match="5 regel"):
        run(write(tmp_path, BAD))
    err = StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_organisations",
            str(write(tmp_path, BAD)),
            "--no-progress",
            stderr=err,
            stdout=StringIO(),
        )
    messages = err.getvalue()
    assert "Regel 3: de externe code (BRIN, LRK of KvK) is leeg" in messages
    assert "Regel 4: het type 'tandarts' is onbekend" in messages
    assert "Regel 5: de gemeente 'Amsterdam' is onbekend" in messages
    assert "Regel 6: de externe code 00AA staat al op regel 2" in messages
    assert "Regel 7: de naam is leeg" in messages
    assert "Regel 2:" not in messages
    assert Organisation.objects.count() == before


def test_skip_invalid_imports_only_the_valid_rows(tmp_path: Path) -> None:
    out, _err = run(write(tmp_path, BAD), "--skip-invalid")
    assert "1 nieuw" in out
    assert "5 overgeslagen" in out
    assert Organisation.objects.filter(external_code="00AA").exists()
    assert not Organisation.objects.filter(external_code="00BB").exists()


def test_missing_columns_are_named(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="municipality"):
        run(write(tmp_path, "external_code,name,type\n00AA,X,mbo\n"))


def test_excel_files_with_bom_or_windows_encoding_are_read(tmp_path: Path) -> None:
    text = HEADER + "00EE,Basisschool Café (test),primary_school,Den Haag\n"
    run(write(tmp_path, "\ufeff" + text))
    assert (
        Organisation.objects.get(external_code="00EE").name == "Basisschool Café (test)"
    )
    run(write(tmp_path, text.replace("00EE", "00FF"), encoding="cp1252"))
    assert (
        Organisation.objects.get(external_code="00FF").name == "Basisschool Café (test)"
    )


def test_long_file_shows_a_progress_bar(tmp_path: Path) -> None:
    rows = "".join(
        f"P{n:05d},School {n} (test),primary_school,Den Haag\n" for n in range(1200)
    )
    out, err = StringIO(), StringIO()
    call_command(
        "import_organisations",
        str(write(tmp_path, HEADER + rows)),
        stdout=out,
        stderr=err,
    )
    assert "1200 nieuw" in out.getvalue()
    assert "1200/1200" in err.getvalue()


def test_unreadable_file_gives_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="kan niet worden gelezen"):
        run(tmp_path / "bestaat-niet.csv")
