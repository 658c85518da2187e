from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.utils.crypto import salted_hmac

import pytest
from cryptography.fernet import Fernet

from kindveilig.core.crypto import (
    HashPurpose,
    blind_index,
    decrypt_text,
    encrypt_text,
    keyed_hash,
    keyed_hash_candidates,
)
from kindveilig.core.tests.legacy_hashes import (
    old_code_hash,
    old_reflection_source_hash,
    old_submission_hash,
    old_token_hash,
)
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


def test_each_purpose_has_a_key_of_its_own() -> None:
    hashes = {purpose: keyed_hash(purpose, "111222333") for purpose in HashPurpose}
    assert len(set(hashes.values())) == len(HashPurpose)
    assert all(len(value) == 64 for value in hashes.values())


def test_a_keyed_hash_is_djangos_salted_hmac_with_the_purpose_as_salt(
    settings: object,
) -> None:
    expected = salted_hmac(
        "kindveilig.youth.rate-limit",
        "value",
        secret=settings.SECRET_KEY,  # type: ignore[attr-defined]
        algorithm="sha256",
    ).hexdigest()
    assert keyed_hash(HashPurpose.RATE_LIMIT, "value") == expected


@pytest.mark.parametrize(
    "purpose",
    [HashPurpose.BSN_INDEX, HashPurpose.PICKUP_CODE, HashPurpose.REFLECTION_SOURCE],
)
def test_lasting_hashes_hang_on_the_blind_index_key_not_on_secret_key(
    purpose: HashPurpose, settings: object
) -> None:
    first = keyed_hash(purpose, "111222333")
    settings.SECRET_KEY = "a-rotated-secret-key"  # type: ignore[attr-defined]
    assert keyed_hash(purpose, "111222333") == first
    settings.KINDVEILIG_BLIND_INDEX_KEY = "another-blind-index-key"  # type: ignore[attr-defined]
    assert keyed_hash(purpose, "111222333") != first


@pytest.mark.parametrize(
    "purpose",
    [HashPurpose.SUBMISSION, HashPurpose.RATE_LIMIT, HashPurpose.API_TOKEN],
)
def test_short_lived_hashes_and_api_tokens_hang_on_secret_key(
    purpose: HashPurpose, settings: object
) -> None:
    first = keyed_hash(purpose, "value")
    settings.KINDVEILIG_BLIND_INDEX_KEY = "another-blind-index-key"  # type: ignore[attr-defined]
    assert keyed_hash(purpose, "value") == first
    old_key = settings.SECRET_KEY  # type: ignore[attr-defined]
    settings.SECRET_KEY = "a-rotated-secret-key"  # type: ignore[attr-defined]
    settings.SECRET_KEY_FALLBACKS = [old_key]  # type: ignore[attr-defined]
    assert keyed_hash(purpose, "value") != first
    assert keyed_hash_candidates(purpose, "value")[1] == first


def test_without_its_secret_a_purpose_refuses_to_hash(settings: object) -> None:
    settings.KINDVEILIG_BLIND_INDEX_KEY = ""  # type: ignore[attr-defined]
    with pytest.raises(ImproperlyConfigured, match="KINDVEILIG_BLIND_INDEX_KEY"):
        blind_index("111222333")


def test_the_candidates_put_the_current_hash_first_and_the_old_scheme_last() -> None:
    code = "uil appel brug kat 482"
    assert keyed_hash_candidates(HashPurpose.PICKUP_CODE, code) == [
        keyed_hash(HashPurpose.PICKUP_CODE, code),
        old_code_hash(code),
    ]
    assert keyed_hash_candidates(HashPurpose.REFLECTION_SOURCE, "meldcode:1") == [
        keyed_hash(HashPurpose.REFLECTION_SOURCE, "meldcode:1"),
        old_reflection_source_hash("meldcode", "1"),
    ]
    # BSN indexes were re-hashed by a migration: no second scheme is looked up.
    assert keyed_hash_candidates(HashPurpose.BSN_INDEX, "111222333") == [
        blind_index("111222333")
    ]


def test_submission_hashes_and_api_tokens_are_unchanged_by_the_helper() -> None:
    assert keyed_hash(HashPurpose.SUBMISSION, "form-1") == old_submission_hash("form-1")
    assert keyed_hash(HashPurpose.API_TOKEN, "kv_token") == old_token_hash("kv_token")
