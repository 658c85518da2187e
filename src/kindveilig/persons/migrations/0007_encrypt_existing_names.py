"""Encrypt the names and dates of birth stored readable before 0005, and build
the blind index of name tokens for every person (docs/decisions.md, "Names are
encrypted, found through a blind index of name tokens").

Raw SQL, because the model's fields would try to decrypt the readable values.
The encryption and the token scheme are frozen here, as a migration must not
follow later changes of app code; ``test_name_encryption_migration.py`` checks
that they equal ``core.crypto`` and ``persons.name_index``. A row is changed only
while it is not yet encrypted, so running it again is harmless. The reverse
decrypts.
"""

import re
import unicodedata

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import migrations
from django.utils.crypto import salted_hmac

BATCH = 1000
PREFIX = "fernet:"
SALT = "kindveilig.persons.name-token"  # HashPurpose.PERSON_NAME
MIN_PREFIX = 2
MAX_TOKEN = 24
SPLIT = re.compile(r"[^0-9a-z]+")


def _fernet():
    from cryptography.fernet import Fernet, MultiFernet

    keys = list(settings.KINDVEILIG_ENCRYPTION_KEYS)
    if not keys:
        raise ImproperlyConfigured("KINDVEILIG_ENCRYPTION_KEYS is required.")
    return MultiFernet([Fernet(key.encode()) for key in keys])


def _blind_key():
    key = settings.KINDVEILIG_BLIND_INDEX_KEY
    if not key:
        raise ImproperlyConfigured("KINDVEILIG_BLIND_INDEX_KEY is required.")
    return key


def tokens(*names):
    found = []
    for name in names:
        decomposed = unicodedata.normalize("NFKD", name)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
        for token in SPLIT.split(plain.casefold()):
            token = token[:MAX_TOKEN]
            if token and token not in found:
                found.append(token)
    return found


def digests(given, family, key):
    terms = set()
    for token in tokens(given, family):
        terms.add(f"t:{token}")
        terms.update(f"p:{token[:n]}" for n in range(MIN_PREFIX, len(token)))
    return {
        salted_hmac(SALT, term, secret=key, algorithm="sha256").hexdigest()
        for term in terms
    }


def _encrypt(fernet, value):
    if value is None or value == "":
        return value
    return PREFIX + fernet.encrypt(str(value).encode()).decode("ascii")


def encrypt(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, given_name, family_name, date_of_birth FROM persons_person "
            "WHERE given_name NOT LIKE %s ORDER BY id",
            [PREFIX + "%"],
        )
        rows = cursor.fetchall()
    if not rows:
        return
    fernet, key = _fernet(), _blind_key()
    for start in range(0, len(rows), BATCH):
        batch = rows[start : start + BATCH]
        with connection.cursor() as cursor:
            cursor.executemany(
                "UPDATE persons_person SET given_name = %s, family_name = %s, "
                "date_of_birth = %s WHERE id = %s",
                [
                    (
                        _encrypt(fernet, given),
                        _encrypt(fernet, family),
                        _encrypt(fernet, born),
                        pk,
                    )
                    for pk, given, family, born in batch
                ],
            )
            cursor.executemany(
                "DELETE FROM persons_personnametoken WHERE person_id = %s",
                [(pk,) for pk, *_rest in batch],
            )
            cursor.executemany(
                "INSERT INTO persons_personnametoken (person_id, digest) "
                "VALUES (%s, %s)",
                [
                    (pk, digest)
                    for pk, given, family, _born in batch
                    for digest in sorted(digests(given, family, key))
                ],
            )


def decrypt(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, given_name, family_name, date_of_birth FROM persons_person "
            "WHERE given_name LIKE %s ORDER BY id",
            [PREFIX + "%"],
        )
        rows = cursor.fetchall()
    if not rows:
        return
    fernet = _fernet()

    def plain(value):
        if not value or not value.startswith(PREFIX):
            return value
        return fernet.decrypt(value[len(PREFIX) :].encode()).decode()

    with connection.cursor() as cursor:
        cursor.executemany(
            "UPDATE persons_person SET given_name = %s, family_name = %s, "
            "date_of_birth = %s WHERE id = %s",
            [
                (plain(given), plain(family), plain(born), pk)
                for pk, given, family, born in rows
            ],
        )


class Migration(migrations.Migration):
    dependencies = [("persons", "0006_encrypt_names_and_birth_date")]

    operations = [migrations.RunPython(encrypt, decrypt, elidable=False)]
