"""The blind index of names, compact and per organisation (docs/performance.md,
"Encrypted names and dates of birth"): 16 bytes of digest instead of 64 hex
characters, the registering organisation in the key, no surrogate id.

Django cannot turn an existing table's id into a composite primary key, so the
old table is renamed, the new one created, the entries copied (the first 16 bytes
of each hex digest: the same hash, shortened) and the old table dropped. The
reverse copies back (the shortened digests no longer match the old code's
64-character ones, so run ``rotate_keys`` after going back).
"""

import django.db.models.deletion
from django.db import migrations, models

BATCH = 5000


def forwards(apps, schema_editor):
    """Copy in batches, walking (person, digest) of the old table."""
    connection = schema_editor.connection
    last = (0, "")
    while True:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT t.person_id, t.digest, p.registered_by_id "
                "FROM persons_personnametoken_legacy t "
                "JOIN persons_person p ON p.id = t.person_id "
                "WHERE t.person_id > %s OR (t.person_id = %s AND t.digest > %s) "
                "ORDER BY t.person_id, t.digest LIMIT %s",
                [last[0], last[0], last[1], BATCH],
            )
            rows = cursor.fetchall()
            if not rows:
                return
            cursor.executemany(
                "INSERT INTO persons_personnametoken "
                "(person_id, digest, organisation_id) VALUES (%s, %s, %s)",
                [
                    (person, bytes.fromhex(digest[:32]), org)
                    for person, digest, org in rows
                ],
            )
        last = (rows[-1][0], rows[-1][1])


def backwards(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        cursor.execute("SELECT person_id, digest FROM persons_personnametoken")
        rows = cursor.fetchall()
        cursor.executemany(
            "INSERT INTO persons_personnametoken_legacy (person_id, digest) "
            "VALUES (%s, %s)",
            [(person, bytes(digest).hex()) for person, digest in rows],
        )


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0004_municipality_fallback_organisation"),
        ("persons", "0007_encrypt_existing_names"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="personnametoken", name="person_name_token_unique"
        ),
        migrations.AlterField(
            model_name="personnametoken",
            name="person",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="persons.person",
            ),
        ),
        migrations.RenameModel("PersonNameToken", "PersonNameTokenLegacy"),
        migrations.AlterModelTable(
            name="personnametokenlegacy", table="persons_personnametoken_legacy"
        ),
        migrations.CreateModel(
            name="PersonNameToken",
            fields=[
                (
                    "pk",
                    models.CompositePrimaryKey(
                        "digest",
                        "organisation",
                        "person",
                        blank=True,
                        editable=False,
                        primary_key=True,
                        serialize=False,
                    ),
                ),
                ("digest", models.BinaryField(max_length=16)),
                (
                    "organisation",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="organisations.organisation",
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="name_tokens",
                        to="persons.person",
                    ),
                ),
            ],
            options={
                "verbose_name": "name token",
                "verbose_name_plural": "name tokens",
                "indexes": [
                    models.Index(fields=["person"], name="person_name_token_person")
                ],
            },
        ),
        migrations.RunPython(forwards, backwards, elidable=False),
        migrations.DeleteModel("PersonNameTokenLegacy"),
    ]
