"""One audit chain per organisation (issue 17).

Every record written so far stays in chain 0, the shared chain, with its seq and
hash unchanged (the shared chain's hashed content has no chain key), and the one
head row becomes chain 0's head: the log verifies before and after. No row is
updated, so the append-only triggers are never touched; on PostgreSQL the new
columns carry a constant default (no table rewrite), and the new unique index
(chain, seq) and person index are built once.
"""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('audit', '0007_refuse_truncate'),
        ('organisations', '0009_kansrijke_start_types'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='auditevent',
            options={'ordering': ['id'], 'verbose_name': 'audit record', 'verbose_name_plural': 'audit records'},
        ),
        migrations.RemoveIndex(
            model_name='auditevent',
            name='audit_person_seq',
        ),
        migrations.AddField(
            model_name='auditchainhead',
            name='chain',
            field=models.PositiveBigIntegerField(default=0, unique=True, verbose_name='chain'),
        ),
        migrations.AddField(
            model_name='auditcheckpoint',
            name='heads',
            field=models.JSONField(blank=True, default=dict, verbose_name='chain heads'),
        ),
        migrations.AddField(
            model_name='auditevent',
            name='chain',
            field=models.PositiveBigIntegerField(default=0, verbose_name='chain'),
        ),
        migrations.AlterField(
            model_name='auditevent',
            name='seq',
            field=models.PositiveBigIntegerField(verbose_name='sequence number'),
        ),
        migrations.AddIndex(
            model_name='auditevent',
            index=models.Index(fields=['person_id', '-id'], name='audit_person_newest'),
        ),
        migrations.AddConstraint(
            model_name='auditevent',
            constraint=models.UniqueConstraint(fields=('chain', 'seq'), name='audit_chain_seq'),
        ),
    ]
