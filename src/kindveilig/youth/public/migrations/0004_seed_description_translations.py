"""The default help services' descriptions in Arabic, Turkish, Polish, Ukrainian."""

from django.db import migrations


def seed(apps, schema_editor):
    from kindveilig.youth.public.seed_translations import add_missing_translations

    add_missing_translations(apps.get_model("youth", "HelpService"))


class Migration(migrations.Migration):
    dependencies = [("youth", "0003_languages")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
