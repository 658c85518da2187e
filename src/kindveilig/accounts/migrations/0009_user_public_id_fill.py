import uuid

from django.db import migrations


def fill(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    for user in User.objects.filter(public_id__isnull=True).only("pk"):
        user.public_id = uuid.uuid4()
        user.save(update_fields=["public_id"])


class Migration(migrations.Migration):
    """Step 2 of 3: a public id of its own for every existing user."""

    dependencies = [("accounts", "0008_user_public_id_add")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
