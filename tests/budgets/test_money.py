import pytest

from budgets.money import format_vnd, parse_vnd


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (0, "0 đ"),
        (999, "999 đ"),
        (1000, "1.000 đ"),
        (1_234_567, "1.234.567 đ"),
        (1_000_000_000_000, "1.000.000.000.000 đ"),
    ],
)
def test_format_vnd_uses_dots_between_thousands(amount, text):
    assert format_vnd(amount) == text


def test_format_vnd_refuses_floats():
    with pytest.raises(TypeError):
        format_vnd(1.5)


@pytest.mark.parametrize(
    "text",
    ["1.234.567", "1234567", "1,234,567", "1 234 567 đ", "1.234.567 đ", " 1234567đ ", "1\u00a0234\u00a0567 VND"],
)
def test_parse_vnd_accepts_the_ways_people_write_amounts(text):
    assert parse_vnd(text) == 1_234_567


@pytest.mark.parametrize(
    "text",
    [
        "1.5",
        "1234,50",
        "1.234,50",
        "1,234.567",
        "-5",
        "-1.000",
        "+5",
        "abc",
        "",
        " đ",
        "1e6",
        "12.3456",
        "1.23.456",
        "١٢",
    ],
)
def test_parse_vnd_refuses_decimals_negatives_and_garbage(text):
    with pytest.raises(ValueError):
        parse_vnd(text)


def test_format_and_parse_round_trip():
    assert parse_vnd(format_vnd(987_654_321)) == 987_654_321
