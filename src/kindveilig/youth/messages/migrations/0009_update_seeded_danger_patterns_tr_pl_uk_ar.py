from django.db import migrations


def update(apps, schema_editor):
    # seed_data is reference data without app imports beyond itself (as in 0006):
    # the Turkish, Polish, Ukrainian and Arabic patterns measured against their
    # complete corpora; the rows 0006 seeded and the list no longer has go.
    from kindveilig.youth.messages.seed_data import seed_danger_patterns

    seed_danger_patterns(apps.get_model("youthmessages", "DangerPattern"))


class Migration(migrations.Migration):
    dependencies = [("youthmessages", "0008_one_time_read_page")]

    operations = [migrations.RunPython(update, migrations.RunPython.noop)]
