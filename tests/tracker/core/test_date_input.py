"""Dates are typed dd/mm/yyyy in a text box whose keyboard has "/", with a calendar button
beside it (static/js/date-picker.js): the box reads the forms people write (5/3/2026,
05-03-2026, 05.03.2026) in Vietnamese and in English, and every page with a date box, whatever
its form is called, carries the calendar's script and the button's translated label."""

from __future__ import annotations

import datetime

import pytest
from django import forms
from django.urls import reverse
from django.utils import translation

from tests import factories
from tracker.core.widgets import DateInput

D = datetime.date


class DayForm(forms.Form):
    day = forms.DateField(widget=DateInput)


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize(
    "typed",
    ["05/03/2026", "5/3/2026", "05-03-2026", "5-3-2026", "05.03.2026", "5.3.2026", " 05/03/2026 ", "2026-03-05"],
)
def test_a_date_typed_with_slashes_dashes_or_dots_is_read_day_first(language, typed):
    with translation.override(language):
        form = DayForm({"day": typed})
        assert form.is_valid(), form.errors
    assert form.cleaned_data["day"] == D(2026, 3, 5)


@pytest.mark.parametrize("typed", ["5032026", "05/03-2026", "31/02/2026", "05/13/2026", "03/05/26"])
def test_a_date_without_separators_mixed_ones_or_no_such_day_is_refused(typed):
    with translation.override("vi"):
        form = DayForm({"day": typed})
        assert not form.is_valid()
        assert form.errors["day"] == ["Nhập một ngày hợp lệ."]


def test_the_date_box_is_a_text_box_with_a_keyboard_that_has_a_slash_and_a_labelled_calendar():
    with translation.override("vi"):
        html = str(DayForm(initial={"day": D(2026, 3, 5)})["day"])
    assert 'type="text"' in html
    assert 'value="05/03/2026"' in html
    assert 'inputmode="text"' in html
    assert 'placeholder="dd/mm/yyyy"' in html
    assert 'data-picker-label="Chọn ngày trên lịch"' in html
    # The browser lets through what the server reads (and nothing else).
    assert 'pattern="\\d{1,2}/\\d{1,2}/\\d{4}|\\d{1,2}-\\d{1,2}-\\d{4}|\\d{1,2}\\.\\d{1,2}\\.\\d{4}"' in html


def test_the_date_box_brings_the_calendar_script_as_its_media():
    assert str(DayForm().media) == '<script src="/static/js/date-picker.js" defer></script>'


@pytest.mark.django_db
def test_a_page_whose_date_form_has_another_name_carries_the_calendar_script_once(manager_client):
    # The area page's form is `figures_form`, not `form`: base.html collects every form's media.
    area = factories.ProvinceFactory(name="Tỉnh Thử Lịch")
    response = manager_client.get(reverse("tracker:area_detail", args=[area.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert content.count('<script src="/static/js/date-picker.js" defer></script>') == 1
    assert content.index("date-picker.js") < content.index("</head>")
    assert "data-picker-label=" in content


@pytest.mark.django_db
def test_a_list_filter_with_date_boxes_carries_the_calendar_script(manager_client):
    response = manager_client.get(reverse("tracker:board"))
    assert response.status_code == 200
    assert response.content.decode().count("/static/js/date-picker.js") == 1


@pytest.mark.django_db
def test_a_page_without_forms_carries_no_form_script(manager_client):
    response = manager_client.get(reverse("tracker:account"))
    assert response.status_code == 200
    assert "date-picker.js" not in response.content.decode()
