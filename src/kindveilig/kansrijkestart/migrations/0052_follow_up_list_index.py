"""The nurse's follow-up list in its order, for the signals not closed (issue 17):
a page of 50 is an index walk, not a sort of the busiest JGZ's open signals."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('kansrijkestart', '0051_consent_withdrawn'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='startsignal',
            index=models.Index(condition=models.Q(('status', 'closed'), _negated=True), fields=['follow_up_organisation', '-created_at', '-id'], name='ks_signal_to_follow'),
        ),
    ]
