import datetime

from tracker.core.text import slugify_vi, strip_diacritics, vietnamese_sort_key
from tracker.templatetags.tracker_format import document_date, number, vnd


def test_money_is_whole_dong_with_dots():
    assert vnd(1234567) == "1.234.567 đ"
    assert vnd(0) == "0 đ"
    assert vnd(None) == ""


def test_numbers_group_thousands_with_dots():
    assert number(920) == "920"
    assert number(12000) == "12.000"


def test_document_dates_follow_decree_30():
    assert document_date(datetime.date(2019, 2, 18)) == "ngày 18 tháng 02 năm 2019"
    assert document_date(datetime.date(2023, 12, 9)) == "ngày 09 tháng 12 năm 2023"
    assert document_date(datetime.date(2023, 3, 1), "month") == "ngày … tháng 3 năm 2023"
    assert document_date(datetime.date(2023, 1, 1), "year") == "ngày … tháng … năm 2023"


def test_vietnamese_order_puts_d_stroke_after_d():
    names = ["Đông Vệ", "Dương", "Ân", "An", "Ba", "Ư", "Uy"]
    assert sorted(names, key=vietnamese_sort_key) == ["An", "Ân", "Ba", "Dương", "Đông Vệ", "Uy", "Ư"]


def test_slug_keeps_d_stroke():
    assert slugify_vi("Đà Nẵng") == "da-nang"
    assert strip_diacritics("Điện thoại thông minh") == "Dien thoai thong minh"


def test_vietnamese_order_compares_word_by_word():
    names = ["Huyện Bạch Thông", "Huyện Ba Bể", "Huyện Bắc Sơn"]
    assert sorted(names, key=vietnamese_sort_key) == ["Huyện Ba Bể", "Huyện Bạch Thông", "Huyện Bắc Sơn"]
