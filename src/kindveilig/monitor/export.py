"""The dashboard's figures as CSV: one figure or the whole set, from the same
published rows the page shows ("<5" and "x" included, never a hidden value)."""

import csv
import io

from django.utils.translation import gettext as _

from .dashboard_selectors import Dashboard, Row, Shown

__all__ = ["BOM", "dashboard_csv"]

BOM = "\ufeff"


def _text(shown: Shown | None) -> str:
    return "" if shown is None else shown.text


def _quantile(value: int | None) -> str:
    return "" if value is None else str(value)


def dashboard_csv(
    dashboard: Dashboard, *, measure: str | None = None, excel: bool = False
) -> str:
    """UTF-8 text; ``excel``: a byte-order mark and semicolons, as Dutch
    Excel opens it without asking."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if excel else ",", lineterminator="\r\n")
    writer.writerow(
        [
            _("Figure"),
            _("Value"),
            _("Period"),
            _("Place"),
            _("Sector"),
            _("Count"),
            _("Share of the total (%)"),
            _("Reached at least this step"),
            _("Median"),
            _("90th percentile"),
            _("Previous period %(period)s") % {"period": dashboard.previous_label},
            _("Region %(region)s") % {"region": dashboard.region.name},
        ]
    )
    for section in dashboard.sections:
        for table in section.tables:
            if measure and table.measure.key != measure:
                continue
            rows: list[Row] = [*table.rows, *([table.total] if table.total else [])]
            for row in rows:
                writer.writerow(
                    [
                        str(table.measure.label),
                        str(row.label),
                        dashboard.period_label,
                        dashboard.place_label,
                        dashboard.sector_label,
                        row.current.text,
                        "" if row.share is None else str(row.share),
                        _text(row.cumulative),
                        _quantile(row.current.p50),
                        _quantile(row.current.p90),
                        row.previous.text,
                        row.region.text,
                    ]
                )
    return (BOM if excel else "") + out.getvalue()
