"""Encrypt the household labels and the names and dates of birth of match
reviews stored readable before 0004 (docs/decisions.md, "What identifies a
child or a family is encrypted at rest").

Raw SQL, because the model's fields would try to decrypt the readable values;
the encryption is frozen here (a migration must not follow app code). Only
values not yet encrypted change, so running it again is harmless. The reverse
decrypts.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import migrations

PREFIX = "fernet:"
COLUMNS = {
    "households_household": ["label"],
    "households_matchreview": ["given_name", "family_name", "date_of_birth"],
}


def _fernet():
    from cryptography.fernet import Fernet, MultiFernet

    keys = list(settings.KINDVEILIG_ENCRYPTION_KEYS)
    if not keys:
        raise ImproperlyConfigured("KINDVEILIG_ENCRYPTION_KEYS is required.")
    return MultiFernet([Fernet(key.encode()) for key in keys])


def _convert(schema_editor, change):
    connection = schema_editor.connection
    fernet = None
    for table, columns in COLUMNS.items():
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT id, {', '.join(columns)} FROM {table}")  # noqa: S608
            rows = cursor.fetchall()
        if not rows:
            continue
        fernet = fernet or _fernet()
        assignments = ", ".join(f"{column} = %s" for column in columns)
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {table} SET {assignments} WHERE id = %s",  # noqa: S608
                [
                    (*(change(fernet, value) for value in values), pk)
                    for pk, *values in rows
                ],
            )


def _encrypt(fernet, value):
    if value is None or value == "" or str(value).startswith(PREFIX):
        return value
    return PREFIX + fernet.encrypt(str(value).encode()).decode("ascii")


def _decrypt(fernet, value):
    if not value or not value.startswith(PREFIX):
        return value
    return fernet.decrypt(value[len(PREFIX) :].encode()).decode()


def encrypt(apps, schema_editor):
    _convert(schema_editor, _encrypt)


def decrypt(apps, schema_editor):
    _convert(schema_editor, _decrypt)


class Migration(migrations.Migration):
    dependencies = [("households", "0004_encrypt_labels_and_review_names")]

    operations = [migrations.RunPython(encrypt, decrypt, elidable=False)]
