"""Key rotation round trip: rows, an attachment file and the blind indexes move
to the new keys, after which the old keys can be removed."""

from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import override_settings

import pytest
from conftest import Persona
from cryptography.fernet import Fernet

from kindveilig.households.models import Household
from kindveilig.households.services import household_create
from kindveilig.meldcode import scenarios
from kindveilig.meldcode.attachments import attachment_read
from kindveilig.meldcode.services.entries import attachment_add
from kindveilig.persons.models import Person
from kindveilig.persons.selectors import person_search_for
from kindveilig.verwijsindex.models import Signal

pytestmark = [pytest.mark.django_db]

OLD, NEW = Fernet.generate_key().decode(), Fernet.generate_key().decode()
BSN = "999900109"


def _raw_person(pk: int) -> tuple[str, str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT given_name, bsn_index FROM persons_person WHERE id = %s", [pk]
        )
        row = cursor.fetchone()
    return row[0], row[1]


def test_rotate_keys_moves_everything_to_the_new_keys(
    professional: Persona, lokaal_team_medewerker: Persona, tmp_path: Path
) -> None:
    with override_settings(
        KINDVEILIG_ENCRYPTION_KEYS=[OLD],
        KINDVEILIG_BLIND_INDEX_KEY="old-blind-index-key",
        MEDIA_ROOT=str(tmp_path),
    ):
        trajectory = scenarios.start(
            professional.actor, given_name="Rotje", family_name="Sleutelaar", bsn=BSN
        )
        attachment = attachment_add(
            actor=professional.actor,
            trajectory=trajectory,
            upload=ContentFile(b"vertrouwelijk", name="notitie.txt"),
        )
        household = household_create(
            actor=lokaal_team_medewerker.actor, label="Huishouden Sleutelaar"
        )
        child = trajectory.children.get().person
        before = _raw_person(child.pk)

    # The personas' TOTP secrets were sealed under the test settings' key.
    with override_settings(
        KINDVEILIG_ENCRYPTION_KEYS=[NEW, OLD, *settings.KINDVEILIG_ENCRYPTION_KEYS],
        KINDVEILIG_BLIND_INDEX_KEY="new-blind-index-key",
        KINDVEILIG_BLIND_INDEX_KEY_FALLBACKS=["old-blind-index-key"],
        MEDIA_ROOT=str(tmp_path),
    ):
        # During the rotation the old hashes are still found.
        assert person_search_for(actor=professional.actor, query="sleutel")
        assert person_search_for(actor=professional.actor, query=BSN)
        call_command("rotate_keys", "--no-progress", "--batch-size", "2")
        after = _raw_person(child.pk)
        assert after[0] != before[0]
        assert after[1] != before[1]
        call_command("rotate_keys", "--no-progress")  # a second run changes nothing
        assert _raw_person(child.pk) == after

    with override_settings(
        KINDVEILIG_ENCRYPTION_KEYS=[NEW],
        KINDVEILIG_BLIND_INDEX_KEY="new-blind-index-key",
        KINDVEILIG_BLIND_INDEX_KEY_FALLBACKS=[],
        MEDIA_ROOT=str(tmp_path),
    ):
        person = Person.objects.get(pk=child.pk)
        assert (person.given_name, person.family_name) == ("Rotje", "Sleutelaar")
        assert person.bsn == BSN
        assert Household.objects.get(pk=household.pk).label == "Huishouden Sleutelaar"
        assert attachment_read(attachment) == b"vertrouwelijk"
        assert [
            p.pk
            for p in person_search_for(actor=professional.actor, query="rotje sleu")
        ] == [child.pk]
        assert [
            p.pk for p in person_search_for(actor=professional.actor, query=BSN)
        ] == [child.pk]
        signals = Signal.objects.filter(person=child).exclude(bsn_index="")
        assert all(s.bsn_index == person.bsn_index for s in signals)
