from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Count

from .models import Municipality, Organisation

PAGE_SIZE = 50


def organisation_page(*, page_number: int | str | None) -> Page[Organisation]:
    queryset = Organisation.objects.select_related("municipality").order_by(
        "name", "pk"
    )
    return Paginator(queryset, PAGE_SIZE).get_page(page_number)


@dataclass(frozen=True)
class MunicipalityCount:
    municipality: str
    organisations: int


def organisation_counts_per_municipality() -> list[MunicipalityCount]:
    """Aggregates only: safe for the gemeente analist."""
    rows = Municipality.objects.annotate(total=Count("organisations")).order_by("name")
    return [
        MunicipalityCount(municipality=row.name, organisations=row.total)
        for row in rows
    ]
