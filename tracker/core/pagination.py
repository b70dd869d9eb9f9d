"""Pages of long lists: one page of rows and the links that keep the filters.

A queryset costs two queries per page (the count and the page's rows), whatever its length; a
list already read (the due page's units, the execution tables' rows) costs none.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.http import HttpRequest


@dataclass(frozen=True)
class Paged:
    page: Page  # the rows of this page (page.object_list), its number and the page count
    param: str  # the page's GET parameter (several lists of one page each have their own)
    query: str  # the request's other parameters (the filters and the other lists' pages)


def paginate(request: HttpRequest, items, per_page: int, *, param: str = "page") -> Paged:
    """The page `request.GET[param]` asks for (the last one past the end, the first one for
    anything not a number), with the rest of the query string for the links."""
    query = request.GET.copy()
    query.pop(param, None)
    page = Paginator(items, per_page).get_page(request.GET.get(param))
    return Paged(page=page, param=param, query=query.urlencode())
