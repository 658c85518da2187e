"""On PostgreSQL, the database refuses TRUNCATE of every audit table.

Row triggers (0002, 0004) do not fire on TRUNCATE, which empties a table at once;
a statement-level ``BEFORE TRUNCATE`` trigger does. Reuses the function of 0002
(``kindveilig_audit_append_only``). SQLite has no TRUNCATE, so nothing there.
"""

from django.db import migrations

TABLES = ["audit_auditevent", "audit_auditcheckpoint", "audit_auditchainhead"]

CREATE = "\n".join(
    f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
    "FOR EACH STATEMENT EXECUTE FUNCTION kindveilig_audit_append_only();"
    for table in TABLES
)
DROP = "\n".join(
    f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table};" for table in TABLES
)


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("audit", "0006_checkpoint_seal_and_denied")]

    operations = [migrations.RunPython(create, drop)]
