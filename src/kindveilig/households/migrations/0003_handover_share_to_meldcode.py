# The handover's share now points at meldcode.Share (moved from the Verwijsindex
# app, see meldcode/0006_share_moved_from_chain). Same table, so the column and its
# foreign key constraint stay as they are: only Django's state changes.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('households', '0002_cases_phases_plans_handovers'),
        ('meldcode', '0006_share_moved_from_chain'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name='handover',
                    name='share',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='meldcode.share'),
                ),
            ],
        ),
    ]
