import uuid

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [("organisations", "0007_organisation_public_id_values")]

    operations = [
        migrations.AlterField(
            model_name="organisation",
            name="public_id",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True, verbose_name="public id"),
        ),
    ]
