"""A public site framed like a Vietnamese government portal: the governing body and agency in
its banner and who runs it, how to reach them and its licence in its footer (site settings the
site administrator edits; a blank field is left out), and a contact / Q&A page whose messages
reach the moderators (kept in /cms/, e-mailed to them), safe from robots and floods."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Site

from cms.models import CONTACT_LIMIT, ContactFormField, ContactPage, PortalSettings
from tests import factories
from tests.cms.conftest import publish
from tracker.core import roles

pytestmark = pytest.mark.django_db

MESSAGE = {"ho_va_ten": "Nguyễn Văn Bình", "cau_hoi": "Hộ cận nghèo có được hỗ trợ điện thoại không?"}


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()  # the contact form's hourly allowance is counted in the cache
    yield
    cache.clear()


@pytest.fixture
def frame(db) -> PortalSettings:
    frame = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    frame.governing_body = "Ủy ban nhân dân tỉnh Thừa Thiên Huế"
    frame.agency = "Sở Thông tin và Truyền thông tỉnh Thừa Thiên Huế"
    frame.email = "lienhe@example.gov.vn"
    frame.save()
    return frame


@pytest.fixture
def contact(home, moderator) -> ContactPage:
    page = ContactPage(title="Hỏi đáp – Góp ý", slug="hoi-dap-gop-y", live=False, show_in_menus=True)
    page.form_fields.add(ContactFormField(sort_order=0, label="Họ và tên", field_type="singleline", required=True))
    page.form_fields.add(ContactFormField(sort_order=1, label="Câu hỏi", field_type="multiline", required=True))
    home.add_child(instance=page)
    publish(page, moderator)
    return ContactPage.objects.get(pk=page.pk)


def test_every_public_page_shows_the_frame_and_leaves_blank_fields_out(client, frame, contact):
    for url in ("/", contact.url, reverse("cms:search") + "?q=thong+tin"):
        html = client.get(url, HTTP_ACCEPT_LANGUAGE="vi").content.decode()
        assert '<p class="portal-governing">Ủy ban nhân dân tỉnh Thừa Thiên Huế</p>' in html, url
        assert '<p class="portal-agency">Sở Thông tin và Truyền thông tỉnh Thừa Thiên Huế</p>' in html
        assert '<dt>Thư điện tử</dt><dd><a href="mailto:lienhe@example.gov.vn">lienhe@example.gov.vn</a></dd>' in html
        # No person, address, phone or licence was given: none of their lines is printed.
        for label in ("Người chịu trách nhiệm", "Địa chỉ", "Điện thoại", "Giấy phép"):
            assert f"<dt>{label}</dt>" not in html


def test_a_site_without_a_frame_shows_neither_banner_nor_frame_footer(client):
    html = client.get("/").content.decode()
    assert "portal-banner" not in html and "portal-facts" not in html


def test_only_the_site_administrator_edits_the_frame(client, moderator, frame):
    admin = factories.UserFactory(username="quantri", is_superuser=True, is_staff=True)
    url = reverse("wagtailsettings:edit", args=["cms", "portalsettings", frame.site_id])
    client.force_login(moderator)
    assert client.get(url).status_code in (302, 403)
    client.force_login(admin)
    assert client.get(url).status_code == 200


def test_a_message_is_kept_for_the_moderators_and_emailed_to_them(client, contact, moderator):
    moderator.email = "kiemduyet@example.gov.vn"
    moderator.save()
    editor = factories.UserFactory(username="editor", role=roles.CMS_EDITOR, email="bientap@example.gov.vn")
    response = client.post(contact.url, MESSAGE | {"website": ""}, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    assert "Cảm ơn" in response.content.decode()
    submission = FormSubmission.objects.get(page=contact)
    assert submission.form_data == MESSAGE  # the robots' field is not kept
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["kiemduyet@example.gov.vn"]
    assert "Hộ cận nghèo có được hỗ trợ điện thoại không?" in mail.outbox[0].body
    # In /cms/ the moderator reads the messages; the editor, who may edit the page, does not.
    submissions = reverse("wagtailforms:list_submissions", args=[contact.pk])
    client.force_login(moderator)
    page = client.get(submissions)
    assert page.status_code == 200 and "Nguyễn Văn Bình" in page.content.decode()
    client.force_login(editor)
    assert client.get(submissions).status_code in (302, 403)
    assert client.get(reverse("wagtailforms:index")).content.decode().count(contact.title) == 0


def test_a_robot_filling_the_hidden_field_is_thanked_and_nothing_is_kept(client, contact, moderator):
    response = client.post(contact.url, MESSAGE | {"website": "http://spam.example"})
    assert response.status_code == 200
    assert FormSubmission.objects.count() == 0 and mail.outbox == []


def test_a_flood_from_one_address_is_stopped_after_the_hourly_allowance(client, contact):
    for _ in range(CONTACT_LIMIT):
        assert client.post(contact.url, MESSAGE).status_code == 200
    response = client.post(contact.url, MESSAGE, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 429
    assert "quá nhiều lần" in response.content.decode()
    assert FormSubmission.objects.count() == CONTACT_LIMIT


def test_the_form_needs_its_csrf_token(contact):
    browser = Client(enforce_csrf_checks=True)
    assert browser.post(contact.url, MESSAGE).status_code == 403
    page = browser.get(contact.url)
    token = browser.cookies["csrftoken"].value
    assert 'name="csrfmiddlewaretoken"' in page.content.decode()
    assert browser.post(contact.url, MESSAGE | {"csrfmiddlewaretoken": token}).status_code == 200
    assert FormSubmission.objects.count() == 1


def test_a_message_without_its_required_fields_is_refused_in_vietnamese(client, contact):
    response = client.post(contact.url, {"ho_va_ten": "", "cau_hoi": ""}, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    assert "Trường này là bắt buộc" in response.content.decode()
    assert FormSubmission.objects.count() == 0
