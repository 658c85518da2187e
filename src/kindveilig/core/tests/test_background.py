"""One way to enqueue after commit, and one registry of daily tasks."""

from io import StringIO
from typing import Any

from django.core.management import call_command
from django.db import transaction
from django.tasks import task

import pytest

from kindveilig.core.background import (
    daily_task_paths,
    enqueue_on_commit,
    register_daily_task,
)

CALLS: list[dict[str, object]] = []


@task()
def remember(**kwargs: object) -> None:
    CALLS.append(kwargs)


@pytest.fixture(autouse=True)
def _immediate_tasks(settings: pytest.FixtureRequest) -> None:
    settings.TASKS = {  # type: ignore[attr-defined]  # pytest-django settings
        "default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}
    }
    CALLS.clear()


@pytest.mark.django_db(transaction=True)
def test_a_task_is_enqueued_only_after_the_transaction_commits() -> None:
    with transaction.atomic():
        enqueue_on_commit(f"{__name__}.remember", pk=7)
        assert CALLS == []
    assert CALLS == [{"pk": 7}]


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_transaction_enqueues_nothing() -> None:
    def write_then_fail() -> None:
        with transaction.atomic():
            enqueue_on_commit(f"{__name__}.remember", pk=8)
            raise RuntimeError

    with pytest.raises(RuntimeError):
        write_then_fail()
    assert CALLS == []


@pytest.mark.django_db(transaction=True)
def test_a_task_that_cannot_be_enqueued_is_logged_and_the_write_stands(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with transaction.atomic():
        enqueue_on_commit("kindveilig.core.background.no_such_task")
    assert (
        "Could not enqueue task kindveilig.core.background.no_such_task" in caplog.text
    )


DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db(transaction=True)
def test_with_the_database_backend_the_task_row_commits_with_the_write(
    settings: Any,
) -> None:
    """Production's backend: the row is written in the transaction (no commit
    of its own), and a rollback takes it away with the write."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DATABASE_BACKEND
    with transaction.atomic():
        enqueue_on_commit(f"{__name__}.remember", pk=9)
        assert DBTaskResult.objects.count() == 1  # before any commit
    assert DBTaskResult.objects.get().args_kwargs == {"args": [], "kwargs": {"pk": 9}}

    def write_then_fail() -> None:
        with transaction.atomic():
            enqueue_on_commit(f"{__name__}.remember", pk=10)
            raise RuntimeError

    with pytest.raises(RuntimeError):
        write_then_fail()
    assert DBTaskResult.objects.count() == 1
    assert CALLS == []  # stored for the worker, not run


def test_every_app_registers_its_daily_tasks() -> None:
    assert set(daily_task_paths()) >= {
        "kindveilig.meldcode.reminder_tasks.send_daily_reminders",
        "kindveilig.privacy.tasks.apply_retention",
        "kindveilig.readiness.tasks.send_qualification_reminders",
        "kindveilig.monitor.tasks.take_coverage_snapshot",
        "kindveilig.verwijsindex.tasks.reconcile_matches",
    }


def test_registering_twice_keeps_one_entry() -> None:
    before = daily_task_paths()
    register_daily_task(before[0])
    assert daily_task_paths() == before


@pytest.mark.django_db
def test_the_command_enqueues_every_daily_task() -> None:
    out = StringIO()
    call_command("enqueue_daily_tasks", stdout=out)
    for path in daily_task_paths():
        assert path in out.getvalue()
