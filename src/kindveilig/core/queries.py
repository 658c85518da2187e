"""Small query helpers that cost less Python per request than the ORM's general
form (issue 17: the pages' cost is the fixed Python work, not the data)."""

from django.db import connection
from django.db.models import BooleanField, ForeignKey, Model
from django.db.models.expressions import RawSQL


def has_rows(model: type[Model], fk: str, outer: type[Model]) -> RawSQL:
    """Whether ``model`` has rows whose foreign key ``fk`` points at the outer
    row: the same as ``Exists(model.objects.filter(<fk>=OuterRef("pk")))`` in
    an annotation on a query of ``outer``, at about a quarter of the Python it
    takes to build, resolve and compile an ``Exists`` subquery. The SQL holds
    no parameters, only table and column names from the models, quoted."""
    field = model._meta.get_field(fk)
    assert isinstance(field, ForeignKey)
    assert field.related_model is outer
    outer_pk = outer._meta.pk
    assert outer_pk is not None
    assert outer_pk.column is not None
    quote = connection.ops.quote_name
    inner = quote(model._meta.db_table)
    sql = (
        f"EXISTS (SELECT 1 FROM {inner} WHERE {inner}.{quote(field.column)} = "  # noqa: S608  # names from the models
        f"{quote(outer._meta.db_table)}.{quote(outer_pk.column)})"
    )
    return RawSQL(sql, (), output_field=BooleanField())  # noqa: S611  # no user input
