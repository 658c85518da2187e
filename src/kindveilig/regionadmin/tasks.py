"""Background tasks of the organisation administration, run by ``manage.py
db_worker``."""

from django.tasks import task

from .services import organisation_import_run


@task()
def run_organisation_import(import_id: int) -> str:
    """Run a confirmed register import; returns its status."""
    return organisation_import_run(import_id)
