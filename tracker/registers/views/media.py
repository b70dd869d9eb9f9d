"""The register of media products: list with filters, totals by kind and the campaign-site
articles that count for the same activities, detail, create and edit, Excel export."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from tracker.core.forms import service_errors_on
from tracker.models import MediaProduct
from tracker.registers import media as register
from tracker.registers import permissions, selectors, services
from tracker.registers.export import xlsx_response
from tracker.registers.views.common import entry_page, filtered_entries, list_context, require_reader


def _filtered(request: HttpRequest):
    queryset = selectors.entries_for_list(request.user, MediaProduct).select_related("producer")
    return filtered_entries(request, MediaProduct, register.MediaProductFilterSet, queryset=queryset)


def _article_filters(filterset) -> dict:
    """The list's filters that apply to campaign-site articles too (plan, activity, dates,
    search); the others (unit, area, kind, channel, language, status) say nothing of them."""
    if not filterset.is_bound or not filterset.form.is_valid():
        return {}
    data = filterset.form.cleaned_data
    return {
        "plan": data.get("plan"),
        "activity": data.get("activity"),
        "date_from": data.get("date_from"),
        "date_to": data.get("date_to"),
        "search": data.get("q") or "",
    }


@login_required
@require_safe
def product_list(request: HttpRequest) -> HttpResponse:
    require_reader(request)
    filterset = _filtered(request)
    context = list_context(request, filterset)
    context["totals"] = register.totals_by_kind(filterset.qs)
    context["total"] = sum(row["count"] for row in context["totals"])
    articles = register.articles_for_list(request.user, **_article_filters(filterset))
    context["articles"] = articles[: register.ARTICLES_SHOWN]
    context["more_articles"] = len(articles) > register.ARTICLES_SHOWN
    return render(request, "tracker/registers/media/list.html", context)


@login_required
@require_safe
def product_export(request: HttpRequest) -> HttpResponse:
    require_reader(request)
    filterset = _filtered(request)
    return xlsx_response(
        filename="san-pham-truyen-thong.xlsx",
        sheet_title=_("Media products"),
        columns=register.export_columns(),
        rows=filterset.qs,
    )


def _product_for_detail(request: HttpRequest, pk: int) -> MediaProduct:
    return selectors.entry_for_detail(request.user, MediaProduct, pk)


@login_required
@require_safe
def product_detail(request: HttpRequest, pk: int) -> HttpResponse:
    product = _product_for_detail(request, pk)
    return entry_page(request, product, "tracker/registers/media/detail.html", product=product)


@login_required
@require_http_methods(["GET", "POST"])
def product_create(request: HttpRequest) -> HttpResponse:
    if not permissions.can_create(request.user):
        raise PermissionDenied
    return _product_form(request, MediaProduct())


@login_required
@require_http_methods(["GET", "POST"])
def product_edit(request: HttpRequest, pk: int) -> HttpResponse:
    product = _product_for_detail(request, pk)
    if not permissions.can_edit(request.user, product):
        raise PermissionDenied
    return _product_form(request, product)


def _product_form(request: HttpRequest, product: MediaProduct) -> HttpResponse:
    is_new = product.pk is None
    form = register.MediaProductForm(
        request.POST if request.method == "POST" else None, instance=product, user=request.user
    )
    if form.is_valid():
        with service_errors_on(form) as outcome:
            saved = register.product_save(product=form.instance, actor=request.user)
        if outcome.saved:
            messages.success(
                request, _("The media product was added.") if is_new else _("The media product was saved.")
            )
            return redirect(services.detail_url(saved))
    return render(request, "tracker/registers/media/form.html", {"form": form, "product": product, "is_new": is_new})


urlpatterns = [
    path("registers/media-products/", product_list, name="media_product_list"),
    path("registers/media-products/new/", product_create, name="media_product_create"),
    path("registers/media-products/export/", product_export, name="media_product_export"),
    path("registers/media-products/<int:pk>/", product_detail, name="media_product_detail"),
    path("registers/media-products/<int:pk>/edit/", product_edit, name="media_product_edit"),
]
