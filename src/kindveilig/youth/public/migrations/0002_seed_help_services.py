"""Seed the national helplines and the Dutch public holidays 2026–2027."""

from django.db import migrations


def seed(apps, schema_editor):
    # seed_data is reference data that only adds what is missing, so importing it
    # here is safe (as meldcode's 0002 does with framework_data).
    from kindveilig.youth.public.seed_data import ensure_default_services

    ensure_default_services(
        apps.get_model("youth", "HelpService"),
        apps.get_model("youth", "OpeningHours"),
        apps.get_model("youth", "Holiday"),
    )


class Migration(migrations.Migration):
    dependencies = [("youth", "0001_help_services")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
