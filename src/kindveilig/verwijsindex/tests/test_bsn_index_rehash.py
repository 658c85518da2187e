"""The migration that moved the signals' BSN indexes to keyed_hash's scheme: a
signal registered under the old scheme matches a new one again."""

import datetime as dt
import importlib

from django.apps import apps

import pytest
from conftest import Persona

from kindveilig.access.actor import Actor
from kindveilig.core.crypto import blind_index
from kindveilig.core.tests.legacy_hashes import old_blind_index
from kindveilig.meldcode import scenarios
from kindveilig.persons.models import Person
from kindveilig.verwijsindex.models import Match, Signal
from kindveilig.verwijsindex.services import ChildSignalInput, signal_register_for_child

pytestmark = [pytest.mark.django_db]

persons_rehash = importlib.import_module(
    "kindveilig.persons.migrations.0004_rehash_bsn_index"
)
signals_rehash = importlib.import_module(
    "kindveilig.verwijsindex.migrations.0003_rehash_signal_bsn_index"
)
BSN = "111222333"


def register_at_the_jgz(nurse: Actor) -> Signal:
    return signal_register_for_child(
        actor=nurse,
        data=ChildSignalInput(
            given_name="Sam",
            family_name="Proef",
            bsn=BSN,
            date_of_birth=dt.date(2016, 3, 14),
        ),
    )


def test_a_signal_from_before_matches_again_after_the_migration(
    prof: Actor, jgz_nurse: Persona
) -> None:
    scenarios.start(prof, bsn=BSN)
    Person.objects.update(bsn_index=old_blind_index(BSN))
    Signal.objects.update(bsn_index=old_blind_index(BSN))

    persons_rehash.forwards(apps, None)
    signals_rehash.forwards(apps, None)

    assert set(Signal.objects.values_list("bsn_index", flat=True)) == {blind_index(BSN)}
    register_at_the_jgz(jgz_nurse.actor)
    assert Match.objects.count() == 1


def test_the_signal_migration_can_run_twice_and_be_reversed(prof: Actor) -> None:
    scenarios.start(prof, bsn=BSN)
    signal = Signal.objects.get()
    Signal.objects.update(bsn_index=old_blind_index(BSN))
    signals_rehash.forwards(apps, None)
    signals_rehash.forwards(apps, None)
    signal.refresh_from_db()
    assert signal.bsn_index == blind_index(BSN)
    signals_rehash.backwards(apps, None)
    signal.refresh_from_db()
    assert signal.bsn_index == old_blind_index(BSN)
