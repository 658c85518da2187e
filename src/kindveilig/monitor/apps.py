from django.apps import AppConfig


class MonitorConfig(AppConfig):
    """The regional monitor: figures for the municipality and the council from
    aggregates only (coverage snapshots, charts, improvement actions). May read the
    selectors of readiness and learning and the platform; never personal data."""

    name = "kindveilig.monitor"
    label = "monitor"

    def ready(self) -> None:
        from kindveilig.core.background import register_daily_task

        register_daily_task("kindveilig.monitor.tasks.take_coverage_snapshot")
        register_daily_task("kindveilig.monitor.tasks.refresh_monitor")
