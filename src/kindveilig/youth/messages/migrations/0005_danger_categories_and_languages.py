from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("youthmessages", "0004_youth_one_time_pages")]

    operations = [
        migrations.RemoveConstraint(
            model_name="dangerpattern",
            name="youth_danger_pattern_unique_per_org",
        ),
        migrations.AddField(
            model_name="dangerpattern",
            name="language",
            field=models.CharField(
                choices=[
                    ("nl", "Dutch"),
                    ("en", "English"),
                    ("tr", "Turkish"),
                    ("pl", "Polish"),
                    ("uk", "Ukrainian"),
                    ("ar", "Arabic"),
                ],
                default="nl",
                max_length=8,
                verbose_name="language",
            ),
        ),
        migrations.AlterField(
            model_name="dangerpattern",
            name="category",
            field=models.CharField(
                choices=[
                    ("violence", "Violence"),
                    ("self_harm", "Self-harm or suicide"),
                    ("sexual", "Sexual abuse"),
                    ("confinement", "Locked up or not allowed out"),
                    ("threat", "Threat to kill or hurt"),
                    ("unsafe_home", "Not daring to go home"),
                    ("harmless", "Harmless phrase (exception)"),
                ],
                max_length=20,
                verbose_name="category",
            ),
        ),
        migrations.AlterModelOptions(
            name="dangerpattern",
            options={
                "ordering": ["language", "category", "pattern"],
                "verbose_name": "danger pattern",
                "verbose_name_plural": "danger patterns",
            },
        ),
        migrations.AddConstraint(
            model_name="dangerpattern",
            constraint=models.UniqueConstraint(
                fields=("organisation", "language", "pattern"),
                name="youth_danger_pattern_unique_per_org",
            ),
        ),
    ]
