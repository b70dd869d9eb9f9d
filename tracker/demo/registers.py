"""Demo registers: what the sample plan produced, entered and reviewed by the demo's own people.

The five seed plans state no result, so no register entry is made on them: an entry on a
seed's plan would be an invented result of a real plan (issue 20). Every commune, village,
contractor, cost, date, title, person and count below is made up, stored with
`is_sample=True` and named "(mẫu)" where it names something (DOMAIN.md, "Demo data rule").

- Sample communes of Lạng Sơn with their radio stations surveyed on 01/01/2023.
- The current-year sample plan: a few entries of each register around today's date in every
  review state, entered by the officers of the tasks' units (`canbo.xa`, `canbo.dai`) or, for
  units without a demo login, by `quanly`, and reviewed by `quanly`.

Outputs of these activities count from the registers (`counted_from="records"` and a
`register_measure`); an output that already has reported quantities is not switched — a new
output counting from the register is added instead, so nothing is counted twice.

Idempotent: an entry is looked up by a natural key that does not depend on today's date and
is left alone when it exists (an accepted entry cannot be edited anyway), so a second run
writes nothing.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from tracker.models import (
    Activity,
    Area,
    ClusterTechnology,
    InfoPoint,
    Language,
    MediaProduct,
    MediumFormat,
    OutputIndicator,
    Plan,
    Publication,
    RadioStation,
    RadioStationState,
    RadioWork,
    RadioWorkVillage,
    RegisterEntry,
    RegisterMeasure,
    ReportedQuantity,
    StationKind,
    Task,
    TrainingCourse,
    TrainingMaterial,
    Unit,
    User,
)
from tracker.registers import services as rs
from tracker.registers.publications import publication_save
from tracker.work import services

from .base import Ctx, D, sample_commune
from .progress import sample_photo
from .seed_004 import LangSon

Status = RegisterEntry.Status
Measure = RegisterMeasure
WorkType = RadioWork.WorkType
Kind = MediaProduct.ProductKind
Channel = MediaProduct.Channel
SAMPLE = "(mẫu)"
SURVEY_DATE = D(2023, 1, 1)
SURVEY_NOTE = "Khảo sát hiện trạng đài truyền thanh xã đầu năm 2023 (mẫu)"


# --- Communes and stations --------------------------------------------------------------------

# The sample plan's six communes exist already (sample_plan.COMMUNES); these six are added
# beside them (communes sit directly under the province, as there). (name, region, border, ĐBKK)
EXTRA_COMMUNES = [
    ("Xã Mẫu Bảy (mẫu)", Area.Region.III, True, True),
    ("Xã Mẫu Tám (mẫu)", Area.Region.III, True, True),
    ("Xã Mẫu Chín (mẫu)", Area.Region.III, False, True),
    ("Xã Mẫu Mười (mẫu)", Area.Region.III, False, True),
    ("Xã Mẫu Mười Một (mẫu)", Area.Region.III, True, True),
    ("Xã Mẫu Mười Hai (mẫu)", Area.Region.II, False, True),
]


@dataclass(frozen=True)
class State:
    kind: str = StationKind.NONE
    working: bool = False
    connected: bool = False
    wired: int = 0
    fm: int = 0
    ip: int = 0

    def fields(self) -> dict[str, Any]:
        return {
            "station_kind": self.kind,
            "is_working": self.working,
            "is_connected": self.connected,
            "wired_clusters": self.wired,
            "fm_clusters": self.fm,
            "ip_clusters": self.ip,
        }


NONE = State()
# The surveyed state of each sample commune's station on 01/01/2023 (commune name -> state).
SURVEY = {
    "Xã Mẫu Một (mẫu)": NONE,
    "Xã Mẫu Hai (mẫu)": NONE,
    "Xã Mẫu Ba (mẫu)": State(StationKind.FM, working=False, fm=5),
    "Xã Mẫu Bốn (mẫu)": State(StationKind.WIRED, working=True, wired=6),
    "Xã Mẫu Năm (mẫu)": State(StationKind.IP, working=True, connected=True, ip=6),
    "Phường Mẫu Sáu (mẫu)": State(StationKind.FM, working=True, fm=4),
    "Xã Mẫu Bảy (mẫu)": NONE,
    "Xã Mẫu Tám (mẫu)": State(StationKind.WIRED, working=False, wired=6),
    "Xã Mẫu Chín (mẫu)": NONE,
    "Xã Mẫu Mười (mẫu)": State(StationKind.FM, working=False, fm=4),
    "Xã Mẫu Mười Một (mẫu)": NONE,
    "Xã Mẫu Mười Hai (mẫu)": State(StationKind.FM, working=True, fm=5),
}


def _station_name(commune: Area) -> str:
    name = commune.name.removesuffix(f" {SAMPLE}")
    return f"Đài truyền thanh {name[:1].lower()}{name[1:]} {SAMPLE}"


def _villages(*names: str, technology: str = ClusterTechnology.IP, clusters: int = 1) -> list[dict[str, Any]]:
    return [{"village": f"{name} {SAMPLE}", "technology": technology, "clusters": clusters} for name in names]


# --- People -----------------------------------------------------------------------------------


@dataclass
class People:
    manager: User  # quanly: DIC manager, enters for units without a demo login and reviews
    commune_officer: User  # canbo.xa: officer of UBND xã Mẫu Một (mẫu)
    radio_officer: User  # canbo.dai: officer of the provincial radio-TV station


def _people() -> People:
    return People(
        manager=User.objects.get(username="quanly"),
        commune_officer=User.objects.get(username="canbo.xa"),
        radio_officer=User.objects.get(username="canbo.dai"),
    )


# --- Entering an entry through the services ---------------------------------------------------

Lines = Sequence[tuple[type, str, Sequence[dict[str, Any]]]]


def _register(
    model: type[RegisterEntry],
    *,
    lookup: dict[str, Any],
    values: dict[str, Any],
    by: User,
    reviewer: User,
    state: str,
    lines: Lines = (),
    reason: str = "",
    photo: Callable[[], SimpleUploadedFile] | None = None,
) -> RegisterEntry:
    """Enter an entry as `by` (through its register's service), add its lines and a photo, and
    take it to `state` (`reviewer` accepts or returns it). An entry already there (by `lookup`)
    is left as it is."""
    existing = model.objects.filter(**lookup).first()
    if existing is not None:
        return existing
    # A publication's service also sets its title key (the duplicate-title flag compares keys).
    save = publication_save if model is Publication else rs.entry_save
    entry = save(entry=model(**lookup, **values, is_sample=True), actor=by)
    for line_model, parent_field, rows in lines:
        rs.lines_replace(entry=entry, model=line_model, parent_field=parent_field, rows=rows, actor=by)
    if photo is not None:
        rs.evidence_attach_many(entry=entry, uploads=[photo()], actor=by, caption=f"Ảnh chụp {SAMPLE}")
    if state == Status.DRAFT:
        return entry
    entry = rs.entry_submit(entry=entry, actor=by)
    if state == Status.ACCEPTED:
        entry = rs.entry_accept(entry=entry, actor=reviewer)
    elif state == Status.RETURNED:
        entry = rs.entry_return(entry=entry, reason=reason, actor=reviewer)
    return entry


# --- Outputs counted from the registers -------------------------------------------------------


def count_from_register(
    *,
    activity: Activity,
    measure: str,
    existing: str | None,
    new_name: str,
    unit_of_measure: str,
    actor: User,
    planned_quantity: int | None = None,
) -> OutputIndicator:
    """Make the activity's output `existing` count from the register; when it already has
    reported quantities (switching would count the same work twice), or there is none, add
    the output `new_name` counting from the register instead (with `planned_quantity`: none
    on a seed's plan, a sample figure on the sample plan)."""
    records = OutputIndicator.CountedFrom.RECORDS
    output = OutputIndicator.objects.filter(activity=activity, name=existing).first() if existing else None
    if output is not None:
        if output.counted_from == records and output.register_measure == measure:
            return output
        reported = ReportedQuantity.objects.filter(output_indicator=output).exists()
        linked = output.records.exclude(source__startswith="register:").exists()
        if not reported and not linked:
            output.counted_from, output.register_measure = records, measure
            return services.output_indicator_save(output=output, actor=actor)
    wanted = {
        "unit_of_measure": unit_of_measure,
        "planned_quantity": planned_quantity,
        "counted_from": records,
        "register_measure": measure,
    }
    added = OutputIndicator.objects.filter(activity=activity, name=new_name).first()
    if added is not None:
        if all(getattr(added, field) == value for field, value in wanted.items()):
            return added
        for field, value in wanted.items():
            setattr(added, field, value)
        return services.output_indicator_save(output=added, actor=actor)
    last = activity.output_indicators.order_by("-order").values_list("order", flat=True).first() or 0
    return services.output_indicator_save(
        output=OutputIndicator(activity=activity, name=new_name, order=last + 1, **wanted),
        actor=actor,
    )


# --- Loading ----------------------------------------------------------------------------------


def load(ctx: Ctx, ls: LangSon, sample_plan: Plan) -> None:
    people = _people()
    communes = _communes(ctx, ls)
    stations = _stations(people, communes)
    sample = {a.section_code: a for a in sample_plan.activities.all()}
    _outputs(ctx.actor, sample)
    _sample_plan(ctx, people, ls, sample, communes, stations)


def _communes(ctx: Ctx, ls: LangSon) -> dict[str, Area]:
    for commune in EXTRA_COMMUNES:
        sample_commune(ctx, ls.province, *commune)
    found = {a.name: a for a in Area.objects.filter(parent=ls.province, name__in=list(SURVEY), is_sample=True)}
    return {name: found[name] for name in SURVEY}


def _stations(people: People, communes: dict[str, Area]) -> dict[str, RadioStation]:
    stations = {}
    for name, survey in SURVEY.items():
        commune = communes[name]
        station = RadioStation.objects.filter(commune=commune).first()
        if station is None:
            station = rs.station_save(
                station=RadioStation(commune=commune, name=_station_name(commune), is_sample=True),
                actor=people.manager,
            )
        if not station.states.filter(effective_on=SURVEY_DATE, work__isnull=True).exists():
            rs.station_state_record(
                state=RadioStationState(
                    station=station, effective_on=SURVEY_DATE, source_note=SURVEY_NOTE, **survey.fields()
                ),
                actor=people.manager,
            )
        stations[name] = station
    return stations


# Planned quantities of the outputs added to the sample plan (its every output has a sample figure).
SAMPLE_PLANNED = {
    Measure.TRAINING_COURSES: 4,
    Measure.TRAINING_MATERIALS: 4,
    Measure.TRAINING_TRAINEES: 120,
    Measure.MEDIA_PRODUCTS: 24,
    Measure.RADIO_STATIONS_ESTABLISHED: 3,
    Measure.RADIO_IP_CLUSTERS: 12,
    Measure.INFO_POINTS: 4,
    Measure.PUBLICATION_TITLES: 4,
}


def _outputs(actor: User, sample: dict[str, Activity]) -> None:
    """How the outputs count is plan structure: written by the demo's admin, like the plans."""
    # (content, output named by the plan or None, measure, name of the output to add, unit)
    specs = [
        ("2.1", "Lớp bồi dưỡng, tập huấn", Measure.TRAINING_COURSES, "Lớp bồi dưỡng (theo sổ đăng ký)", "lớp"),
        (
            "2.1",
            "Chương trình, tài liệu bồi dưỡng, tập huấn",
            Measure.TRAINING_MATERIALS,
            "Tài liệu bồi dưỡng, tập huấn (theo sổ đăng ký)",
            "tài liệu",
        ),
        (
            "2.1",
            "Lượt người được bồi dưỡng, tập huấn",
            Measure.TRAINING_TRAINEES,
            "Lượt người được bồi dưỡng, tập huấn (theo sổ đăng ký)",
            "lượt người",
        ),
        (
            "2.2",
            "Tác phẩm báo chí, sản phẩm truyền thông sản xuất mới",
            Measure.MEDIA_PRODUCTS,
            "Tác phẩm báo chí, sản phẩm truyền thông sản xuất mới (theo sổ đăng ký)",
            "sản phẩm",
        ),
        (
            "2.3",
            "Đài truyền thanh xã thiết lập mới",
            Measure.RADIO_STATIONS_ESTABLISHED,
            "Đài truyền thanh xã thiết lập mới (theo sổ đăng ký)",
            "đài",
        ),
        (
            "2.3",
            "Cụm loa ứng dụng công nghệ thông tin - viễn thông mở rộng, thay thế",
            Measure.RADIO_IP_CLUSTERS,
            "Cụm loa ứng dụng công nghệ thông tin - viễn thông mở rộng, thay thế (theo sổ đăng ký)",
            "cụm loa",
        ),
        (
            "2.5",
            "Điểm cung cấp dịch vụ bưu chính công cộng được hỗ trợ cung cấp dịch vụ thông tin công cộng",
            Measure.INFO_POINTS,
            "Điểm bưu chính công cộng được hỗ trợ dịch vụ thông tin công cộng (theo sổ đăng ký)",
            "điểm",
        ),
        ("2.6", "Xuất bản phẩm sản xuất mới", Measure.PUBLICATION_TITLES, "Xuất bản phẩm (theo sổ đăng ký)", "đầu"),
    ]
    for code, existing, measure, new_name, unit_of_measure in specs:
        has_output = sample[code].output_indicators.filter(name=existing).exists()
        if not has_output and code == "2.1" and measure == Measure.TRAINING_TRAINEES:
            continue  # no trainee output to count against
        count_from_register(
            activity=sample[code],
            measure=measure,
            existing=existing,
            new_name=new_name,
            unit_of_measure=unit_of_measure,
            actor=actor,
            planned_quantity=SAMPLE_PLANNED.get(measure),
        )


# A sample publication title (tests look it up).
DUPLICATED_TITLE = "Sổ tay thông tin thiết yếu cho đồng bào dân tộc thiểu số vùng biên giới (mẫu)"


# --- The current-year sample plan -------------------------------------------------------------


def _sample_plan(
    ctx: Ctx,
    people: People,
    ls: LangSon,
    sample: dict[str, Activity],
    communes: dict[str, Area],
    stations: dict[str, RadioStation],
) -> None:
    today = ctx.today
    manager, xa, dai = people.manager, people.commune_officer, people.radio_officer

    def days(offset: int) -> datetime.date:
        return today + datetime.timedelta(days=offset)

    def task(code: str, unit: Unit, deliverable: str) -> Task:
        return Task.objects.get(activity=sample[code], unit=unit, deliverable=deliverable)

    def committee(commune: str) -> Unit:
        return Unit.objects.get(area=communes[commune], kind=Unit.Kind.PEOPLES_COMMITTEE, is_group=False)

    def enter(model, lookup, values, state, by, **kwargs):
        return _register(model, lookup=lookup, values=values, by=by, reviewer=manager, state=state, **kwargs)

    # 2.3 — radio works on the communes' tasks. Mẫu Một's officer enters its own; the DIC
    # manager enters for the communes without a demo login.
    mot, hai, ba, bon = "Xã Mẫu Một (mẫu)", "Xã Mẫu Hai (mẫu)", "Xã Mẫu Ba (mẫu)", "Xã Mẫu Bốn (mẫu)"
    speakers = task("2.3", committee(mot), "Lắp đặt cụm loa ứng dụng CNTT-VT tại các thôn, bản")
    radio_works = [
        (
            speakers,
            mot,
            WorkType.EXPANSION,
            "Công ty TNHH Điện tử Viễn thông Mẫu Bắc (mẫu)",
            Status.ACCEPTED,
            xa,
            (days(-45), days(-28), days(-25)),
            State(StationKind.IP, working=True, connected=True, ip=8),
            _villages("Thôn Nà Pàn", "Thôn Khòn Khiên", "Bản Chắt"),
            "",
        ),
        (
            speakers,
            mot,
            WorkType.EXPANSION,
            "Công ty Cổ phần Truyền thanh số Mẫu (mẫu)",
            Status.RETURNED,
            xa,
            (days(-20), days(-6), None),
            State(StationKind.IP, working=True, connected=True, ip=9),
            _villages("Thôn Pò Mả"),
            "Thiếu biên bản nghiệm thu có chữ ký của đơn vị thi công; đề nghị bổ sung và gửi lại (mẫu).",
        ),
        (
            task("2.3", committee(hai), "Thiết lập mới đài truyền thanh xã"),
            hai,
            WorkType.NEW,
            "Công ty TNHH Thiết bị Phát thanh Mẫu (mẫu)",
            Status.DRAFT,
            manager,
            (days(-10), None, None),
            State(StationKind.IP, working=True, connected=True, ip=4),
            _villages("Thôn Bản Mới", "Thôn Nà Vường", "Thôn Khuổi Slần", "Thôn Lùng Vài"),
            "",
        ),
        (
            task("2.3", committee(ba), "Thay thế cụm loa FM hỏng bằng cụm loa ứng dụng CNTT-VT"),
            ba,
            WorkType.REPLACEMENT,
            "Công ty Cổ phần Truyền thanh số Mẫu (mẫu)",
            Status.ACCEPTED,
            manager,
            (days(-40), days(-22), days(-21)),
            State(StationKind.IP, working=True, connected=True, ip=5),
            _villages("Thôn Nà Hin", "Thôn Pác Ká", "Thôn Khuổi Tát", "Thôn Bản Cầu", "Thôn Còn Quan"),
            "",
        ),
        (
            task("2.3", committee(bon), "Mở rộng cụm loa ứng dụng CNTT-VT đến các thôn chưa có loa"),
            bon,
            WorkType.EXPANSION,
            "Công ty TNHH Điện tử Viễn thông Mẫu Bắc (mẫu)",
            Status.SUBMITTED,
            manager,
            (days(-18), days(-3), None),
            State(StationKind.IP, working=True, connected=True, wired=6, ip=6),
            _villages("Thôn Khuổi Vạc", "Thôn Nà Cạn", "Thôn Pò Lải"),
            "",
        ),
    ]
    for task_obj, commune, work_type, contractor, state, by, dates, after, villages, reason in radio_works:
        started, accepted, handed = dates
        enter(
            RadioWork,
            {"task": task_obj, "station": stations[commune], "work_type": work_type, "contractor": contractor},
            {
                "activity": task_obj.activity,
                "unit": task_obj.unit,
                "area": communes[commune],
                "cost": None,
                "started_on": started,
                "accepted_on": accepted,
                "handed_over_on": handed,
                **after.fields(),
            },
            state,
            by,
            lines=[(RadioWorkVillage, "work", villages)],
            reason=reason,
            photo=(
                (lambda: sample_photo("cum-loa-ip.png", "#2f5d8a", "Cum loa IP (mau)"))
                if state != Status.DRAFT
                else None
            ),
        )

    # 2.5 — information points on the communes' tasks.
    report_point = task("2.5", committee(mot), "Báo cáo hoạt động điểm bưu chính công cộng được hỗ trợ")
    equipment_point = task("2.5", committee(ba), "Tiếp nhận thiết bị cho điểm bưu chính công cộng")
    keep_point = task(
        "2.5", committee("Xã Mẫu Năm (mẫu)"), "Duy trì dịch vụ thông tin công cộng tại điểm bưu chính công cộng"
    )
    for task_obj, name, state, by, opened, served, reason in [
        (report_point, "Điểm BĐVHX xã Mẫu Một (mẫu)", Status.ACCEPTED, xa, days(-50), 120, ""),
        (
            report_point,
            "Điểm BĐVHX thôn Nà Pàn, xã Mẫu Một (mẫu)",
            Status.RETURNED,
            xa,
            days(-12),
            45,
            "Số người được phục vụ hằng tháng chưa có căn cứ; đề nghị gửi kèm sổ theo dõi (mẫu).",
        ),
        (equipment_point, "Điểm BĐVHX xã Mẫu Ba (mẫu)", Status.SUBMITTED, manager, days(-5), None, ""),
        (keep_point, "Điểm BĐVHX xã Mẫu Năm (mẫu)", Status.DRAFT, manager, days(-2), None, ""),
    ]:
        enter(
            InfoPoint,
            {"task": task_obj, "name": name},
            {
                "activity": task_obj.activity,
                "unit": task_obj.unit,
                "area": task_obj.area,
                "services": "Đọc sách, báo; truy cập Internet; hướng dẫn sử dụng dịch vụ công trực tuyến (mẫu)",
                "equipment": "02 máy tính, 01 màn hình thông tin, đường truyền Internet (mẫu)",
                "opened_on": opened,
                "people_served_per_month": served,
            },
            state,
            by,
            reason=reason,
        )

    # 2.1 — courses the DIC organises (no task), and one a commune held on its task.
    science = ls.science
    training = sample["2.1"]
    send = task("2.1", committee(mot), "Cử cán bộ thông tin cơ sở tham dự lớp bồi dưỡng")
    courses = [
        (
            None,
            "Lớp bồi dưỡng nghiệp vụ cho cán bộ thông tin cơ sở khu vực biên giới (mẫu)",
            Status.ACCEPTED,
            manager,
            (days(-35), days(-33)),
            (40, 17, 34),
            [("Tài liệu bồi dưỡng nghiệp vụ thông tin cơ sở (mẫu)", MediumFormat.PRINT, Language.VIETNAMESE)],
            "",
        ),
        (
            None,
            "Lớp tập huấn sử dụng đài truyền thanh ứng dụng CNTT-VT (mẫu)",
            Status.SUBMITTED,
            manager,
            (days(-9), days(-7)),
            (32, 12, 27),
            [
                ("Hướng dẫn vận hành cụm loa IP (mẫu)", MediumFormat.ELECTRONIC, Language.VIETNAMESE),
                ("Tài liệu tuyên truyền bằng tiếng Tày (mẫu)", MediumFormat.PRINT, Language.TAY),
            ],
            "",
        ),
        (
            send,
            "Buổi tập huấn tại xã cho tuyên truyền viên thôn, bản (mẫu)",
            Status.RETURNED,
            xa,
            (days(-15), days(-15)),
            (18, 9, 17),
            [],
            "Đề nghị bổ sung danh sách học viên và tài liệu đã sử dụng (mẫu).",
        ),
        (
            None,
            "Lớp bồi dưỡng kỹ năng thông tin, tuyên truyền bằng tiếng dân tộc thiểu số (mẫu)",
            Status.DRAFT,
            manager,
            (days(10), days(12)),
            (35, 0, 0),
            [("Sổ tay tuyên truyền viên bằng tiếng Nùng (mẫu)", MediumFormat.ELECTRONIC, Language.NUNG)],
            "",
        ),
    ]
    for task_obj, title, state, by, (start, end), (total, female, minority), materials, reason in courses:
        lookup = {"activity": training, "title": title}
        values: dict[str, Any] = {
            "organiser": "" if task_obj else "Sở Khoa học và Công nghệ tỉnh Lạng Sơn",
            "start_date": start,
            "end_date": end,
            "venue": "Hội trường UBND xã Mẫu Một (mẫu)" if task_obj else "Hội trường Sở (mẫu)",
            "trainees_total": total,
            "trainees_female": female,
            "trainees_ethnic_minority": minority,
        }
        if task_obj is None:
            values["unit"] = science
        else:
            lookup["task"] = task_obj
        enter(
            TrainingCourse,
            lookup,
            values,
            state,
            by,
            reason=reason,
            lines=[
                (
                    TrainingMaterial,
                    "course",
                    [{"title": t, "medium": medium, "language": lang} for t, medium, lang in materials],
                )
            ],
        )

    # 2.2 — the radio-TV station's officer enters its products; the DIC manager the newspaper's.
    radio_tv, newspaper = ls.radio_tv, ls.newspaper
    documentary = task("2.2", radio_tv, "Sản xuất phóng sự truyền hình về giảm nghèo về thông tin")
    minority_radio = task("2.2", radio_tv, "Chương trình phát thanh tiếng dân tộc thiểu số")
    online = task("2.2", newspaper, "Tin, bài, infographic trên báo điện tử")
    products = [
        (
            documentary,
            "Phóng sự: Cụm loa thông minh về thôn, bản vùng biên (mẫu)",
            Kind.REPORTAGE,
            Channel.RADIO_TV,
            days(-40),
            Language.VIETNAMESE,
            12,
            Status.ACCEPTED,
            dai,
            "",
        ),
        (
            documentary,
            "Phóng sự: Điểm bưu điện văn hóa xã thành nơi tra cứu thông tin (mẫu)",
            Kind.REPORTAGE,
            Channel.RADIO_TV,
            days(-20),
            Language.VIETNAMESE,
            10,
            Status.RETURNED,
            dai,
            "Đề nghị bổ sung đường dẫn phát lại và lịch phát sóng (mẫu).",
        ),
        (
            minority_radio,
            "Chương trình phát thanh tiếng Tày: Giảm nghèo về thông tin (mẫu)",
            Kind.RADIO_PROGRAMME,
            Channel.RADIO_TV,
            days(-12),
            Language.TAY,
            15,
            Status.ACCEPTED,
            dai,
            "",
        ),
        (
            minority_radio,
            "Chương trình phát thanh tiếng Nùng: Tiếp cận dịch vụ công trực tuyến (mẫu)",
            Kind.RADIO_PROGRAMME,
            Channel.RADIO_TV,
            days(-3),
            Language.NUNG,
            15,
            Status.SUBMITTED,
            dai,
            "",
        ),
        (
            minority_radio,
            "Chương trình phát thanh tiếng Dao: Thông tin thiết yếu cho bà con vùng cao (mẫu)",
            Kind.RADIO_PROGRAMME,
            Channel.RADIO_TV,
            days(-1),
            Language.DAO,
            15,
            Status.DRAFT,
            dai,
            "",
        ),
        (
            online,
            "Infographic: Dịch vụ thông tin công cộng tại điểm bưu chính (mẫu)",
            Kind.INFOGRAPHIC,
            Channel.NEWSPAPER,
            days(-15),
            Language.VIETNAMESE,
            None,
            Status.ACCEPTED,
            manager,
            "",
        ),
    ]
    for task_obj, title, kind, channel, published, language, minutes, state, by, reason in products:
        enter(
            MediaProduct,
            {"task": task_obj, "title": title},
            {
                "activity": task_obj.activity,
                "unit": task_obj.unit,
                "product_kind": kind,
                "producer": task_obj.unit,
                "channel": channel,
                "published_on": published,
                "language": language,
                "duration_minutes": minutes,
            },
            state,
            by,
            reason=reason,
        )

    # 2.6 — publications.
    bilingual = task("2.6", newspaper, "Xuất bản ấn phẩm song ngữ Việt – Tày cung cấp nội dung thiết yếu")
    publications = [
        (None, "Cẩm nang chuyển đổi số cho hộ nghèo, hộ cận nghèo (mẫu)", MediumFormat.PRINT, 1500, Language.VIETNAMESE,
         days(-25), Status.ACCEPTED, ""),
        (bilingual, DUPLICATED_TITLE, MediumFormat.PRINT, 1000, Language.VIETNAMESE, days(-4), Status.SUBMITTED, ""),
        (bilingual, "Lịch tuyên truyền song ngữ Việt – Tày (mẫu)", MediumFormat.PRINT, 800, Language.TAY, days(-8),
         Status.RETURNED, "Đề nghị bổ sung danh sách nơi nhận và số lượng cấp phát cho từng xã (mẫu)."),
        (bilingual, "Ấn phẩm song ngữ Việt – Tày: Thông tin thiết yếu cho bà con (mẫu)", MediumFormat.ELECTRONIC, None,
         Language.TAY, days(5), Status.DRAFT, ""),
    ]  # fmt: skip
    for task_obj, title, medium, copies, language, published, state, reason in publications:
        lookup = {"activity": sample["2.6"], "title": title}
        values = {
            "medium": medium,
            "publisher": "Nhà xuất bản Mẫu (mẫu)",
            "published_on": published,
            "copies": copies,
            "language": language,
            "distribution": "Các xã khu vực III, xã biên giới và điểm BĐVHX (mẫu)",
        }
        if task_obj is None:
            values["unit"] = science
        else:
            lookup["task"] = task_obj
        enter(Publication, lookup, values, state, manager, reason=reason)
