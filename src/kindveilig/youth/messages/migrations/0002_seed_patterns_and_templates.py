from django.db import migrations


def seed(apps, schema_editor):
    # seed_data is reference data without app imports beyond itself, so importing
    # it here is safe (as meldcode does with framework_data).
    from kindveilig.youth.messages.seed_data import (
        seed_answer_templates,
        seed_danger_patterns_v1,
    )

    seed_danger_patterns_v1(apps.get_model("youthmessages", "DangerPattern"))
    seed_answer_templates(apps.get_model("youthmessages", "AnswerTemplate"))


class Migration(migrations.Migration):
    dependencies = [("youthmessages", "0001_youth_conversations")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
