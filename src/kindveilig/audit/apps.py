from django.apps import AppConfig


class AuditConfig(AppConfig):
    """The access log (NEN 7513): append-only, hash-chained records of who read
    or changed whose data, ``audit_record``/``audit_record_many`` (the only writers),
    ``verify_audit_log`` and the "who viewed" pages. May use the platform below it."""

    name = "kindveilig.audit"
    label = "audit"

    def ready(self) -> None:
        from django.core import checks

        from kindveilig.core.background import register_daily_task

        from .checks import check_audit_seal_settings

        checks.register(check_audit_seal_settings, checks.Tags.security, deploy=True)
        register_daily_task("kindveilig.audit.tasks.verify_audit_log_daily")
