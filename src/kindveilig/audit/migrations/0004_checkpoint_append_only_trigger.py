"""On PostgreSQL, the database refuses UPDATE and DELETE of audit checkpoints too.

Reuses the function of 0002 (``kindveilig_audit_append_only``).
"""

from django.db import migrations

CREATE = """
CREATE TRIGGER audit_checkpoint_append_only
    BEFORE UPDATE OR DELETE ON audit_auditcheckpoint
    FOR EACH ROW EXECUTE FUNCTION kindveilig_audit_append_only();
"""
DROP = "DROP TRIGGER IF EXISTS audit_checkpoint_append_only ON audit_auditcheckpoint;"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_checkpoint_and_hash_index")]

    operations = [migrations.RunPython(create, drop)]
