"""The sample CSV files in docs/samples import with the foundation's command."""

from io import StringIO
from pathlib import Path

from django.core.management import call_command

import pytest

from kindveilig.organisations.models import Organisation, OrganisationType

pytestmark = [pytest.mark.django_db]
SAMPLES = Path(__file__).resolve().parents[4] / "docs" / "samples"


@pytest.mark.parametrize(
    ("file", "rows", "types"),
    [
        (
            "scholen.csv",
            6,
            {
                OrganisationType.PRIMARY_SCHOOL,
                OrganisationType.SECONDARY_SCHOOL,
                OrganisationType.MBO,
            },
        ),
        (
            "kinderopvang.csv",
            4,
            {OrganisationType.KINDEROPVANG, OrganisationType.PEUTERSPEELZAAL},
        ),
        ("sportclubs.csv", 4, {OrganisationType.SPORT_CULTURE_CLUB}),
    ],
)
def test_the_sample_file_imports_every_row(
    file: str, rows: int, types: set[str]
) -> None:
    out, err = StringIO(), StringIO()
    call_command(
        "import_organisations",
        str(SAMPLES / file),
        "--no-progress",
        stdout=out,
        stderr=err,
    )
    assert err.getvalue() == ""
    imported = Organisation.objects.filter(name__endswith="(demo)")
    assert imported.count() == rows
    assert set(imported.values_list("type", flat=True)) == types
