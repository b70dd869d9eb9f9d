"""Registers of what the activities produce: commune radio works, training courses, media
products, public information points, publications and smartphones handed over.

Every entry is a `RegisterEntry` (multi-table inheritance): the common part holds the
activity, task, unit and area it belongs to and its review state, so that one review queue,
one evidence table, one permission rule and one rule for feeding the indicators serve all six
registers. An entry moves draft → submitted → accepted, or → returned (with a reason) → edited
and submitted again — the same review as a progress report. Only accepted entries count: on
acceptance the services write one `OutputRecord` per output of the activity that is counted
from this register (`OutputIndicator.register_measure`), and a returned entry's records are
removed.

A commune's radio station is not an entry but the thing the works change: its state is a
series of dated snapshots (`RadioStationState`), one from the survey and one per accepted
work, so "communes with a working station" and "the share of IP clusters" can be asked for
any date.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from tracker.core.files import private_storage, register_evidence_upload_to

from .fields import NOTE_MAX_LENGTH, actor_field, limited_text, sample_flag
from .organisation import Area, Unit
from .plans import Activity, RegisterMeasure, Task


class Language(models.TextChoices):
    # BCP 47 tags, as on the campaign site.
    VIETNAMESE = "vi", "Tiếng Việt"
    TAY = "tyz", "Tiếng Tày"
    NUNG = "nut", "Tiếng Nùng"
    THAI = "blt", "Tiếng Thái"
    HMONG = "hmn", "Tiếng H'Mông"
    DAO = "ium", "Tiếng Dao"
    KHMER = "km", "Tiếng Khmer"
    EDE = "rad", "Tiếng Ê Đê"
    JRAI = "jra", "Tiếng Gia Rai"
    BAHNAR = "bdq", "Tiếng Ba Na"
    CHAM = "cjm", "Tiếng Chăm"
    KATU = "ktv", "Tiếng Cơ Tu"
    TAOIH = "tth", "Tiếng Tà Ôi"
    PACOH = "pac", "Tiếng Pa Cô"
    BRU = "bru", "Tiếng Bru - Vân Kiều"


class MediumFormat(models.TextChoices):
    PRINT = "print", _("Print")
    ELECTRONIC = "electronic", _("Electronic")


class RegisterEntry(models.Model):
    class Kind(models.TextChoices):
        RADIO_WORK = "radio_work", _("Commune radio work")
        TRAINING_COURSE = "training_course", _("Training course")
        MEDIA_PRODUCT = "media_product", _("Media product")
        INFO_POINT = "info_point", _("Public information point")
        PUBLICATION = "publication", _("Publication")
        SMARTPHONES = "smartphones", _("Smartphones handed over")

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("status", "Draft")
        SUBMITTED = "submitted", _("Submitted")
        ACCEPTED = "accepted", _("Accepted")
        RETURNED = "returned", _("Returned for correction")

    kind = models.CharField(_("register"), max_length=20, choices=Kind.choices, editable=False)
    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), on_delete=models.PROTECT, related_name="register_entries"
    )
    task = models.ForeignKey(
        Task,
        verbose_name=_("task"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="register_entries",
        help_text=_("The unit's task the entry reports on; blank for an entry the DIC makes itself."),
    )
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="register_entries")
    area = models.ForeignKey(
        Area, verbose_name=_("area"), null=True, blank=True, on_delete=models.PROTECT, related_name="register_entries"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    return_reason = limited_text(NOTE_MAX_LENGTH, _("reason for returning"), blank=True)
    note = limited_text(NOTE_MAX_LENGTH, _("note"), blank=True)
    is_sample = sample_flag(_("Made up for the demonstration; not an official figure."))
    created_by = actor_field(_("entered by"))
    created_at = models.DateTimeField(_("entered"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = actor_field(_("submitted by"), optional=True)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = actor_field(_("reviewed by"), optional=True)
    # Each register's own history table records its fields and these (inherit=True).
    history = HistoricalRecords(inherit=True)

    class Meta:
        verbose_name = _("register entry")
        verbose_name_plural = _("register entries")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["kind", "status"], name="registerentry_kind_status")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="returned") | ~Q(return_reason=""),
                name="registerentry_returned_has_reason",
                violation_error_message=_("Say why the entry is returned."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)

    def clean(self) -> None:
        super().clean()
        if self.task_id and self.activity_id and self.task.activity_id != self.activity_id:
            raise ValidationError({"task": _("The task belongs to another activity.")})

    # What each register counts, per measure; the subclasses say.
    MEASURES: tuple[str, ...] = ()

    def measure_quantity(self, measure: str) -> int:
        """How much this entry counts towards an output of the given measure (0: nothing)."""
        raise NotImplementedError

    def achieved_on(self):
        """The date the entry counts on (its period is the one containing it), or None."""
        raise NotImplementedError

    def record_title(self) -> str:
        return str(self)

    def submit_problems(self) -> list[str]:
        """What keeps the entry from being submitted (translated sentences), or nothing."""
        if not self.achieved_on():
            return [str(_("Give the date the entry counts on before submitting it."))]
        return []


# --- Commune radio ----------------------------------------------------------------------------


class StationKind(models.TextChoices):
    NONE = "none", _("No station")
    WIRED = "wired", _("Wired")
    FM = "fm", _("FM wireless")
    IP = "ip", _("IP / ICT-based (Thông tư 39/2020/TT-BTTTT)")


class ClusterTechnology(models.TextChoices):
    WIRED = "wired", _("Wired")
    FM = "fm", _("FM wireless")
    IP = "ip", _("IP / ICT-based")


class RadioStation(models.Model):
    """A commune's radio station (đài truyền thanh xã), one per commune; its state over time is
    in `states`."""

    commune = models.OneToOneField(
        Area,
        verbose_name=_("commune"),
        on_delete=models.PROTECT,
        related_name="radio_station",
        limit_choices_to={"level": Area.Level.COMMUNE},
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    is_sample = models.BooleanField(_("sample data"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("commune radio station")
        verbose_name_plural = _("commune radio stations")
        ordering = ["commune__name", "id"]

    def __str__(self) -> str:
        return self.name or str(_("Radio station of %(commune)s") % {"commune": self.commune})


class StationStateFields(models.Model):
    """A station's state: what kind it is, whether it works and is connected, and its
    loudspeaker clusters by technology."""

    station_kind = models.CharField(_("station"), max_length=5, choices=StationKind.choices, default=StationKind.NONE)
    is_working = models.BooleanField(_("working"), default=False)
    is_connected = models.BooleanField(_("connected to the provincial source-information system"), default=False)
    wired_clusters = models.PositiveIntegerField(_("wired clusters"), default=0)
    fm_clusters = models.PositiveIntegerField(_("FM clusters"), default=0)
    ip_clusters = models.PositiveIntegerField(_("IP clusters"), default=0)

    class Meta:
        abstract = True

    STATE_FIELDS = ("station_kind", "is_working", "is_connected", "wired_clusters", "fm_clusters", "ip_clusters")

    def clean(self) -> None:
        super().clean()
        if self.station_kind == StationKind.NONE and (self.is_working or self.is_connected or self.total_clusters):
            raise ValidationError(_("A commune without a station has no clusters and nothing working or connected."))

    @property
    def total_clusters(self) -> int:
        return (self.wired_clusters or 0) + (self.fm_clusters or 0) + (self.ip_clusters or 0)


class RadioStationState(StationStateFields):
    """The station as it was from `effective_on` until the next state: from a survey, or left by
    an accepted work."""

    station = models.ForeignKey(
        RadioStation, verbose_name=_("station"), on_delete=models.CASCADE, related_name="states"
    )
    effective_on = models.DateField(_("as of"))
    work = models.OneToOneField(
        "RadioWork",
        verbose_name=_("left by the work"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="resulting_state",
    )
    source_note = models.CharField(_("source"), max_length=200, blank=True, help_text=_("E.g. survey of 2023."))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("radio station state")
        verbose_name_plural = _("radio station states")
        ordering = ["station", "-effective_on", "-id"]
        indexes = [models.Index(fields=["station", "effective_on"], name="radiostate_station_date")]

    def __str__(self) -> str:
        return f"{self.station} – {self.effective_on:%d/%m/%Y}"


class RadioWork(RegisterEntry, StationStateFields):
    """A work on a commune's station under a plan: new establishment, expansion with IP
    clusters, or replacement of broken wired/FM clusters. The `before_*` fields are the station
    as the work found it; the inherited state fields are the station as the work leaves it,
    which becomes the station's state on the acceptance (nghiệm thu) date."""

    class WorkType(models.TextChoices):
        NEW = "new", _("New station")
        EXPANSION = "expansion", _("Expansion with IP clusters")
        REPLACEMENT = "replacement", _("Replacement of broken wired/FM clusters")

    MEASURES = (
        RegisterMeasure.RADIO_STATIONS_ESTABLISHED,
        RegisterMeasure.RADIO_WORKS,
        RegisterMeasure.RADIO_IP_CLUSTERS,
    )

    station = models.ForeignKey(RadioStation, verbose_name=_("station"), on_delete=models.PROTECT, related_name="works")
    work_type = models.CharField(_("work"), max_length=12, choices=WorkType.choices)
    contractor = models.CharField(_("contractor"), max_length=255, blank=True)
    cost = models.BigIntegerField(_("cost (VND)"), null=True, blank=True)
    started_on = models.DateField(_("started on"), null=True, blank=True)
    accepted_on = models.DateField(
        _("acceptance (nghiệm thu) date"), null=True, blank=True, help_text=_("Required to submit the work.")
    )
    handed_over_on = models.DateField(_("handed over on"), null=True, blank=True)
    before_kind = models.CharField(
        _("station before"), max_length=5, choices=StationKind.choices, default=StationKind.NONE
    )
    before_is_working = models.BooleanField(_("working before"), default=False)
    before_is_connected = models.BooleanField(_("connected before"), default=False)
    before_wired_clusters = models.PositiveIntegerField(_("wired clusters before"), default=0)
    before_fm_clusters = models.PositiveIntegerField(_("FM clusters before"), default=0)
    before_ip_clusters = models.PositiveIntegerField(_("IP clusters before"), default=0)

    class Meta:
        verbose_name = _("commune radio work")
        verbose_name_plural = _("commune radio works")
        constraints = [
            models.CheckConstraint(
                condition=Q(cost__isnull=True) | Q(cost__gte=0),
                name="radiowork_cost_not_negative",
                violation_error_message=_("A cost cannot be negative."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_work_type_display()} – {self.station.commune}"

    def clean(self) -> None:
        super().clean()
        if self.started_on and self.accepted_on and self.accepted_on < self.started_on:
            raise ValidationError({"accepted_on": _("The acceptance cannot come before the start.")})
        if self.handed_over_on and self.accepted_on and self.handed_over_on < self.accepted_on:
            raise ValidationError({"handed_over_on": _("The handover cannot come before the acceptance.")})

    def measure_quantity(self, measure: str) -> int:
        if measure == RegisterMeasure.RADIO_STATIONS_ESTABLISHED:
            return int(self.work_type == self.WorkType.NEW)
        if measure == RegisterMeasure.RADIO_WORKS:
            return 1
        if measure == RegisterMeasure.RADIO_IP_CLUSTERS:
            return max(0, self.ip_clusters - self.before_ip_clusters)
        return 0

    def achieved_on(self):
        return self.accepted_on

    def submit_problems(self) -> list[str]:
        if not self.accepted_on:
            return [str(_("Give the acceptance (nghiệm thu) date before submitting the work."))]
        return []

    def record_title(self) -> str:
        return str(self)


class RadioWorkVillage(models.Model):
    """The loudspeaker clusters a work installs in one village (thôn, bản)."""

    work = models.ForeignKey(RadioWork, on_delete=models.CASCADE, related_name="villages")
    village = models.CharField(_("village"), max_length=200)
    technology = models.CharField(
        _("technology"), max_length=5, choices=ClusterTechnology.choices, default=ClusterTechnology.IP
    )
    clusters = models.PositiveIntegerField(_("clusters"), default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("village served")
        verbose_name_plural = _("villages served")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.village}: {self.clusters}"


# --- Training courses -------------------------------------------------------------------------


class TrainingCourse(RegisterEntry):
    """A course (lớp bồi dưỡng, tập huấn) for grassroots information officers; courses should
    not run past five days (a warning, not a refusal)."""

    MEASURES = (
        RegisterMeasure.TRAINING_COURSES,
        RegisterMeasure.TRAINING_TRAINEES,
        RegisterMeasure.TRAINING_MATERIALS,
    )
    RECOMMENDED_MAX_DAYS = 5

    title = models.CharField(_("title"), max_length=300)
    organiser = models.CharField(
        _("organiser"), max_length=255, blank=True, help_text=_("Blank: the unit that registers the course.")
    )
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("to"))
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    trainees_total = models.PositiveIntegerField(_("trainees"))
    trainees_female = models.PositiveIntegerField(_("of whom women"), default=0)
    trainees_ethnic_minority = models.PositiveIntegerField(_("of whom ethnic minorities"), default=0)

    class Meta:
        verbose_name = _("training course")
        verbose_name_plural = _("training courses")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")),
                name="trainingcourse_dates_ordered",
                violation_error_message=_("The course cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(trainees_female__lte=models.F("trainees_total"))
                & Q(trainees_ethnic_minority__lte=models.F("trainees_total")),
                name="trainingcourse_parts_within_total",
                violation_error_message=_("Women and ethnic-minority trainees cannot outnumber all trainees."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def days(self) -> int:
        return (self.end_date - self.start_date).days + 1

    @property
    def is_longer_than_recommended(self) -> bool:
        return self.days > self.RECOMMENDED_MAX_DAYS

    def measure_quantity(self, measure: str) -> int:
        if measure == RegisterMeasure.TRAINING_COURSES:
            return 1
        if measure == RegisterMeasure.TRAINING_TRAINEES:
            return self.trainees_total
        if measure == RegisterMeasure.TRAINING_MATERIALS:
            return self.materials.count()
        return 0

    def achieved_on(self):
        return self.end_date

    def trainee_list_mismatches(self) -> list[str]:
        """Where the counts disagree with the trainee list, when there is one (2 queries)."""
        trainees = list(self.trainees.all())
        if not trainees:
            return []
        problems = []
        counted = {
            _("trainees"): (self.trainees_total, len(trainees)),
            _("women"): (self.trainees_female, sum(t.gender == Trainee.Gender.FEMALE for t in trainees)),
            _("ethnic-minority trainees"): (
                self.trainees_ethnic_minority,
                sum(t.is_ethnic_minority for t in trainees),
            ),
        }
        for label, (stated, listed) in counted.items():
            if stated != listed:
                problems.append(
                    str(
                        _("The course states %(stated)s %(label)s but the trainee list has %(listed)s.")
                        % {"stated": stated, "label": label, "listed": listed}
                    )
                )
        return problems

    def submit_problems(self) -> list[str]:
        return super().submit_problems() + self.trainee_list_mismatches()

    def record_title(self) -> str:
        return self.title


class TrainingMaterial(models.Model):
    course = models.ForeignKey(TrainingCourse, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(_("material"), max_length=300)
    medium = models.CharField(_("form"), max_length=10, choices=MediumFormat.choices, default=MediumFormat.PRINT)
    language = models.CharField(_("language"), max_length=5, choices=Language.choices, default=Language.VIETNAMESE)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("training material")
        verbose_name_plural = _("training materials")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.title


class Trainee(models.Model):
    """One person on a course's optional trainee list; when there is a list, the course's
    counts must agree with it."""

    class Gender(models.TextChoices):
        FEMALE = "female", _("Female")
        MALE = "male", _("Male")

    course = models.ForeignKey(TrainingCourse, on_delete=models.CASCADE, related_name="trainees")
    full_name = models.CharField(_("full name"), max_length=200)
    gender = models.CharField(_("gender"), max_length=6, choices=Gender.choices)
    is_ethnic_minority = models.BooleanField(_("ethnic minority"), default=False)
    workplace = models.CharField(_("unit"), max_length=255, blank=True)
    commune = models.ForeignKey(
        Area, verbose_name=_("commune"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("trainee")
        verbose_name_plural = _("trainees")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.full_name


# --- Media products ---------------------------------------------------------------------------


class MediaProduct(RegisterEntry):
    """A press work or media product. An article published on the campaign site counts through
    its link to the activity and is not entered here a second time."""

    class ProductKind(models.TextChoices):
        NEWS = "news", _("News")
        ARTICLE = "article", _("Article")
        REPORTAGE = "reportage", _("Reportage")
        INTERVIEW = "interview", _("Interview")
        RADIO_PROGRAMME = "radio", _("Radio programme")
        TV_PROGRAMME = "tv", _("TV programme")
        INFOGRAPHIC = "infographic", _("Infographic")
        VIDEO = "video", _("Video clip")
        LEAFLET = "leaflet", _("Leaflet")
        HANDBOOK = "handbook", _("Handbook")

    class Channel(models.TextChoices):
        NEWSPAPER = "newspaper", _("Newspaper")
        RADIO_TV = "radio_tv", _("Radio-TV")
        PORTAL = "portal", _("Web portal")
        SOCIAL = "social", _("Social network")
        COMMUNE_RADIO = "commune_radio", _("Commune radio")
        PRINT = "print", _("Printed and distributed")

    MEASURES = (RegisterMeasure.MEDIA_PRODUCTS,)

    title = models.CharField(_("title"), max_length=300)
    product_kind = models.CharField(_("kind"), max_length=12, choices=ProductKind.choices)
    producer = models.ForeignKey(
        Unit, verbose_name=_("producer"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    channel = models.CharField(_("channel"), max_length=15, choices=Channel.choices)
    published_on = models.DateField(_("published or broadcast on"))
    language = models.CharField(_("language"), max_length=5, choices=Language.choices, default=Language.VIETNAMESE)
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"), null=True, blank=True)
    length = models.CharField(_("length"), max_length=100, blank=True, help_text=_("E.g. 1,200 words, 4 pages."))
    url = models.URLField(_("link"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("media product")
        verbose_name_plural = _("media products")

    def __str__(self) -> str:
        return self.title

    def measure_quantity(self, measure: str) -> int:
        return int(measure == RegisterMeasure.MEDIA_PRODUCTS)

    def achieved_on(self):
        return self.published_on

    def record_title(self) -> str:
        return self.title


# --- Public information points ----------------------------------------------------------------


class InfoPoint(RegisterEntry):
    """Public information services at a public postal point (điểm Bưu điện - Văn hóa xã) in a
    commune; the commune is the entry's `area`."""

    MEASURES = (RegisterMeasure.INFO_POINTS,)

    name = models.CharField(_("postal point"), max_length=255)
    services = limited_text(NOTE_MAX_LENGTH, _("services offered"), blank=True)
    equipment = limited_text(NOTE_MAX_LENGTH, _("equipment"), blank=True)
    opened_on = models.DateField(_("opened on"))
    people_served_per_month = models.PositiveIntegerField(_("people served per month"), null=True, blank=True)

    class Meta:
        verbose_name = _("public information point")
        verbose_name_plural = _("public information points")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if not self.area_id:
            raise ValidationError({"area": _("Choose the commune of the postal point.")})

    def measure_quantity(self, measure: str) -> int:
        return int(measure == RegisterMeasure.INFO_POINTS)

    def achieved_on(self):
        return self.opened_on

    def record_title(self) -> str:
        return self.name


# --- Publications -----------------------------------------------------------------------------


class Publication(RegisterEntry):
    """A publication (xuất bản phẩm). Seed 004: publications must not duplicate those of other
    programmes — a title already registered under another plan or year is flagged
    (`title_key` compares titles without case, accents or spacing)."""

    MEASURES = (RegisterMeasure.PUBLICATION_TITLES, RegisterMeasure.PUBLICATION_COPIES)

    title = models.CharField(_("title"), max_length=300)
    title_key = models.CharField(max_length=300, editable=False, db_index=True)
    medium = models.CharField(_("form"), max_length=10, choices=MediumFormat.choices)
    publisher = models.CharField(_("publisher"), max_length=255, blank=True)
    published_on = models.DateField(_("published on"))
    copies = models.PositiveIntegerField(_("copies"), null=True, blank=True, help_text=_("For print."))
    language = models.CharField(_("language"), max_length=5, choices=Language.choices, default=Language.VIETNAMESE)
    distribution = limited_text(
        NOTE_MAX_LENGTH, _("distribution"), blank=True, help_text=_("To whom and where it was given.")
    )

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        if self.medium == MediumFormat.PRINT and not self.copies:
            raise ValidationError({"copies": _("Give the number of printed copies.")})

    def measure_quantity(self, measure: str) -> int:
        if measure == RegisterMeasure.PUBLICATION_TITLES:
            return 1
        if measure == RegisterMeasure.PUBLICATION_COPIES:
            return self.copies or 0
        return 0

    def achieved_on(self):
        return self.published_on

    def record_title(self) -> str:
        return self.title


# --- Smartphones ------------------------------------------------------------------------------


class SmartphoneHandover(RegisterEntry):
    """Smartphones handed over in a commune (the entry's `area`) to one priority class, from one
    source. Donated phones are linked from the budgets app's donation transfers."""

    class PriorityClass(models.TextChoices):
        # Seed 001's order for whole phones, then its order for partial support; seed 000's
        # classes (poor, near-poor, policy households) map onto the first four.
        POOR_MERIT = "poor_merit", _("Poor/near-poor household that is also a family of a person with merit")
        POOR_SOCIAL_POLICY = "poor_policy", _("Poor/near-poor household that is also a social-policy family")
        POOR_OTHER = "poor_other", _("Other poor household")
        NEAR_POOR_OTHER = "near_poor_other", _("Other near-poor household")
        PARTIAL_POOR = "partial_poor", _("Partial support: poor household without a smartphone")
        PARTIAL_POOR_SUPPORTED = "partial_poor_2", _("Partial support: poor household with a member already supported")
        PARTIAL_NEAR_POOR = "partial_near_poor", _("Partial support: near-poor household without a smartphone")
        PARTIAL_NEAR_POOR_SUPPORTED = (
            "partial_near_poor_2",
            _("Partial support: near-poor household with a member already supported"),
        )
        OTHER = "other", _("Other (set by the donor or enterprise)")

    class Source(models.TextChoices):
        TELECOM_FUND = "telecom_fund", _("Public-utility telecom fund (QĐ 2269/QĐ-TTg)")
        PROVINCIAL_BUDGET = "provincial_budget", _("Provincial budget")
        DONATIONS = "donations", _("Donations (xã hội hóa)")
        ENTERPRISE = "enterprise", _("Telecom enterprise or shop")
        OTHER = "other", _("Other lawful sources")

    MEASURES = (RegisterMeasure.SMARTPHONES,)

    priority_class = models.CharField(_("priority class"), max_length=20, choices=PriorityClass.choices)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    phones = models.PositiveIntegerField(_("phones"))
    households = models.PositiveIntegerField(_("households"), null=True, blank=True)
    handed_over_on = models.DateField(_("handed over on"))

    class Meta:
        verbose_name = _("smartphone handover")
        verbose_name_plural = _("smartphone handovers")
        constraints = [
            models.CheckConstraint(
                condition=Q(phones__gte=1),
                name="smartphonehandover_phones_positive",
                violation_error_message=_("A handover gives at least one phone."),
            ),
        ]

    def __str__(self) -> str:
        return _("%(phones)s phones – %(commune)s") % {"phones": self.phones, "commune": self.area}

    def clean(self) -> None:
        super().clean()
        if not self.area_id:
            raise ValidationError({"area": _("Choose the commune the phones were handed over in.")})

    def measure_quantity(self, measure: str) -> int:
        return self.phones if measure == RegisterMeasure.SMARTPHONES else 0

    def achieved_on(self):
        return self.handed_over_on

    def record_title(self) -> str:
        return str(self)


class RegisterEvidence(models.Model):
    """A photo, acceptance minutes (biên bản nghiệm thu) or other file behind an entry; its type
    is checked by content like a progress report's evidence."""

    entry = models.ForeignKey(RegisterEntry, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("file"), upload_to=register_evidence_upload_to, storage=private_storage, max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"))
    caption = models.CharField(_("caption"), max_length=255, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("register evidence file")
        verbose_name_plural = _("register evidence files")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name


REGISTER_MODELS: dict[str, type[RegisterEntry]] = {
    RegisterEntry.Kind.RADIO_WORK: RadioWork,
    RegisterEntry.Kind.TRAINING_COURSE: TrainingCourse,
    RegisterEntry.Kind.MEDIA_PRODUCT: MediaProduct,
    RegisterEntry.Kind.INFO_POINT: InfoPoint,
    RegisterEntry.Kind.PUBLICATION: Publication,
    RegisterEntry.Kind.SMARTPHONES: SmartphoneHandover,
}
