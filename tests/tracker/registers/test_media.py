"""The register of media products, through its pages: entering a product, the review feeding
the output once, a campaign-site article never entered a second time (and shown in its own
section of the list), who sees what, filters, totals by kind, export."""

from __future__ import annotations

import datetime
import io
import re

import pytest
from django.conf import settings
from django.urls import reverse
from openpyxl import load_workbook

from tests import factories
from tracker.models import MediaProduct, OutputIndicator, OutputRecord, RegisterMeasure
from tracker.outputs import selectors as selectors_progress
from tracker.outputs import services as progress_services
from tracker.registers import services as register_services

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]
D = datetime.date
RECORDS = OutputIndicator.CountedFrom.RECORDS
LIST = reverse("tracker:media_product_list")
CREATE = reverse("tracker:media_product_create")
EXPORT = reverse("tracker:media_product_export")


@pytest.fixture
def output(register_output):
    return register_output(RegisterMeasure.MEDIA_PRODUCTS)


@pytest.fixture
def article(task_a, manager):
    """A campaign-site article counted for the activity, as the CMS records it."""
    articles = factories.OutputIndicatorFactory(activity=task_a.activity, counted_from=RECORDS)
    return progress_services.output_record_set(
        source="cms.article:1",
        output_indicator=articles,
        quantity=1,
        achieved_on=D(2026, 4, 2),
        title="Chuyển đổi số ở bản Khuổi Cáp",
        url="/chien-dich/bai-1/",
        actor=manager,
    )


def product_data(task, **values) -> dict:
    data = {
        "task": task.pk,
        "title": "Phóng sự: loa thông minh về bản",
        "product_kind": "reportage",
        "channel": "radio_tv",
        "published_on": "05/04/2026",
        "language": "vi",
        "duration_minutes": "12",
        "length": "",
        "url": "https://baolangson.vn/phong-su-loa-thong-minh",
    }
    data.update(values)
    return data


def make_product(task, actor, **values) -> MediaProduct:
    fields = {
        "title": "Tin tuyên truyền",
        "product_kind": "news",
        "channel": "newspaper",
        "published_on": D(2026, 4, 1),
    }
    fields.update(values)
    return register_services.entry_save(entry=MediaProduct(task=task, **fields), actor=actor)


def rows_of(response) -> list[int]:
    return [int(pk) for pk in re.findall(r'data-entry="(\d+)"', response.content.decode())]


def test_an_officer_adds_a_media_product_as_a_draft(client, officer_a, task_a, commune):
    client.force_login(officer_a)
    response = client.post(CREATE, product_data(task_a))
    product = MediaProduct.objects.get()
    assert response["Location"] == reverse("tracker:media_product_detail", args=[product.pk])
    assert (product.status, product.unit, product.area, product.product_kind, product.duration_minutes) == (
        "draft",
        officer_a.unit,
        commune,
        "reportage",
        12,
    )
    assert product.history.get().history_user == officer_a


def test_submitting_and_accepting_counts_the_product_once(client, officer_a, manager, task_a, output):
    client.force_login(officer_a)
    client.post(CREATE, product_data(task_a))
    product = MediaProduct.objects.get()
    client.post(reverse("tracker:register_entry_submit", args=[product.pk]))
    client.force_login(manager)
    accept = reverse("tracker:register_entry_accept", args=[product.pk])
    assert client.post(accept).status_code == 302
    client.post(accept)
    achieved = selectors_progress.annotate_achieved(OutputIndicator.objects.filter(pk=output.pk)).get().achieved
    assert achieved == 1
    record = OutputRecord.objects.get(output_indicator=output)
    assert (record.quantity, record.achieved_on, record.title) == (1, D(2026, 4, 5), "Phóng sự: loa thông minh về bản")


@pytest.mark.parametrize(
    "link",
    [
        "/chien-dich/bai-1/",
        "/chien-dich/bai-1",
        "https://giamngheothongtin.langson.gov.vn/chien-dich/bai-1/",
        "http://127.0.0.1:8000/chien-dich/bai-1/?utm_source=zalo",
    ],
)
def test_a_campaign_site_article_already_counted_is_refused_naming_it(client, officer_a, task_a, article, link):
    client.force_login(officer_a)
    response = client.post(CREATE, product_data(task_a, url=link, product_kind="article", channel="portal"))
    assert response.status_code == 200
    assert response.context["form"].errors["url"] == [
        "This link is the campaign-site article “Chuyển đổi số ở bản Khuổi Cáp” (/chien-dich/bai-1/), which "
        "already counts towards its activity; it is not entered a second time."
    ]
    assert not MediaProduct.objects.exists()


def test_editing_a_product_to_link_a_counted_article_is_refused(client, officer_a, task_a, article):
    product = make_product(task_a, officer_a, url="https://baolangson.vn/tin-1")
    client.force_login(officer_a)
    response = client.post(
        reverse("tracker:media_product_edit", args=[product.pk]), product_data(task_a, url="/chien-dich/bai-1/")
    )
    assert response.status_code == 200
    assert "Chuyển đổi số ở bản Khuổi Cáp" in response.context["form"].errors["url"][0]
    product.refresh_from_db()
    assert product.url == "https://baolangson.vn/tin-1"


def test_another_page_of_the_site_is_accepted_as_a_link(client, officer_a, task_a, article):
    client.force_login(officer_a)
    response = client.post(CREATE, product_data(task_a, url="/chien-dich/bai-10/"))
    assert response.status_code == 302
    assert MediaProduct.objects.get().url == f"{settings.SITE_URL}/chien-dich/bai-10/"


def test_the_list_shows_counted_articles_in_their_own_section(client, officer_a, officer_b, task_a, article):
    make_product(task_a, officer_a)
    client.force_login(officer_a)
    response = client.get(LIST)
    page = response.content.decode()
    assert [record.pk for record in response.context["articles"]] == [article.pk]
    section = page[page.index('class="card cms-articles"') :]
    assert '<a href="/chien-dich/bai-1/">Chuyển đổi số ở bản Khuổi Cáp</a>' in section
    assert response.context["total"] == 1  # the article is not among the products
    assert client.get(LIST, {"date_from": "01/05/2026"}).context["articles"] == []
    client.force_login(officer_b)  # does not see the activity
    assert client.get(LIST).context["articles"] == []


def test_an_officer_of_another_unit_gets_404_on_the_product(client, officer_a, officer_b, task_a):
    product = make_product(task_a, officer_a)
    client.force_login(officer_b)
    assert client.get(reverse("tracker:media_product_detail", args=[product.pk])).status_code == 404
    response = client.post(reverse("tracker:media_product_edit", args=[product.pk]), product_data(task_a))
    assert response.status_code == 404
    assert rows_of(client.get(LIST)) == []
    product.refresh_from_db()
    assert product.title == "Tin tuyên truyền"


def test_filters_by_kind_channel_language_dates_and_search(client, officer_a, manager, task_a):
    news = make_product(task_a, officer_a, title="Tin chuyển đổi số")
    video = make_product(
        task_a,
        officer_a,
        title="Video tắt sóng 2G",
        product_kind="video",
        channel="social",
        language="tyz",
        published_on=D(2026, 6, 1),
    )
    radio = make_product(
        task_a, officer_a, title="Chương trình phát thanh", product_kind="radio", channel="commune_radio"
    )
    register_services.entry_submit(entry=radio, actor=officer_a)
    client.force_login(manager)
    assert rows_of(client.get(LIST, {"product_kind": "video"})) == [video.pk]
    assert rows_of(client.get(LIST, {"channel": "commune_radio"})) == [radio.pk]
    assert rows_of(client.get(LIST, {"language": "tyz"})) == [video.pk]
    assert rows_of(client.get(LIST, {"date_from": "01/05/2026", "date_to": "30/06/2026"})) == [video.pk]
    assert rows_of(client.get(LIST, {"q": "chuyển đổi"})) == [news.pk]
    assert rows_of(client.get(LIST, {"status": "submitted"})) == [radio.pk]
    assert rows_of(client.get(LIST)) == [radio.pk, video.pk, news.pk]


def test_the_list_totals_products_by_kind(client, officer_a, manager, task_a):
    make_product(task_a, officer_a)
    make_product(task_a, officer_a, product_kind="video")
    make_product(task_a, officer_a)
    client.force_login(manager)
    response = client.get(LIST)
    assert [(row["kind"], row["count"]) for row in response.context["totals"]] == [("news", 2), ("video", 1)]
    assert response.context["total"] == 3


def test_the_excel_export_has_the_lists_rows_with_the_same_filters(client, officer_a, manager, task_a):
    make_product(task_a, officer_a, title="Tin một", url="https://baolangson.vn/tin-1", duration_minutes=3)
    make_product(task_a, officer_a, title="Video hai", product_kind="video")
    client.force_login(manager)
    for query in ({}, {"product_kind": "news"}):
        listed = rows_of(client.get(LIST, query))
        response = client.get(EXPORT, query)
        assert response["Content-Disposition"] == 'attachment; filename="san-pham-truyen-thong.xlsx"'
        header, *rows = list(load_workbook(io.BytesIO(response.content)).active.values)
        assert [row[0] for row in rows] == listed
    row = dict(zip(header, rows[0], strict=True))
    assert (row["Title"], row["Kind"], row["Published or broadcast on"], row["Duration (minutes)"], row["Link"]) == (
        "Tin một",
        "News",
        datetime.datetime(2026, 4, 1),
        3,
        "https://baolangson.vn/tin-1",
    )


# session, user, roles; count, rows (with their producer), totals by kind, the campaign-site
# articles; the user's unit (navigation) and its province (the filters' scope: plans, units
# and areas are fetched as the user types).
QUERIES = 9


@pytest.mark.parametrize("size", [1, 6])
def test_the_list_takes_the_same_number_of_queries_at_any_size(
    client, officer_a, task_a, article, size, django_assert_num_queries
):
    for n in range(size):
        make_product(task_a, officer_a, title=f"Tin {n}", producer=factories.UnitFactory())
    client.force_login(officer_a)
    with django_assert_num_queries(QUERIES):
        response = client.get(LIST)
    assert len(response.context["page_obj"].object_list) == size
    assert len(response.context["articles"]) == 1


def test_finance_monitor_and_editor_cannot_add_products(client, finance, monitor, editor):
    for user in (finance, monitor):
        client.force_login(user)
        assert client.get(CREATE).status_code == 403
        assert client.get(LIST).status_code == 200
    client.force_login(editor)
    assert client.get(LIST).status_code == 403
