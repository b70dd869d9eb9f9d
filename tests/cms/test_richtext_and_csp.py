"""Rich text cannot carry script, and the public site keeps the strict Content Security Policy
(only Wagtail's admin under /cms/ has the few relaxations it needs)."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from cms.richtext import BODY_FEATURES, unsafe_parts, validate_safe_rich_text
from tests.cms.conftest import make_article

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "html",
    [
        '<p><a href="javascript:alert(1)">bấm</a></p>',
        '<p><a href="JaVaScRiPt:alert(1)">bấm</a></p>',
        '<p><a href="jav&#x09;ascript:alert(1)">bấm</a></p>',
        "<p>a<script>alert(1)</script></p>",
        '<p onclick="alert(1)">a</p>',
        '<p><img src="x" onerror="alert(1)"></p>',
        '<p style="color:red">a</p>',
        '<p><a href="data:text/html;base64,PHNjcmlwdD4=">a</a></p>',
    ],
)
def test_the_validator_refuses_what_would_run(html):
    with pytest.raises(ValidationError):
        validate_safe_rich_text(html)


def test_ordinary_rich_text_passes():
    validate_safe_rich_text(
        '<p><b>Đậm</b> <a href="https://hue.gov.vn/">liên kết</a> <a linktype="page" id="3">trang</a></p>'
    )
    assert unsafe_parts('<p><a href="/chien-dich/">trong trang</a></p>') == []


def test_the_editor_drops_a_javascript_link_when_it_saves():
    converter = ContentstateConverter(features=BODY_FEATURES)
    contentstate = {
        "blocks": [
            {
                "key": "a",
                "type": "unstyled",
                "text": "bấm vào đây",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 0, "length": 11, "key": 0}],
            }
        ],
        "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "javascript:alert(1)"}}},
    }
    html = converter.to_database_format(json.dumps(contentstate))
    assert "javascript" not in html.lower()


def test_a_page_whose_body_holds_a_script_link_is_refused(campaign, moderator):
    # Saving a revision validates the page (a draft's first save only checks its title and slug).
    with pytest.raises(ValidationError) as error:
        make_article(campaign, text='Xem <a href="javascript:alert(document.cookie)">tại đây</a>', user=moderator)
    assert "body" in error.value.message_dict
    from cms.models import ArticlePage

    assert not ArticlePage.objects.live().exists()


def directives(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part for part in (p.strip() for p in header.split(";")) if part}


def test_public_pages_keep_the_strict_policy(client, campaign):
    for path in ["/", campaign.url, reverse("cms:search") + "?q=a", reverse("cms:feed_rss")]:
        response = client.get(path)
        assert response.status_code == 200, path
        policy = directives(response)
        assert policy["script-src"] == "script-src 'self'", path
        assert policy["style-src"] == "style-src 'self'", path
        assert policy["frame-ancestors"] == "frame-ancestors 'none'", path
        assert "unsafe" not in response["Content-Security-Policy"], path


def test_public_templates_have_no_inline_script_or_style(client, campaign, moderator):
    make_article(campaign, user=moderator)
    for path in ["/", campaign.url, campaign.get_children().first().url, "/van-ban/", "/tien-do/"]:
        page = client.get(path).content.decode()
        assert "<script" not in page, path
        assert "style=" not in page and "<style" not in page, path


def test_only_the_admin_relaxes_the_policy(client, editor):
    client.force_login(editor)
    response = client.get("/cms/")
    assert response.status_code == 200
    policy = directives(response)
    # Wagtail's widgets start from inline scripts and set inline styles: allowed here only.
    assert "'unsafe-inline'" in policy["script-src"] and "'unsafe-inline'" in policy["style-src"]
    assert policy["frame-ancestors"] == "frame-ancestors 'self'"
    # The tracker keeps the strict policy too.
    tracker = directives(client.get(reverse("tracker:board")))
    assert tracker["style-src"] == "style-src 'self'"
