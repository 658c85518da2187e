"""Give every existing organisation its own public id (data only)."""

import uuid

from django.db import migrations


def fill(apps, schema_editor):
    Organisation = apps.get_model("organisations", "Organisation")
    rows = list(Organisation.objects.filter(public_id__isnull=True).only("pk"))
    for row in rows:
        row.public_id = uuid.uuid4()
    Organisation.objects.bulk_update(rows, ["public_id"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("organisations", "0006_organisation_address_register_public_id")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
