"""Charts in the official reports, drawn from a report's snapshot (`tracker.core.charts`).

The document's words are Vietnamese whatever the interface language (as the rest of
`templates/tracker/reports/`), and the chart is the same in the HTML preview and in the PDF, where
WeasyPrint renders the inline SVG.
"""

from django import template
from django.utils.safestring import SafeString

from tracker.core import charts
from tracker.templatetags.tracker_format import number

register = template.Library()


def _percent(value) -> str:
    return "—" if value is None else f"{value}%"


def _indicator_part(row: dict) -> str:
    return f" – {row['indicator']}" if row.get("indicator") else ""


@register.simple_tag
def report_progress_chart(rows: list[dict] | None, chart_id: str = "report-chart-progress-type") -> SafeString:
    """Planned against achieved to date per content type (and unit of measure), each bar on
    its own scale; nothing when the snapshot has no such rows (reports generated before)."""
    return charts.bars(
        chart_id=chart_id,
        title="Tỷ lệ thực hiện so với kế hoạch theo loại nội dung",
        rows=[
            charts.Bar(
                # The indicator as well as the content type: each bar is one indicator's figures
                # (snapshots generated before issue 20 have no "indicator").
                label=f"{row['type']}: {row['indicator']}" if row.get("indicator") else row["type"],
                whole=row["planned"],
                part=row["to_date"],
                rate_text=_percent(row["percent"]),
                whole_text=f"Kế hoạch: {number(row['planned'])} {row['unit_of_measure']}",
                part_text=f"Lũy kế: {number(row['to_date'])} {row['unit_of_measure']}",
                sentence=(
                    f"{row['type']}{_indicator_part(row)}: kế hoạch {number(row['planned'])} {row['unit_of_measure']}, "
                    f"lũy kế {number(row['to_date'])}, đạt {_percent(row['percent'])}"
                ),
            )
            for row in rows or []
        ],
        legend=charts.Legend(whole="Kế hoạch", part="Lũy kế thực hiện", rate="Tỷ lệ so với kế hoạch"),
        each_full=True,
        css_class="chart report-chart",
        width="130mm",
        # The document's font (Nghị định 30/2020), so the PDF embeds no other.
        font="'Times New Roman', 'Liberation Serif', 'DejaVu Serif', serif",
    )
