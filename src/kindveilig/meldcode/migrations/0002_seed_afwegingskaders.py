"""Seed the afwegingskader 2019.1 for every sector (texts in framework_data)."""

from django.db import migrations


def seed(apps, schema_editor):
    # framework_data is append-only reference data, so importing it here is safe.
    from kindveilig.meldcode.framework_data import seed_versions

    seed_versions(apps.get_model("meldcode", "AfwegingskaderVersion"))


class Migration(migrations.Migration):
    dependencies = [("meldcode", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
