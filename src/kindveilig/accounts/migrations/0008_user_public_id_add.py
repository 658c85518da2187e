import uuid

from django.db import migrations, models


class Migration(migrations.Migration):
    """Step 1 of 3: the column, without uniqueness (existing rows get theirs in
    0009, since an added column's default is computed once for all rows)."""

    dependencies = [("accounts", "0007_hash_recovery_codes")]

    operations = [
        migrations.AddField(
            model_name="user",
            name="public_id",
            field=models.UUIDField(
                default=uuid.uuid4, editable=False, null=True, verbose_name="public id"
            ),
        ),
    ]
