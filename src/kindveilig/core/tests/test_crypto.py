from django.db import connection

import pytest
from cryptography.fernet import Fernet

from kindveilig.core.crypto import blind_index, decrypt_text, encrypt_text
from kindveilig.persons.tests.factories import PersonFactory


@pytest.mark.django_db
def test_bsn_is_encrypted_in_the_database_and_readable_in_python() -> None:
    person = PersonFactory.create(bsn="111222333")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT bsn, bsn_index FROM persons_person WHERE id = %s", [person.pk]
        )
        stored, index = cursor.fetchone()
    assert "111222333" not in stored
    assert stored.startswith("fernet:")
    assert index == blind_index("111222333")
    person.refresh_from_db()
    assert person.bsn == "111222333"


def test_keys_rotate_old_ciphertext_stays_readable(settings: object) -> None:
    old_key = Fernet.generate_key().decode()
    new_key = Fernet.generate_key().decode()
    settings.KINDVEILIG_ENCRYPTION_KEYS = [old_key]  # type: ignore[attr-defined]
    token = encrypt_text("geheim verhaal")
    settings.KINDVEILIG_ENCRYPTION_KEYS = [new_key, old_key]  # type: ignore[attr-defined]
    assert decrypt_text(token) == "geheim verhaal"
    settings.KINDVEILIG_ENCRYPTION_KEYS = [new_key]  # type: ignore[attr-defined]
    with pytest.raises(ValueError, match="cannot be decrypted"):
        decrypt_text(token)


def test_blind_index_ignores_spaces_and_case() -> None:
    assert blind_index("1112 22 333") == blind_index("111222333")
    assert blind_index("111222333") != blind_index("111222334")
