# Data migration: the content type of the moved Share model (and so its Django
# permissions) follows it from "chain" to "meldcode", instead of a new one being
# created and the old one left stale. Nothing to do on a fresh database (content
# types are created after migrating) or when the new one already exists.

from django.db import migrations


def _rename(apps, schema_editor, old_app, new_app):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    types = ContentType.objects.using(db)
    if types.filter(app_label=new_app, model="share").exists():
        return
    types.filter(app_label=old_app, model="share").update(app_label=new_app)


def forwards(apps, schema_editor):
    _rename(apps, schema_editor, "chain", "meldcode")


def backwards(apps, schema_editor):
    _rename(apps, schema_editor, "meldcode", "chain")


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('meldcode', '0006_share_moved_from_chain'),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
    ]
