"""A covering index for a person's access log (issue 17): the shown columns are
in the index, so PostgreSQL reads the page from the index alone. Records whose
reason is longer than 600 characters (a B-tree entry holds at most 2,704 bytes)
are kept out of it and found through a small index of their own. Adding indexes
updates no row, so the append-only triggers are not involved; SQLite builds the
same partial indexes and ignores INCLUDE.
"""

import django.db.models.functions.text
import django.db.models.lookups
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('audit', '0008_chain_per_organisation'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='auditevent',
            index=models.Index(condition=models.Q(('person_id__isnull', False), django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('reason'), 600)), fields=['person_id', '-id'], include=('occurred_at', 'actor_user', 'actor_organisation', 'actor_role', 'action', 'object_type', 'reason'), name='audit_person_log'),
        ),
        migrations.AddIndex(
            model_name='auditevent',
            index=models.Index(condition=models.Q(('person_id__isnull', False), django.db.models.lookups.GreaterThan(django.db.models.functions.text.Length('reason'), 600)), fields=['person_id', '-id'], name='audit_person_long_reason'),
        ),
    ]
