from django.db import migrations


def update(apps, schema_editor):
    # seed_data is reference data without app imports beyond itself (as in 0002).
    from kindveilig.youth.messages.seed_data import seed_danger_patterns

    seed_danger_patterns(apps.get_model("youthmessages", "DangerPattern"))


class Migration(migrations.Migration):
    dependencies = [("youthmessages", "0005_danger_categories_and_languages")]

    operations = [migrations.RunPython(update, migrations.RunPython.noop)]
