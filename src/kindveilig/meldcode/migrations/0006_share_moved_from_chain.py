# The Share model moves from the Verwijsindex app (label "chain") to the meldcode.
# Only Django's state changes: the table keeps its name (chain_share), its rows,
# indexes and constraints. chain/0002_share_moved_to_meldcode removes the old
# model from the state; households/0003 points the handover's share at this one.

import django.db.models.deletion
import kindveilig.core.crypto
import uuid
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('chain', '0001_shares_signals_matches'),
        ('meldcode', '0005_trajectory_list_order_all'),
        ('organisations', '0002_seed_haaglanden'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='Share',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                        ('public_id', models.UUIDField(default=uuid.uuid4, editable=False, unique=True, verbose_name='public id')),
                        ('legal_basis', models.CharField(choices=[('consent_parents', 'Consent of the parents (with gezag)'), ('consent_youth', 'Consent of the young person (16 or older)'), ('meldrecht', 'Meldrecht or necessity, without consent')], max_length=20, verbose_name='legal basis')),
                        ('consent_given_by', models.CharField(blank=True, max_length=200, verbose_name='consent given by')),
                        ('consent_given_on', models.DateField(blank=True, null=True, verbose_name='consent given on')),
                        ('reason', kindveilig.core.crypto.EncryptedTextField(blank=True, default='', verbose_name='reason')),
                        ('revoked_at', models.DateTimeField(blank=True, null=True, verbose_name='revoked at')),
                        ('from_organisation', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisations.organisation', verbose_name='shared by organisation')),
                        ('revoked_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('shared_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='shared by')),
                        ('to_organisation', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisations.organisation', verbose_name='shared with organisation')),
                        ('to_user', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='shared with')),
                        ('trajectory', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='shares', to='meldcode.trajectory', verbose_name='trajectory')),
                    ],
                    options={
                        'verbose_name': 'share',
                        'verbose_name_plural': 'shares',
                        'db_table': 'chain_share',
                        'ordering': ['-created_at'],
                        'indexes': [models.Index(condition=models.Q(('revoked_at__isnull', True)), fields=['to_organisation'], name='share_active_to_org')],
                        'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('legal_basis', 'meldrecht'), _negated=True), models.Q(('reason', ''), _negated=True), _connector='OR'), name='share_meldrecht_has_reason'), models.CheckConstraint(condition=models.Q(('from_organisation', models.F('to_organisation')), _negated=True), name='share_to_another_organisation')],
                    },
                ),
            ],
        ),
    ]
