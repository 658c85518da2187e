from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("organisations", "0005_municipality_youth_on_duty_organisation"),
    ]

    operations = [
        migrations.AddField(
            model_name="organisation",
            name="address",
            field=models.CharField(blank=True, default="", help_text="Street, number, postcode and place, as in the register.", max_length=200, verbose_name="address"),
        ),
        migrations.AddField(
            model_name="organisation",
            name="register",
            field=models.CharField(blank=True, choices=[("own", "Kindveilig's own format"), ("duo", "DUO school locations"), ("lrk", "Landelijk Register Kinderopvang")], default="", help_text="The register it was last imported from; empty when entered by hand.", max_length=8, verbose_name="register"),
        ),
        migrations.AddField(
            model_name="organisation",
            name="public_id",
            field=models.UUIDField(editable=False, null=True, verbose_name="public id"),
        ),
    ]
