"""Background work without import cycles: the one way a service enqueues a task,
the registry of daily tasks that ``manage.py enqueue_daily_tasks`` runs, and the
registry of frequent tasks (every few minutes) that ``manage.py
enqueue_frequent_tasks`` runs.

Services never import task modules (a task module imports its services, so the
reverse import would be a cycle). They name the task by its dotted path instead,
and ``enqueue_on_commit`` makes sure it runs only if the transaction commits: a
task never runs on rows that were rolled back, and a task that cannot be found
is logged without undoing the user's work.
"""

import logging
from typing import Any

from django.db import transaction
from django.tasks import Task
from django.utils.module_loading import import_string

from django_tasks_db import DatabaseBackend

__all__ = [
    "daily_task_paths",
    "enqueue_daily_tasks",
    "enqueue_frequent_tasks",
    "enqueue_on_commit",
    "frequent_task_paths",
    "register_daily_task",
    "register_frequent_task",
]

logger = logging.getLogger(__name__)

_DAILY_TASKS: list[str] = []
_FREQUENT_TASKS: list[str] = []


def _task(path: str) -> Task[Any, Any]:
    task = import_string(path)
    assert isinstance(task, Task), f"{path} is not a task"
    return task


def enqueue_on_commit(path: str, *args: object, **kwargs: object) -> None:
    """Enqueue the task at ``path`` with these arguments so that it runs only
    if the current transaction commits (at once when there is none).

    With the database backend (production) the task's row is written inside
    the transaction: the worker sees it exactly when the write commits, it is
    gone with a rollback, and it costs no commit of its own (one flush of the
    write-ahead log fewer on every write that sends mail; issue 17). Other
    backends (the tests' immediate one) enqueue after the commit."""
    try:
        found = _task(path)
    except (ImportError, AssertionError):
        logger.exception("Could not enqueue task %s", path)
        return
    if isinstance(found.get_backend(), DatabaseBackend):
        found.enqueue(*args, **kwargs)
        return

    def enqueue() -> None:
        try:
            found.enqueue(*args, **kwargs)
        except Exception:  # the user's write stands; the log says what was lost
            logger.exception("Could not enqueue task %s", path)

    transaction.on_commit(enqueue)


def register_daily_task(path: str) -> None:
    """Called from an ``AppConfig.ready()``: run the task at ``path`` once a day."""
    if path not in _DAILY_TASKS:
        _DAILY_TASKS.append(path)


def daily_task_paths() -> tuple[str, ...]:
    return tuple(_DAILY_TASKS)


def enqueue_daily_tasks() -> list[tuple[str, str]]:
    """Enqueue every registered daily task; returns (path, task result id) pairs."""
    return [(path, str(_task(path).enqueue().id)) for path in _DAILY_TASKS]


def register_frequent_task(path: str) -> None:
    """Called from an ``AppConfig.ready()``: run the task at ``path`` every few
    minutes (cron runs ``enqueue_frequent_tasks``; docs/deploy.md). The task must
    be safe to run at any moment and any number of times."""
    if path not in _FREQUENT_TASKS:
        _FREQUENT_TASKS.append(path)


def frequent_task_paths() -> tuple[str, ...]:
    return tuple(_FREQUENT_TASKS)


def enqueue_frequent_tasks() -> list[tuple[str, str]]:
    """Enqueue every registered frequent task; returns (path, task result id) pairs."""
    return [(path, str(_task(path).enqueue().id)) for path in _FREQUENT_TASKS]
