# Share now lives in the meldcode (meldcode/0006_share_moved_from_chain), on the
# same table: remove it from this app's state only. The table chain_share stays.
# Runs after households/0003, which points the handover's share at meldcode.Share.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('chain', '0001_shares_signals_matches'),
        ('households', '0003_handover_share_to_meldcode'),
        ('meldcode', '0006_share_moved_from_chain'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(name='Share'),
            ],
        ),
    ]
