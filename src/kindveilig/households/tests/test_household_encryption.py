from django.db import connection

import pytest
from conftest import Persona

from kindveilig.households.services import household_create

pytestmark = [pytest.mark.django_db]


def test_the_household_label_is_not_readable_in_the_table(
    lokaal_team_medewerker: Persona,
) -> None:
    household = household_create(
        actor=lokaal_team_medewerker.actor, label="Huishouden Geheimhouders"
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM households_household")
        raw = repr(cursor.fetchall())
    assert "Geheimhouders" not in raw
    household.refresh_from_db()
    assert household.label == "Huishouden Geheimhouders"
