"""Pages of a list, with HAL-style links (docs/decisions.md, "API pagination").

Every list answers ``{count, page, num_pages, results, _links}``; ``_links``
holds ``self``, ``first`` and ``last``, and ``prev``/``next`` where there is
such a page, each ``{"href": <absolute URL>}``. The page size is the
selector's (50), so it is bounded; the client chooses only ``page``.
"""

from typing import Any

from django.core.paginator import Page
from django.utils.http import urlencode

from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

__all__ = ["PAGE_PARAMETER", "page_links", "page_serializer", "paginated"]

PAGE_PARAMETER = "page"


class LinkSerializer(serializers.Serializer[dict[str, str]]):
    href = serializers.CharField(help_text="An absolute URL.")


class PageLinksSerializer(serializers.Serializer[dict[str, Any]]):
    self = LinkSerializer()
    first = LinkSerializer()
    prev = LinkSerializer(required=False, help_text="Absent on the first page.")
    next = LinkSerializer(required=False, help_text="Absent on the last page.")
    last = LinkSerializer()


def page_serializer(
    item: type[serializers.Serializer[Any]], name: str
) -> type[serializers.Serializer[Any]]:
    """The schema of a page of ``item``s (the component is named ``name``)."""
    fields: dict[str, Any] = {
        "count": serializers.IntegerField(help_text="All items, on every page."),
        "page": serializers.IntegerField(),
        "num_pages": serializers.IntegerField(),
        "results": item(many=True),
        "_links": PageLinksSerializer(),
        "__module__": __name__,
    }
    return type(name, (serializers.Serializer,), fields)


def _href(request: Request, number: int) -> dict[str, str]:
    params = [
        (key, value)
        for key, values in request.query_params.lists()
        if key != PAGE_PARAMETER
        for value in values
    ]
    params.append((PAGE_PARAMETER, str(number)))
    return {"href": request.build_absolute_uri(f"{request.path}?{urlencode(params)}")}


def page_links(request: Request, page: Page[Any]) -> dict[str, dict[str, str]]:
    links = {
        "self": _href(request, page.number),
        "first": _href(request, 1),
    }
    if page.has_previous():
        links["prev"] = _href(request, page.previous_page_number())
    if page.has_next():
        links["next"] = _href(request, page.next_page_number())
    links["last"] = _href(request, page.paginator.num_pages)
    return links


def paginated(
    request: Request, page: Page[Any], item: type[serializers.Serializer[Any]]
) -> Response:
    return Response(
        {
            "count": page.paginator.count,
            "page": page.number,
            "num_pages": page.paginator.num_pages,
            "results": item(list(page), many=True).data,
            "_links": page_links(request, page),
        }
    )
