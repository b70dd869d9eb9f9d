"""Places (areas), organisations (units) and the people who work in them.

Areas and units change over time (districts abolished on 1/7/2025, the DIC merged into the
Department of Science and Technology on 1/3/2025), so both carry effective dates instead of
being edited in place. A unit points at its one successor; an area's successions are rows of
their own (`AreaSuccession`), since a commune can be split among several new ones.
"""

from __future__ import annotations

import datetime

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tracker.core.text import vietnamese_sort_key

from .fields import sample_flag, successor_field

official_code_validator = RegexValidator(
    r"^[0-9]{2,5}$",
    _("An official code is 2 to 5 digits, with its leading zeros (e.g. 02, 00118)."),
)


class EffectiveQuerySet(models.QuerySet):
    def in_force(self, on: datetime.date | None = None):
        """Rows valid on a date (today by default): started and not yet ended."""
        on = on or datetime.date.today()
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=on)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=on)
        )


class EffectiveDates(models.Model):
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("The end date cannot be before the start date.")})

    def in_force_on(self, day: datetime.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


class Area(EffectiveDates):
    """A place: province, district, commune (xã/phường/thị trấn) or village (thôn/bản)."""

    class Level(models.IntegerChoices):
        PROVINCE = 1, _("Province")
        DISTRICT = 2, _("District")
        COMMUNE = 3, _("Commune")
        VILLAGE = 4, _("Village")

    class Kind(models.TextChoices):
        """The official kind, which names the area ("Phường Hàm Rồng" is a ward, not a "Xã")."""

        PROVINCE = "tinh", _("Province (tỉnh)")
        CENTRAL_CITY = "thanh_pho_tw", _("Centrally-run city")
        RURAL_DISTRICT = "huyen", _("District (huyện)")
        URBAN_DISTRICT = "quan", _("Urban district (quận)")
        TOWN = "thi_xa", _("Town (thị xã)")
        PROVINCIAL_CITY = "thanh_pho", _("Provincial city")
        COMMUNE = "xa", _("Commune (xã)")
        WARD = "phuong", _("Ward (phường)")
        TOWNSHIP = "thi_tran", _("Township (thị trấn)")
        SPECIAL_ZONE = "dac_khu", _("Special zone (đặc khu)")
        VILLAGE = "thon", _("Village (thôn, bản)")

    class Region(models.TextChoices):
        NONE = "", _("Not classified")
        I = "I", _("Region I")  # noqa: E741 - the official name of the region
        II = "II", _("Region II")
        III = "III", _("Region III")

    name = models.CharField(_("name"), max_length=200)
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, blank=True)
    parent = models.ForeignKey(
        "self", verbose_name=_("parent area"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    # Official codes are strings: their leading zeros matter (QĐ 19/2025/QĐ-TTg).
    code = models.CharField(_("official code"), max_length=5, blank=True, validators=[official_code_validator])
    # Region, border, ĐBKK, island and ethnic-minority status are dated rows of their own
    # (`AreaClassification`), read as in force on a date (`tracker.core.classifications`).
    is_digital_pilot = models.BooleanField(_("digital-transformation pilot"), default=False)
    is_sample = sample_flag()
    history = HistoricalRecords()

    objects = EffectiveQuerySet.as_manager()

    class Meta:
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        ordering = ["level", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["code"],
                condition=Q(valid_to__isnull=True) & ~Q(code=""),
                name="area_code_unique_in_force",
                violation_error_message=_("Another area in force already has this official code."),
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="area_valid_to_after_from",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        if self.parent_id and self.parent and self.level and self.parent.level >= self.level:
            raise ValidationError({"parent": _("The parent area must be at a higher level than this one.")})
        if self.kind and self.level and KIND_LEVEL.get(self.kind) != self.level:
            raise ValidationError({"kind": _("This kind does not fit the area's level.")})

    @property
    def sort_key(self):
        return vietnamese_sort_key(self.name)

    @property
    def kind_label(self) -> str:
        """What the area is, by its official kind when known ("Phường"), else by its level."""
        if self.kind:
            return str(KIND_SHORT_LABELS[self.kind])
        return self.get_level_display()


# The level each kind sits at; a kind that does not fit its area's level is refused.
KIND_LEVEL = {
    Area.Kind.PROVINCE: Area.Level.PROVINCE,
    Area.Kind.CENTRAL_CITY: Area.Level.PROVINCE,
    Area.Kind.RURAL_DISTRICT: Area.Level.DISTRICT,
    Area.Kind.URBAN_DISTRICT: Area.Level.DISTRICT,
    Area.Kind.TOWN: Area.Level.DISTRICT,
    Area.Kind.PROVINCIAL_CITY: Area.Level.DISTRICT,
    Area.Kind.COMMUNE: Area.Level.COMMUNE,
    Area.Kind.WARD: Area.Level.COMMUNE,
    Area.Kind.TOWNSHIP: Area.Level.COMMUNE,
    Area.Kind.SPECIAL_ZONE: Area.Level.COMMUNE,
    Area.Kind.VILLAGE: Area.Level.VILLAGE,
}

# Short labels by kind, as pages and lists show them next to a name.
KIND_SHORT_LABELS = {
    Area.Kind.PROVINCE: _("Province"),
    Area.Kind.CENTRAL_CITY: _("City (centrally run)"),
    Area.Kind.RURAL_DISTRICT: _("District"),
    Area.Kind.URBAN_DISTRICT: _("Urban district"),
    Area.Kind.TOWN: _("Town"),
    Area.Kind.PROVINCIAL_CITY: _("City (provincial)"),
    Area.Kind.COMMUNE: _("Commune"),
    Area.Kind.WARD: _("Ward"),
    Area.Kind.TOWNSHIP: _("Township"),
    Area.Kind.SPECIAL_ZONE: _("Special zone"),
    Area.Kind.VILLAGE: _("Village"),
}

# Name prefixes that say an area's kind, longest first ("Thành phố" is a provincial city
# under a province, a centrally-run city at the top).
KIND_PREFIXES = [
    ("Thành phố ", Area.Level.PROVINCE, Area.Kind.CENTRAL_CITY),
    ("Thành phố ", Area.Level.DISTRICT, Area.Kind.PROVINCIAL_CITY),
    ("Thị trấn ", Area.Level.COMMUNE, Area.Kind.TOWNSHIP),
    ("Thị xã ", Area.Level.DISTRICT, Area.Kind.TOWN),
    ("Đặc khu ", Area.Level.COMMUNE, Area.Kind.SPECIAL_ZONE),
    ("Phường ", Area.Level.COMMUNE, Area.Kind.WARD),
    ("Huyện ", Area.Level.DISTRICT, Area.Kind.RURAL_DISTRICT),
    ("Quận ", Area.Level.DISTRICT, Area.Kind.URBAN_DISTRICT),
    ("Tỉnh ", Area.Level.PROVINCE, Area.Kind.PROVINCE),
    ("Xã ", Area.Level.COMMUNE, Area.Kind.COMMUNE),
]


def kind_from_name(name: str, level: int) -> str:
    """The kind an area's name states ("Phường Hàm Rồng" → ward); blank when it states none."""
    for prefix, prefix_level, kind in KIND_PREFIXES:
        if prefix_level == level and name.startswith(prefix):
            return kind
    return ""


class AreaSuccession(models.Model):
    """One area took over (all or part of) another from a date: a merger, a split or a renaming.

    A commune split among several new ones has one row per new commune (with an optional
    share); several communes merged into one new ward have one row each. The predecessor
    ends the day before `took_over_on`.
    """

    predecessor = models.ForeignKey(
        Area, verbose_name=_("predecessor"), on_delete=models.CASCADE, related_name="successions_out"
    )
    successor = models.ForeignKey(
        Area, verbose_name=_("successor"), on_delete=models.PROTECT, related_name="successions_in"
    )
    took_over_on = models.DateField(_("in force from"))
    decision = models.CharField(
        _("decision"), max_length=120, blank=True, help_text=_("The legal document, e.g. 202/2025/QH15.")
    )
    share = models.PositiveSmallIntegerField(
        _("share (%)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("For a split: the part of the predecessor that went to this successor."),
    )
    note = models.CharField(_("note"), max_length=255, blank=True)
    is_sample = sample_flag()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("area succession")
        verbose_name_plural = _("area successions")
        ordering = ["took_over_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["predecessor", "successor"],
                name="area_succession_unique",
                violation_error_message=_("This succession is already recorded."),
            ),
            models.CheckConstraint(
                condition=~Q(predecessor=models.F("successor")),
                name="area_succession_not_self",
                violation_error_message=_("An area cannot be its own successor."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor} ({self.took_over_on:%d/%m/%Y})"

    def clean(self):
        super().clean()
        if self.predecessor_id and self.predecessor_id == self.successor_id:
            raise ValidationError({"successor": _("An area cannot be its own successor.")})


class AreaClassification(EffectiveDates):
    """A commune's classification for a period, as a decision set it: region I/II/III (QĐ
    861/QĐ-TTg for 2021–2025), border commune, extremely difficult (ĐBKK), island commune,
    ethnic-minority commune. A 2023 report reads the classification in force in 2023, a 2026
    one that in force in 2026 (`tracker.core.classifications`). A classification is ended on
    a date, never deleted; one of the same kind does not overlap it (checked by the service).
    """

    class Kind(models.TextChoices):
        REGION = "region", _("Region (I, II, III)")
        BORDER = "border", _("Border commune")
        EXTREMELY_DIFFICULT = "dbkk", _("Extremely difficult (ĐBKK)")
        ISLAND = "island", _("Island commune")
        ETHNIC_MINORITY = "ethnic", _("Ethnic-minority commune")

    area = models.ForeignKey(Area, verbose_name=_("area"), on_delete=models.PROTECT, related_name="classifications")
    kind = models.CharField(_("classification"), max_length=10, choices=Kind.choices)
    region = models.CharField(
        _("region"), max_length=3, choices=Area.Region.choices, blank=True, help_text=_("For a region only.")
    )
    decision = models.CharField(
        _("decision"),
        max_length=120,
        blank=True,
        help_text=_("The deciding document, e.g. 861/QĐ-TTg. Blank when it is not known."),
    )
    note = models.CharField(_("note"), max_length=255, blank=True)
    is_sample = sample_flag()
    history = HistoricalRecords()

    objects = EffectiveQuerySet.as_manager()

    class Meta:
        verbose_name = _("area classification")
        verbose_name_plural = _("area classifications")
        ordering = ["area", "kind", "valid_from", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="region") & ~Q(region="")) | (~Q(kind="region") & Q(region="")),
                name="areaclassification_region_only_for_region",
                violation_error_message=_("A region classification names the region; the others do not."),
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="areaclassification_valid_to_after_from",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
        ]

    def __str__(self) -> str:
        label = self.get_region_display() if self.kind == self.Kind.REGION else self.get_kind_display()
        return f"{self.area} – {label}"

    def clean(self):
        super().clean()
        if self.kind == self.Kind.REGION and not self.region:
            raise ValidationError({"region": _("Choose the region.")})
        if self.kind != self.Kind.REGION:
            self.region = ""
        if self.area_id and self.area.level != Area.Level.COMMUNE:
            raise ValidationError({"area": _("Classifications apply to communes only.")})


class Unit(EffectiveDates):
    """An organisation that leads, cooperates on or reports on work."""

    class Kind(models.TextChoices):
        DEPARTMENT = "department", _("Department")
        PEOPLES_COMMITTEE = "peoples_committee", _("People's Committee")
        RADIO_TV = "radio_tv", _("Radio-TV station")
        NEWSPAPER = "newspaper", _("Newspaper")
        MEDIA_CENTRE = "media_centre", _("Media centre")
        TELECOM = "telecom", _("Telecom enterprise")
        MASS_ORGANISATION = "mass_organisation", _("Fatherland Front / mass organisation")
        BUSINESS_ASSOCIATION = "business_association", _("Business association")
        MINISTRY = "ministry", _("Ministry / central agency")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=255)
    # The name's Vietnamese collation key (`tracker.core.text.vietnamese_collation_key`), kept
    # by `unit_save`: lists of units are ordered by it in SQL, not sorted per row in Python.
    sort_key = models.CharField(_("sort key"), max_length=2048, blank=True, editable=False, db_index=True)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("parent unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    area = models.ForeignKey(
        Area, verbose_name=_("area"), null=True, blank=True, on_delete=models.PROTECT, related_name="units"
    )
    # Plans often assign duties to a collective ("UBND các phường, xã"); its members are units.
    is_group = models.BooleanField(
        _("group of units"), default=False, help_text=_("A collective named in a plan, e.g. the communes' committees.")
    )
    members = models.ManyToManyField(
        "self", verbose_name=_("members"), symmetrical=False, blank=True, related_name="groups"
    )
    email = models.EmailField(_("e-mail"), blank=True)
    # How the unit signs the reports it issues (NĐ 30/2020): the form asking for a report
    # starts from these, not from whatever the previous report happened to say.
    signing_authority = models.CharField(
        _("signing authority"),
        max_length=120,
        blank=True,
        help_text=_("On the unit's reports, e.g. KT. GIÁM ĐỐC; separate several lines with /."),
    )
    signer_title = models.CharField(_("signer's title"), max_length=120, blank=True)
    signer_name = models.CharField(_("signer"), max_length=120, blank=True)
    drafting_division = models.CharField(
        _("drafting division (abbreviation)"),
        max_length=40,
        blank=True,
        help_text=_("The division that drafts the unit's reports, as in 'Lưu: VT, KHTC.', e.g. KHTC."),
    )
    # The unit's officers as a Group: object rights are granted to it, so an officer who joins
    # or leaves the unit gains or loses them at once.
    officer_group = models.OneToOneField(
        "auth.Group", null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="unit"
    )
    successor = successor_field()
    is_sample = sample_flag()
    history = HistoricalRecords(excluded_fields=["officer_group", "sort_key"])

    objects = EffectiveQuerySet.as_manager()

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["name"],
                condition=Q(valid_to__isnull=True),
                name="unit_name_unique_in_force",
                violation_error_message=_("Another unit in force already has this name."),
            ),
            models.CheckConstraint(
                condition=~Q(kind="peoples_committee") | Q(area__isnull=False) | Q(is_group=True),
                name="unit_peoples_committee_has_area",
                violation_error_message=_("A People's Committee must belong to an area."),
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="unit_valid_to_after_from",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        if self.kind == self.Kind.PEOPLES_COMMITTEE and not self.area_id and not self.is_group:
            raise ValidationError({"area": _("A People's Committee must belong to an area.")})
        if self.parent_id and self.parent_id == self.pk:
            raise ValidationError({"parent": _("A unit cannot be its own parent.")})


class User(AbstractUser):
    """A person using the tracker; unit officers belong to one unit."""

    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="users"
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    wants_digest = models.BooleanField(
        _("e-mail me what is due"),
        default=True,
        help_text=_("A digest of what is due in the next 7 days and what is overdue."),
    )
    # Set when a digest went out, so a second run on the same day (a retried beat, a manual
    # send_reminders) does not send it twice.
    last_digest_on = models.DateField(_("last digest sent"), null=True, blank=True, editable=False)
    # The same for the escalations to DIC managers: recorded when one went out, not re-sent
    # the same day.
    last_escalation_on = models.DateField(_("last escalation sent"), null=True, blank=True, editable=False)
    # How many of the person's notifications are unread: the bell in the header shows it with
    # no query of its own (the user row is read for every page anyway). Recounted from the rows
    # by `tracker.notifications.services` whenever a notification is written or read.
    unread_notifications = models.PositiveIntegerField(_("unread notifications"), default=0, editable=False)
    # Who changed a person's name, e-mail, unit, roles or active state (roles in the reason);
    # the password and the bookkeeping of logins, digests and notifications are not history.
    history = HistoricalRecords(
        excluded_fields=["password", "last_login", "last_digest_on", "last_escalation_on", "unread_notifications"]
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def get_full_name(self) -> str:
        # Vietnamese names read family name first: "Nguyễn Thị Lan", not "Lan Nguyễn Thị".
        return f"{self.last_name} {self.first_name}".strip()
