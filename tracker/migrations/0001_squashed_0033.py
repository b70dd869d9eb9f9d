"""Migrations 0001–0033 in one: what a new database gets from them, built in one step.

The tracker's 33 migrations took half of the time of migrating a new database (the state of
every related model rendered again at each of ~370 operations: 37 of 75 s on SQLite), which the
test suite pays once per worker and database. This migration is the models' state at 0033 as
`makemigrations` writes it for a new app, plus the data steps a new database needs from the
replaced ones, taken from their own modules: the roles and content types (0002, 0020, 0028) and
PostgreSQL's `unaccent` (0018). Their other data steps (0014, 0017, 0025, 0032) convert rows
that a new database does not have. A database that applied some of 0001–0033 goes on with them
(Django uses a squashed migration only where none of those it replaces was applied); once every
installation has passed 0033, they can go, with their data functions copied here.
"""

import importlib

import django.contrib.auth.models
import django.contrib.auth.validators
import django.core.serializers.json
import django.core.validators
import django.db.models.deletion
import django.db.models.functions.comparison
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models

import tracker.core.files
import tracker.models.progress


def _replaced(name: str):
    """A replaced migration's module (its name starts with a digit: no plain import)."""
    return importlib.import_module(f"tracker.migrations.{name}")


class Migration(migrations.Migration):
    initial = True
    replaces = [
        ("tracker", "0001_initial"),
        ("tracker", "0002_roles_and_content_types"),
        ("tracker", "0003_progress_reports_and_object_permissions"),
        ("tracker", "0004_user_last_digest_on"),
        ("tracker", "0005_output_records_and_counted_from"),
        ("tracker", "0006_generated_reports"),
        ("tracker", "0007_registers"),
        ("tracker", "0008_reporting_obligations_and_protected_work"),
        ("tracker", "0009_security_log"),
        ("tracker", "0010_job_leases"),
        ("tracker", "0011_last_escalation_on"),
        ("tracker", "0012_private_files"),
        ("tracker", "0013_free_text_length_limits"),
        ("tracker", "0014_area_kind_and_successions"),
        ("tracker", "0015_reference_data_pages"),
        ("tracker", "0016_plan_imports"),
        ("tracker", "0017_output_record_sample"),
        ("tracker", "0018_unaccent_extension"),
        ("tracker", "0019_generatedreport_monitoring_kind"),
        ("tracker", "0020_tt06_content_types"),
        ("tracker", "0021_planimport_read_as_xlsx"),
        ("tracker", "0022_unit_report_signer"),
        ("tracker", "0023_reportingrule_due_following_month"),
        ("tracker", "0024_area_classifications"),
        ("tracker", "0025_area_flags_to_classifications"),
        ("tracker", "0026_remove_area_flags"),
        ("tracker", "0027_signed_report_copy"),
        ("tracker", "0028_national_monitor_role"),
        ("tracker", "0029_progress_nothing_to_report_and_photo_size"),
        ("tracker", "0030_notifications"),
        ("tracker", "0031_obligations_and_unit_sort_key"),
        ("tracker", "0032_unit_sort_keys"),
        ("tracker", "0033_progressreport_latest_moment"),
    ]

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.CreateModel(
            name="ActivityType",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("code", models.SlugField(max_length=40, unique=True, verbose_name="code")),
                ("name", models.CharField(max_length=255, verbose_name="name")),
                ("output_measure", models.CharField(blank=True, max_length=255, verbose_name="output measured in")),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
            ],
            options={
                "verbose_name": "content type",
                "verbose_name_plural": "content types",
                "ordering": ["order", "name"],
            },
        ),
        migrations.CreateModel(
            name="RegisterEntry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("radio_work", "Commune radio work"),
                            ("training_course", "Training course"),
                            ("media_product", "Media product"),
                            ("info_point", "Public information point"),
                            ("publication", "Publication"),
                            ("smartphones", "Smartphones handed over"),
                        ],
                        editable=False,
                        max_length=20,
                        verbose_name="register",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Draft"),
                            ("submitted", "Submitted"),
                            ("accepted", "Accepted"),
                            ("returned", "Returned for correction"),
                        ],
                        default="draft",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                (
                    "return_reason",
                    models.TextField(
                        blank=True,
                        max_length=5000,
                        validators=[django.core.validators.MaxLengthValidator(5000)],
                        verbose_name="reason for returning",
                    ),
                ),
                (
                    "note",
                    models.TextField(
                        blank=True,
                        max_length=5000,
                        validators=[django.core.validators.MaxLengthValidator(5000)],
                        verbose_name="note",
                    ),
                ),
                (
                    "is_sample",
                    models.BooleanField(
                        default=False,
                        help_text="Made up for the demonstration; not an official figure.",
                        verbose_name="sample data",
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="entered")),
                ("submitted_at", models.DateTimeField(blank=True, null=True, verbose_name="submitted")),
                ("reviewed_at", models.DateTimeField(blank=True, null=True, verbose_name="reviewed")),
            ],
            options={
                "verbose_name": "register entry",
                "verbose_name_plural": "register entries",
                "ordering": ["-created_at", "-id"],
            },
        ),
        migrations.CreateModel(
            name="RadioWorkVillage",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("village", models.CharField(max_length=200, verbose_name="village")),
                (
                    "technology",
                    models.CharField(
                        choices=[("wired", "Wired"), ("fm", "FM wireless"), ("ip", "IP / ICT-based")],
                        default="ip",
                        max_length=5,
                        verbose_name="technology",
                    ),
                ),
                ("clusters", models.PositiveIntegerField(default=1, verbose_name="clusters")),
            ],
            options={
                "verbose_name": "village served",
                "verbose_name_plural": "villages served",
                "ordering": ["id"],
            },
        ),
        migrations.CreateModel(
            name="TrainingMaterial",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("title", models.CharField(max_length=300, verbose_name="material")),
                (
                    "medium",
                    models.CharField(
                        choices=[("print", "Print"), ("electronic", "Electronic")],
                        default="print",
                        max_length=10,
                        verbose_name="form",
                    ),
                ),
                (
                    "language",
                    models.CharField(
                        choices=[
                            ("vi", "Tiếng Việt"),
                            ("tyz", "Tiếng Tày"),
                            ("nut", "Tiếng Nùng"),
                            ("blt", "Tiếng Thái"),
                            ("hmn", "Tiếng H'Mông"),
                            ("ium", "Tiếng Dao"),
                            ("km", "Tiếng Khmer"),
                            ("rad", "Tiếng Ê Đê"),
                            ("jra", "Tiếng Gia Rai"),
                            ("bdq", "Tiếng Ba Na"),
                            ("cjm", "Tiếng Chăm"),
                            ("ktv", "Tiếng Cơ Tu"),
                            ("tth", "Tiếng Tà Ôi"),
                            ("pac", "Tiếng Pa Cô"),
                            ("bru", "Tiếng Bru - Vân Kiều"),
                        ],
                        default="vi",
                        max_length=5,
                        verbose_name="language",
                    ),
                ),
            ],
            options={
                "verbose_name": "training material",
                "verbose_name_plural": "training materials",
                "ordering": ["id"],
            },
        ),
        migrations.CreateModel(
            name="User",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("password", models.CharField(max_length=128, verbose_name="password")),
                ("last_login", models.DateTimeField(blank=True, null=True, verbose_name="last login")),
                (
                    "is_superuser",
                    models.BooleanField(
                        default=False,
                        help_text="Designates that this user has all permissions without explicitly assigning them.",
                        verbose_name="superuser status",
                    ),
                ),
                (
                    "username",
                    models.CharField(
                        error_messages={"unique": "A user with that username already exists."},
                        help_text="Required. 150 characters or fewer. Letters, digits and @/./+/-/_ only.",
                        max_length=150,
                        unique=True,
                        validators=[django.contrib.auth.validators.UnicodeUsernameValidator()],
                        verbose_name="username",
                    ),
                ),
                ("first_name", models.CharField(blank=True, max_length=150, verbose_name="first name")),
                ("last_name", models.CharField(blank=True, max_length=150, verbose_name="last name")),
                ("email", models.EmailField(blank=True, max_length=254, verbose_name="email address")),
                (
                    "is_staff",
                    models.BooleanField(
                        default=False,
                        help_text="Designates whether the user can log into this admin site.",
                        verbose_name="staff status",
                    ),
                ),
                (
                    "is_active",
                    models.BooleanField(
                        default=True,
                        help_text="Designates whether this user should be treated as active. Unselect this instead of deleting accounts.",
                        verbose_name="active",
                    ),
                ),
                ("date_joined", models.DateTimeField(default=django.utils.timezone.now, verbose_name="date joined")),
                ("phone", models.CharField(blank=True, max_length=30, verbose_name="phone")),
                (
                    "wants_digest",
                    models.BooleanField(
                        default=True,
                        help_text="A digest of what is due in the next 7 days and what is overdue.",
                        verbose_name="e-mail me what is due",
                    ),
                ),
                (
                    "last_digest_on",
                    models.DateField(blank=True, editable=False, null=True, verbose_name="last digest sent"),
                ),
                (
                    "last_escalation_on",
                    models.DateField(blank=True, editable=False, null=True, verbose_name="last escalation sent"),
                ),
                (
                    "unread_notifications",
                    models.PositiveIntegerField(default=0, editable=False, verbose_name="unread notifications"),
                ),
                (
                    "groups",
                    models.ManyToManyField(
                        blank=True,
                        help_text="The groups this user belongs to. A user will get all permissions granted to each of their groups.",
                        related_name="user_set",
                        related_query_name="user",
                        to="auth.group",
                        verbose_name="groups",
                    ),
                ),
                (
                    "user_permissions",
                    models.ManyToManyField(
                        blank=True,
                        help_text="Specific permissions for this user.",
                        related_name="user_set",
                        related_query_name="user",
                        to="auth.permission",
                        verbose_name="user permissions",
                    ),
                ),
            ],
            options={
                "verbose_name": "user",
                "verbose_name_plural": "users",
            },
            managers=[
                ("objects", django.contrib.auth.models.UserManager()),
            ],
        ),
        migrations.CreateModel(
            name="Area",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("valid_from", models.DateField(blank=True, null=True, verbose_name="valid from")),
                ("valid_to", models.DateField(blank=True, null=True, verbose_name="valid to")),
                ("name", models.CharField(max_length=200, verbose_name="name")),
                (
                    "level",
                    models.PositiveSmallIntegerField(
                        choices=[(1, "Province"), (2, "District"), (3, "Commune"), (4, "Village")], verbose_name="level"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("tinh", "Province (tỉnh)"),
                            ("thanh_pho_tw", "Centrally-run city"),
                            ("huyen", "District (huyện)"),
                            ("quan", "Urban district (quận)"),
                            ("thi_xa", "Town (thị xã)"),
                            ("thanh_pho", "Provincial city"),
                            ("xa", "Commune (xã)"),
                            ("phuong", "Ward (phường)"),
                            ("thi_tran", "Township (thị trấn)"),
                            ("dac_khu", "Special zone (đặc khu)"),
                            ("thon", "Village (thôn, bản)"),
                        ],
                        max_length=20,
                        verbose_name="kind",
                    ),
                ),
                (
                    "code",
                    models.CharField(
                        blank=True,
                        max_length=5,
                        validators=[
                            django.core.validators.RegexValidator(
                                "^[0-9]{2,5}$",
                                "An official code is 2 to 5 digits, with its leading zeros (e.g. 02, 00118).",
                            )
                        ],
                        verbose_name="official code",
                    ),
                ),
                ("is_digital_pilot", models.BooleanField(default=False, verbose_name="digital-transformation pilot")),
                (
                    "is_sample",
                    models.BooleanField(
                        default=False,
                        help_text="Invented for the demo; not an official fact.",
                        verbose_name="sample data",
                    ),
                ),
                (
                    "parent",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="children",
                        to="tracker.area",
                        verbose_name="parent area",
                    ),
                ),
            ],
            options={
                "verbose_name": "area",
                "verbose_name_plural": "areas",
                "ordering": ["level", "name"],
            },
        ),
        migrations.CreateModel(
            name="Activity",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "section_code",
                    models.CharField(
                        help_text="As numbered in the plan, e.g. 2.3.", max_length=20, verbose_name="section"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                (
                    "title",
                    models.TextField(
                        max_length=2000,
                        validators=[django.core.validators.MaxLengthValidator(2000)],
                        verbose_name="title",
                    ),
                ),
                (
                    "description",
                    models.TextField(
                        blank=True,
                        max_length=20000,
                        validators=[django.core.validators.MaxLengthValidator(20000)],
                        verbose_name="description",
                    ),
                ),
                ("start_date", models.DateField(blank=True, null=True, verbose_name="start")),
                ("due_date", models.DateField(blank=True, null=True, verbose_name="deadline")),
                (
                    "schedule_note",
                    models.CharField(
                        blank=True,
                        help_text="E.g. 'Năm 2023 – 2025'.",
                        max_length=255,
                        verbose_name="timing as written",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("not_started", "Not started"),
                            ("in_progress", "In progress"),
                            ("completed", "Completed"),
                            ("cancelled", "Cancelled"),
                        ],
                        default="not_started",
                        max_length=12,
                        verbose_name="status",
                    ),
                ),
                (
                    "activity_type",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="activities",
                        to="tracker.activitytype",
                        verbose_name="content type",
                    ),
                ),
                (
                    "area",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="activities",
                        to="tracker.area",
                        verbose_name="area",
                    ),
                ),
            ],
            options={
                "verbose_name": "activity",
                "verbose_name_plural": "activities",
                "ordering": ["plan", "order", "section_code"],
                "permissions": [("oversee_activity", "Can see and comment on every task of the activity")],
            },
        ),
        migrations.CreateModel(
            name="AreaClassification",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("valid_from", models.DateField(blank=True, null=True, verbose_name="valid from")),
                ("valid_to", models.DateField(blank=True, null=True, verbose_name="valid to")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("region", "Region (I, II, III)"),
                            ("border", "Border commune"),
                            ("dbkk", "Extremely difficult (ĐBKK)"),
                            ("island", "Island commune"),
                            ("ethnic", "Ethnic-minority commune"),
                        ],
                        max_length=10,
                        verbose_name="classification",
                    ),
                ),
                (
                    "region",
                    models.CharField(
                        blank=True,
                        choices=[("", "Not classified"), ("I", "Region I"), ("II", "Region II"), ("III", "Region III")],
                        help_text="For a region only.",
                        max_length=3,
                        verbose_name="region",
                    ),
                ),
                (
                    "decision",
                    models.CharField(
                        blank=True,
                        help_text="The deciding document, e.g. 861/QĐ-TTg. Blank when it is not known.",
                        max_length=120,
                        verbose_name="decision",
                    ),
                ),
                ("note", models.CharField(blank=True, max_length=255, verbose_name="note")),
                (
                    "is_sample",
                    models.BooleanField(
                        default=False,
                        help_text="Invented for the demo; not an official fact.",
                        verbose_name="sample data",
                    ),
                ),
                (
                    "area",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="classifications",
                        to="tracker.area",
                        verbose_name="area",
                    ),
                ),
            ],
            options={
                "verbose_name": "area classification",
                "verbose_name_plural": "area classifications",
                "ordering": ["area", "kind", "valid_from", "pk"],
            },
        ),
        migrations.CreateModel(
            name="AreaSuccession",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("took_over_on", models.DateField(verbose_name="in force from")),
                (
                    "decision",
                    models.CharField(
                        blank=True,
                        help_text="The legal document, e.g. 202/2025/QH15.",
                        max_length=120,
                        verbose_name="decision",
                    ),
                ),
                (
                    "share",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="For a split: the part of the predecessor that went to this successor.",
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(100),
                        ],
                        verbose_name="share (%)",
                    ),
                ),
                ("note", models.CharField(blank=True, max_length=255, verbose_name="note")),
                (
                    "is_sample",
                    models.BooleanField(
                        default=False,
                        help_text="Invented for the demo; not an official fact.",
                        verbose_name="sample data",
                    ),
                ),
                (
                    "predecessor",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="successions_out",
                        to="tracker.area",
                        verbose_name="predecessor",
                    ),
                ),
                (
                    "successor",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="successions_in",
                        to="tracker.area",
                        verbose_name="successor",
                    ),
                ),
            ],
            options={
                "verbose_name": "area succession",
                "verbose_name_plural": "area successions",
                "ordering": ["took_over_on", "pk"],
            },
        ),
        migrations.CreateModel(
            name="AuthEvent",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("at", models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name="time")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("login", "Logged in"),
                            ("login_failed", "Wrong user name or password"),
                            ("locked_out", "Locked out after repeated failed logins"),
                            ("logout", "Logged out"),
                            ("session_expired", "Session expired"),
                            ("mfa_verified", "Second factor verified"),
                            ("mfa_failed", "Wrong second-factor code"),
                            ("mfa_enrolled", "Authenticator app set up"),
                            ("mfa_removed", "Authenticator app removed"),
                            ("recovery_codes_renewed", "Recovery codes renewed"),
                            ("roles_changed", "Roles changed"),
                        ],
                        max_length=32,
                        verbose_name="event",
                    ),
                ),
                ("username", models.CharField(blank=True, max_length=150, verbose_name="user name")),
                ("ip_address", models.GenericIPAddressField(blank=True, null=True, verbose_name="address")),
                ("user_agent", models.CharField(blank=True, max_length=300, verbose_name="browser")),
                ("detail", models.CharField(blank=True, max_length=300, verbose_name="detail")),
                (
                    "actor",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="changed by",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="auth_events",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="account",
                    ),
                ),
            ],
            options={
                "verbose_name": "security event",
                "verbose_name_plural": "security events",
                "ordering": ["-at", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="GeneratedReport",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("progress", "Progress report"),
                            ("targets", "Targets and results by area"),
                            ("unit", "A unit's report on its tasks"),
                            ("budget", "Budget execution by funding source"),
                            ("monitoring", "Monitoring report (Form 01, Circular 10/2022/TT-BLĐTBXH)"),
                        ],
                        max_length=20,
                        verbose_name="report",
                    ),
                ),
                (
                    "period_type",
                    models.CharField(
                        choices=[
                            ("month", "Month"),
                            ("half_year", "First six months"),
                            ("year", "Year"),
                            ("custom", "Other period"),
                        ],
                        max_length=10,
                        verbose_name="period covered",
                    ),
                ),
                ("period_start", models.DateField(verbose_name="period from")),
                ("period_end", models.DateField(verbose_name="period to")),
                (
                    "parameters",
                    models.JSONField(
                        blank=True,
                        default=dict,
                        encoder=django.core.serializers.json.DjangoJSONEncoder,
                        verbose_name="parameters",
                    ),
                ),
                ("title", models.CharField(blank=True, max_length=500, verbose_name="document summary")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("queued", "Waiting"),
                            ("running", "Being generated"),
                            ("done", "Ready"),
                            ("failed", "Failed"),
                        ],
                        default="queued",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                ("progress", models.PositiveSmallIntegerField(default=0, verbose_name="progress (%)")),
                ("error_message", models.TextField(blank=True, verbose_name="error")),
                (
                    "snapshot",
                    models.JSONField(
                        blank=True,
                        encoder=django.core.serializers.json.DjangoJSONEncoder,
                        null=True,
                        verbose_name="figures as generated",
                    ),
                ),
                (
                    "pdf",
                    models.FileField(
                        blank=True,
                        max_length=200,
                        storage=tracker.core.files.private_storage,
                        upload_to=tracker.core.files.generated_report_upload_to,
                        verbose_name="PDF file",
                    ),
                ),
                ("pdf_sha256", models.CharField(blank=True, max_length=64, verbose_name="PDF SHA-256")),
                (
                    "xlsx",
                    models.FileField(
                        blank=True,
                        max_length=200,
                        storage=tracker.core.files.private_storage,
                        upload_to=tracker.core.files.generated_report_upload_to,
                        verbose_name="Excel file",
                    ),
                ),
                ("xlsx_sha256", models.CharField(blank=True, max_length=64, verbose_name="Excel SHA-256")),
                ("page_count", models.PositiveIntegerField(blank=True, null=True, verbose_name="pages")),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="asked for")),
                ("started_at", models.DateTimeField(blank=True, null=True, verbose_name="started")),
                ("finished_at", models.DateTimeField(blank=True, null=True, verbose_name="finished")),
                ("lease_expires_at", models.DateTimeField(blank=True, null=True, verbose_name="lease expires at")),
                ("attempts", models.PositiveSmallIntegerField(default=0, verbose_name="attempts")),
                (
                    "created_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="produced by",
                    ),
                ),
            ],
            options={
                "verbose_name": "generated report",
                "verbose_name_plural": "generated reports",
                "ordering": ["-created_at", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalArea",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("valid_from", models.DateField(blank=True, null=True, verbose_name="valid from")),
                ("valid_to", models.DateField(blank=True, null=True, verbose_name="valid to")),
                ("name", models.CharField(max_length=200, verbose_name="name")),
                (
                    "level",
                    models.PositiveSmallIntegerField(
                        choices=[(1, "Province"), (2, "District"), (3, "Commune"), (4, "Village")], verbose_name="level"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("tinh", "Province (tỉnh)"),
                            ("thanh_pho_tw", "Centrally-run city"),
                            ("huyen", "District (huyện)"),
                            ("quan", "Urban district (quận)"),
                            ("thi_xa", "Town (thị xã)"),
                            ("thanh_pho", "Provincial city"),
                            ("xa", "Commune (xã)"),
                            ("phuong", "Ward (phường)"),
                            ("thi_tran", "Township (thị trấn)"),
                            ("dac_khu", "Special zone (đặc khu)"),
                            ("thon", "Village (thôn, bản)"),
                        ],
                        max_length=20,
                        verbose_name="kind",
                    ),
                ),
                (
                    "code",
                    models.CharField(
                        blank=True,
                        max_length=5,
                        validators=[
                            django.core.validators.RegexValidator(
                                "^[0-9]{2,5}$",
                                "An official code is 2 to 5 digits, with its leading zeros (e.g. 02, 00118).",
                            )
                        ],
                        verbose_name="official code",
                    ),
                ),
                ("is_digital_pilot", models.BooleanField(default=False, verbose_name="digital-transformation pilot")),
                (
                    "is_sample",
                    models.BooleanField(
                        default=False,
                        help_text="Invented for the demo; not an official fact.",
                        verbose_name="sample data",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "parent",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.area",
                        verbose_name="parent area",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical area",
                "verbose_name_plural": "historical areas",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalAreaClassification",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("valid_from", models.DateField(blank=True, null=True, verbose_name="valid from")),
                ("valid_to", models.DateField(blank=True, null=True, verbose_name="valid to")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("region", "Region (I, II, III)"),
                            ("border", "Border commune"),
                            ("dbkk", "Extremely difficult (ĐBKK)"),
                            ("island", "Island commune"),
                            ("ethnic", "Ethnic-minority commune"),
                        ],
                        max_length=10,
                        verbose_name="classification",
                    ),
                ),
                (
                    "region",
                    models.CharField(
                        blank=True,
                        choices=[("", "Not classified"), ("I", "Region I"), ("II", "Region II"), ("III", "Region III")],
                        help_text="For a region only.",
                        max_length=3,
                        verbose_name="region",
                    ),
                ),
                (
                    "decision",
                    models.CharField(
                        blank=True,
                        help_text="The deciding document, e.g. 861/QĐ-TTg. Blank when it is not known.",
                        max_length=120,
                        verbose_name="decision",
                    ),
                ),
                ("note", models.CharField(blank=True, max_length=255, verbose_name="note")),
                (
                    "is_sample",
                    models.BooleanField(
                        default=False,
                        help_text="Invented for the demo; not an official fact.",
                        verbose_name="sample data",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "area",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.area",
                        verbose_name="area",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical area classification",
                "verbose_name_plural": "historical area classifications",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalAreaSuccession",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("took_over_on", models.DateField(verbose_name="in force from")),
                (
                    "decision",
                    models.CharField(
                        blank=True,
                        help_text="The legal document, e.g. 202/2025/QH15.",
                        max_length=120,
                        verbose_name="decision",
                    ),
                ),
                (
                    "share",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="For a split: the part of the predecessor that went to this successor.",
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(100),
                        ],
                        verbose_name="share (%)",
                    ),
                ),
                ("note", models.CharField(blank=True, max_length=255, verbose_name="note")),
                (
                    "is_sample",
                    models.BooleanField(
                        default=False,
                        help_text="Invented for the demo; not an official fact.",
                        verbose_name="sample data",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "predecessor",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.area",
                        verbose_name="predecessor",
                    ),
                ),
                (
                    "successor",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.area",
                        verbose_name="successor",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical area succession",
                "verbose_name_plural": "historical area successions",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalIndicator",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("code", models.SlugField(blank=True, max_length=60, verbose_name="code")),
                ("name", models.CharField(max_length=300, verbose_name="name")),
                ("unit_of_measure", models.CharField(max_length=50, verbose_name="unit of measure")),
                (
                    "description",
                    models.TextField(
                        blank=True,
                        help_text="E.g. poor households that have no telephone or internet.",
                        verbose_name="what it counts",
                    ),
                ),
                (
                    "role",
                    models.CharField(
                        choices=[("target", "Target"), ("baseline", "Baseline figure")],
                        default="target",
                        max_length=10,
                        verbose_name="role",
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                ("valid_to", models.DateField(blank=True, null=True, verbose_name="no longer used from")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical indicator",
                "verbose_name_plural": "historical indicators",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalLegalDocument",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("law", "Law / resolution of the National Assembly"),
                            ("decree", "Decree (Nghị định)"),
                            ("decision", "Decision (Quyết định)"),
                            ("circular", "Circular (Thông tư)"),
                            ("resolution", "Resolution (Nghị quyết)"),
                            ("plan", "Plan (Kế hoạch)"),
                            ("official_letter", "Official letter (Công văn)"),
                            ("notice", "Notice (Thông báo)"),
                            ("other", "Other"),
                        ],
                        max_length=20,
                        verbose_name="kind",
                    ),
                ),
                (
                    "number_symbol",
                    models.CharField(
                        blank=True,
                        help_text="As written, e.g. 2269/QĐ-TTg.",
                        max_length=60,
                        verbose_name="number and symbol",
                    ),
                ),
                ("issued_on", models.DateField(blank=True, null=True, verbose_name="date issued")),
                ("issuer", models.CharField(max_length=255, verbose_name="issued by")),
                (
                    "title",
                    models.TextField(
                        max_length=2000,
                        validators=[django.core.validators.MaxLengthValidator(2000)],
                        verbose_name="title",
                    ),
                ),
                ("file", models.TextField(blank=True, max_length=100, verbose_name="file")),
                ("valid_to", models.DateField(blank=True, null=True, verbose_name="no longer in force from")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical legal document",
                "verbose_name_plural": "historical legal documents",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalRadioStation",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("name", models.CharField(blank=True, max_length=200, verbose_name="name")),
                ("is_sample", models.BooleanField(default=False, verbose_name="sample data")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "commune",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        limit_choices_to={"level": 3},
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.area",
                        verbose_name="commune",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical commune radio station",
                "verbose_name_plural": "historical commune radio stations",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalRadioWorkVillage",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("village", models.CharField(max_length=200, verbose_name="village")),
                (
                    "technology",
                    models.CharField(
                        choices=[("wired", "Wired"), ("fm", "FM wireless"), ("ip", "IP / ICT-based")],
                        default="ip",
                        max_length=5,
                        verbose_name="technology",
                    ),
                ),
                ("clusters", models.PositiveIntegerField(default=1, verbose_name="clusters")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical village served",
                "verbose_name_plural": "historical villages served",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalSignedReportCopy",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("file", models.TextField(max_length=200, verbose_name="signed PDF")),
                ("original_name", models.CharField(blank=True, max_length=255, verbose_name="file name")),
                ("sha256", models.CharField(max_length=64, verbose_name="SHA-256")),
                (
                    "verdict",
                    models.CharField(
                        choices=[
                            ("valid_trusted", "Signatures valid, certificate trusted"),
                            ("valid_untrusted", "Signatures intact, certificate not from a trusted root"),
                            ("invalid", "A signature is broken or the file was changed after signing"),
                            ("unsigned", "No digital signature found"),
                        ],
                        max_length=20,
                        verbose_name="verification",
                    ),
                ),
                (
                    "signatures",
                    models.JSONField(
                        blank=True,
                        default=list,
                        encoder=django.core.serializers.json.DjangoJSONEncoder,
                        verbose_name="signatures",
                    ),
                ),
                ("uploaded_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="attached at")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "report",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.generatedreport",
                        verbose_name="report",
                    ),
                ),
                (
                    "uploaded_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="attached by",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical signed copy",
                "verbose_name_plural": "historical signed copies",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalTrainee",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("full_name", models.CharField(max_length=200, verbose_name="full name")),
                (
                    "gender",
                    models.CharField(
                        choices=[("female", "Female"), ("male", "Male")], max_length=6, verbose_name="gender"
                    ),
                ),
                ("is_ethnic_minority", models.BooleanField(default=False, verbose_name="ethnic minority")),
                ("workplace", models.CharField(blank=True, max_length=255, verbose_name="unit")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "commune",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.area",
                        verbose_name="commune",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical trainee",
                "verbose_name_plural": "historical trainees",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalTrainingMaterial",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("title", models.CharField(max_length=300, verbose_name="material")),
                (
                    "medium",
                    models.CharField(
                        choices=[("print", "Print"), ("electronic", "Electronic")],
                        default="print",
                        max_length=10,
                        verbose_name="form",
                    ),
                ),
                (
                    "language",
                    models.CharField(
                        choices=[
                            ("vi", "Tiếng Việt"),
                            ("tyz", "Tiếng Tày"),
                            ("nut", "Tiếng Nùng"),
                            ("blt", "Tiếng Thái"),
                            ("hmn", "Tiếng H'Mông"),
                            ("ium", "Tiếng Dao"),
                            ("km", "Tiếng Khmer"),
                            ("rad", "Tiếng Ê Đê"),
                            ("jra", "Tiếng Gia Rai"),
                            ("bdq", "Tiếng Ba Na"),
                            ("cjm", "Tiếng Chăm"),
                            ("ktv", "Tiếng Cơ Tu"),
                            ("tth", "Tiếng Tà Ôi"),
                            ("pac", "Tiếng Pa Cô"),
                            ("bru", "Tiếng Bru - Vân Kiều"),
                        ],
                        default="vi",
                        max_length=5,
                        verbose_name="language",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical training material",
                "verbose_name_plural": "historical training materials",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Indicator",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("code", models.SlugField(blank=True, max_length=60, verbose_name="code")),
                ("name", models.CharField(max_length=300, verbose_name="name")),
                ("unit_of_measure", models.CharField(max_length=50, verbose_name="unit of measure")),
                (
                    "description",
                    models.TextField(
                        blank=True,
                        help_text="E.g. poor households that have no telephone or internet.",
                        verbose_name="what it counts",
                    ),
                ),
                (
                    "role",
                    models.CharField(
                        choices=[("target", "Target"), ("baseline", "Baseline figure")],
                        default="target",
                        max_length=10,
                        verbose_name="role",
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                ("valid_to", models.DateField(blank=True, null=True, verbose_name="no longer used from")),
            ],
            options={
                "verbose_name": "indicator",
                "verbose_name_plural": "indicators",
                "ordering": ["order", "name"],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("code", ""), _negated=True),
                        fields=("code",),
                        name="indicator_code_unique",
                        violation_error_message="Another indicator already has this code.",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="HistoricalOutputIndicator",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("name", models.CharField(max_length=300, verbose_name="output")),
                ("unit_of_measure", models.CharField(max_length=50, verbose_name="unit of measure")),
                (
                    "planned_quantity",
                    models.BigIntegerField(
                        blank=True,
                        help_text="Leave blank where the plan gives no figure.",
                        null=True,
                        verbose_name="planned quantity",
                    ),
                ),
                (
                    "counted_from",
                    models.CharField(
                        choices=[("reports", "Progress reports"), ("records", "Records of published products")],
                        default="reports",
                        help_text="Progress reports: units enter the quantity in their reports. Records: counted automatically from published products (e.g. articles on the campaign site); units do not enter it.",
                        max_length=10,
                        verbose_name="counted from",
                    ),
                ),
                (
                    "register_measure",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("radio.stations_established", "Commune radio stations newly established"),
                            ("radio.works", "Commune radio works accepted"),
                            ("radio.ip_clusters", "IP loudspeaker clusters added"),
                            ("training.courses", "Training courses held"),
                            ("training.trainees", "Trainees (attendances)"),
                            ("training.materials", "Training materials produced"),
                            ("media.products", "Media products produced"),
                            ("info_points.points", "Public information points supported"),
                            ("publications.titles", "Publication titles"),
                            ("publications.copies", "Publication copies"),
                            ("smartphones.phones", "Smartphones handed over"),
                        ],
                        help_text="For an output counted from records: which accepted register entries of the activity count towards it, and how. Leave blank for products linked one by one (articles on the campaign site).",
                        max_length=30,
                        verbose_name="counted from the register",
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "activity",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.activity",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "indicator",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.indicator",
                        verbose_name="counts towards indicator",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical output indicator",
                "verbose_name_plural": "historical output indicators",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="InfoPoint",
            fields=[
                (
                    "registerentry_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to="tracker.registerentry",
                    ),
                ),
                ("name", models.CharField(max_length=255, verbose_name="postal point")),
                (
                    "services",
                    models.TextField(
                        blank=True,
                        max_length=5000,
                        validators=[django.core.validators.MaxLengthValidator(5000)],
                        verbose_name="services offered",
                    ),
                ),
                (
                    "equipment",
                    models.TextField(
                        blank=True,
                        max_length=5000,
                        validators=[django.core.validators.MaxLengthValidator(5000)],
                        verbose_name="equipment",
                    ),
                ),
                ("opened_on", models.DateField(verbose_name="opened on")),
                (
                    "people_served_per_month",
                    models.PositiveIntegerField(blank=True, null=True, verbose_name="people served per month"),
                ),
            ],
            options={
                "verbose_name": "public information point",
                "verbose_name_plural": "public information points",
            },
            bases=("tracker.registerentry",),
        ),
        migrations.CreateModel(
            name="MediaProduct",
            fields=[
                (
                    "registerentry_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to="tracker.registerentry",
                    ),
                ),
                ("title", models.CharField(max_length=300, verbose_name="title")),
                (
                    "product_kind",
                    models.CharField(
                        choices=[
                            ("news", "News"),
                            ("article", "Article"),
                            ("reportage", "Reportage"),
                            ("interview", "Interview"),
                            ("radio", "Radio programme"),
                            ("tv", "TV programme"),
                            ("infographic", "Infographic"),
                            ("video", "Video clip"),
                            ("leaflet", "Leaflet"),
                            ("handbook", "Handbook"),
                        ],
                        max_length=12,
                        verbose_name="kind",
                    ),
                ),
                (
                    "channel",
                    models.CharField(
                        choices=[
                            ("newspaper", "Newspaper"),
                            ("radio_tv", "Radio-TV"),
                            ("portal", "Web portal"),
                            ("social", "Social network"),
                            ("commune_radio", "Commune radio"),
                            ("print", "Printed and distributed"),
                        ],
                        max_length=15,
                        verbose_name="channel",
                    ),
                ),
                ("published_on", models.DateField(verbose_name="published or broadcast on")),
                (
                    "language",
                    models.CharField(
                        choices=[
                            ("vi", "Tiếng Việt"),
                            ("tyz", "Tiếng Tày"),
                            ("nut", "Tiếng Nùng"),
                            ("blt", "Tiếng Thái"),
                            ("hmn", "Tiếng H'Mông"),
                            ("ium", "Tiếng Dao"),
                            ("km", "Tiếng Khmer"),
                            ("rad", "Tiếng Ê Đê"),
                            ("jra", "Tiếng Gia Rai"),
                            ("bdq", "Tiếng Ba Na"),
                            ("cjm", "Tiếng Chăm"),
                            ("ktv", "Tiếng Cơ Tu"),
                            ("tth", "Tiếng Tà Ôi"),
                            ("pac", "Tiếng Pa Cô"),
                            ("bru", "Tiếng Bru - Vân Kiều"),
                        ],
                        default="vi",
                        max_length=5,
                        verbose_name="language",
                    ),
                ),
                (
                    "duration_minutes",
                    models.PositiveIntegerField(blank=True, null=True, verbose_name="duration (minutes)"),
                ),
                (
                    "length",
                    models.CharField(
                        blank=True, help_text="E.g. 1,200 words, 4 pages.", max_length=100, verbose_name="length"
                    ),
                ),
                ("url", models.URLField(blank=True, max_length=500, verbose_name="link")),
            ],
            options={
                "verbose_name": "media product",
                "verbose_name_plural": "media products",
            },
            bases=("tracker.registerentry",),
        ),
        migrations.CreateModel(
            name="Publication",
            fields=[
                (
                    "registerentry_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to="tracker.registerentry",
                    ),
                ),
                ("title", models.CharField(max_length=300, verbose_name="title")),
                ("title_key", models.CharField(db_index=True, editable=False, max_length=300)),
                (
                    "medium",
                    models.CharField(
                        choices=[("print", "Print"), ("electronic", "Electronic")], max_length=10, verbose_name="form"
                    ),
                ),
                ("publisher", models.CharField(blank=True, max_length=255, verbose_name="publisher")),
                ("published_on", models.DateField(verbose_name="published on")),
                (
                    "copies",
                    models.PositiveIntegerField(blank=True, help_text="For print.", null=True, verbose_name="copies"),
                ),
                (
                    "language",
                    models.CharField(
                        choices=[
                            ("vi", "Tiếng Việt"),
                            ("tyz", "Tiếng Tày"),
                            ("nut", "Tiếng Nùng"),
                            ("blt", "Tiếng Thái"),
                            ("hmn", "Tiếng H'Mông"),
                            ("ium", "Tiếng Dao"),
                            ("km", "Tiếng Khmer"),
                            ("rad", "Tiếng Ê Đê"),
                            ("jra", "Tiếng Gia Rai"),
                            ("bdq", "Tiếng Ba Na"),
                            ("cjm", "Tiếng Chăm"),
                            ("ktv", "Tiếng Cơ Tu"),
                            ("tth", "Tiếng Tà Ôi"),
                            ("pac", "Tiếng Pa Cô"),
                            ("bru", "Tiếng Bru - Vân Kiều"),
                        ],
                        default="vi",
                        max_length=5,
                        verbose_name="language",
                    ),
                ),
                (
                    "distribution",
                    models.TextField(
                        blank=True,
                        help_text="To whom and where it was given.",
                        max_length=5000,
                        validators=[django.core.validators.MaxLengthValidator(5000)],
                        verbose_name="distribution",
                    ),
                ),
            ],
            options={
                "verbose_name": "publication",
                "verbose_name_plural": "publications",
            },
            bases=("tracker.registerentry",),
        ),
        migrations.CreateModel(
            name="RadioWork",
            fields=[
                (
                    "registerentry_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to="tracker.registerentry",
                    ),
                ),
                (
                    "station_kind",
                    models.CharField(
                        choices=[
                            ("none", "No station"),
                            ("wired", "Wired"),
                            ("fm", "FM wireless"),
                            ("ip", "IP / ICT-based (Thông tư 39/2020/TT-BTTTT)"),
                        ],
                        default="none",
                        max_length=5,
                        verbose_name="station",
                    ),
                ),
                ("is_working", models.BooleanField(default=False, verbose_name="working")),
                (
                    "is_connected",
                    models.BooleanField(
                        default=False, verbose_name="connected to the provincial source-information system"
                    ),
                ),
                ("wired_clusters", models.PositiveIntegerField(default=0, verbose_name="wired clusters")),
                ("fm_clusters", models.PositiveIntegerField(default=0, verbose_name="FM clusters")),
                ("ip_clusters", models.PositiveIntegerField(default=0, verbose_name="IP clusters")),
                (
                    "work_type",
                    models.CharField(
                        choices=[
                            ("new", "New station"),
                            ("expansion", "Expansion with IP clusters"),
                            ("replacement", "Replacement of broken wired/FM clusters"),
                        ],
                        max_length=12,
                        verbose_name="work",
                    ),
                ),
                ("contractor", models.CharField(blank=True, max_length=255, verbose_name="contractor")),
                ("cost", models.BigIntegerField(blank=True, null=True, verbose_name="cost (VND)")),
                ("started_on", models.DateField(blank=True, null=True, verbose_name="started on")),
                (
                    "accepted_on",
                    models.DateField(
                        blank=True,
                        help_text="Required to submit the work.",
                        null=True,
                        verbose_name="acceptance (nghiệm thu) date",
                    ),
                ),
                ("handed_over_on", models.DateField(blank=True, null=True, verbose_name="handed over on")),
                (
                    "before_kind",
                    models.CharField(
                        choices=[
                            ("none", "No station"),
                            ("wired", "Wired"),
                            ("fm", "FM wireless"),
                            ("ip", "IP / ICT-based (Thông tư 39/2020/TT-BTTTT)"),
                        ],
                        default="none",
                        max_length=5,
                        verbose_name="station before",
                    ),
                ),
                ("before_is_working", models.BooleanField(default=False, verbose_name="working before")),
                ("before_is_connected", models.BooleanField(default=False, verbose_name="connected before")),
                ("before_wired_clusters", models.PositiveIntegerField(default=0, verbose_name="wired clusters before")),
                ("before_fm_clusters", models.PositiveIntegerField(default=0, verbose_name="FM clusters before")),
                ("before_ip_clusters", models.PositiveIntegerField(default=0, verbose_name="IP clusters before")),
            ],
            options={
                "verbose_name": "commune radio work",
                "verbose_name_plural": "commune radio works",
            },
            bases=("tracker.registerentry", models.Model),
        ),
        migrations.CreateModel(
            name="SmartphoneHandover",
            fields=[
                (
                    "registerentry_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to="tracker.registerentry",
                    ),
                ),
                (
                    "priority_class",
                    models.CharField(
                        choices=[
                            ("poor_merit", "Poor/near-poor household that is also a family of a person with merit"),
                            ("poor_policy", "Poor/near-poor household that is also a social-policy family"),
                            ("poor_other", "Other poor household"),
                            ("near_poor_other", "Other near-poor household"),
                            ("partial_poor", "Partial support: poor household without a smartphone"),
                            ("partial_poor_2", "Partial support: poor household with a member already supported"),
                            ("partial_near_poor", "Partial support: near-poor household without a smartphone"),
                            (
                                "partial_near_poor_2",
                                "Partial support: near-poor household with a member already supported",
                            ),
                            ("other", "Other (set by the donor or enterprise)"),
                        ],
                        max_length=20,
                        verbose_name="priority class",
                    ),
                ),
                (
                    "source",
                    models.CharField(
                        choices=[
                            ("telecom_fund", "Public-utility telecom fund (QĐ 2269/QĐ-TTg)"),
                            ("provincial_budget", "Provincial budget"),
                            ("donations", "Donations (xã hội hóa)"),
                            ("enterprise", "Telecom enterprise or shop"),
                            ("other", "Other lawful sources"),
                        ],
                        max_length=20,
                        verbose_name="source",
                    ),
                ),
                ("phones", models.PositiveIntegerField(verbose_name="phones")),
                ("households", models.PositiveIntegerField(blank=True, null=True, verbose_name="households")),
                ("handed_over_on", models.DateField(verbose_name="handed over on")),
            ],
            options={
                "verbose_name": "smartphone handover",
                "verbose_name_plural": "smartphone handovers",
            },
            bases=("tracker.registerentry",),
        ),
        migrations.CreateModel(
            name="TrainingCourse",
            fields=[
                (
                    "registerentry_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to="tracker.registerentry",
                    ),
                ),
                ("title", models.CharField(max_length=300, verbose_name="title")),
                (
                    "organiser",
                    models.CharField(
                        blank=True,
                        help_text="Blank: the unit that registers the course.",
                        max_length=255,
                        verbose_name="organiser",
                    ),
                ),
                ("start_date", models.DateField(verbose_name="from")),
                ("end_date", models.DateField(verbose_name="to")),
                ("venue", models.CharField(blank=True, max_length=255, verbose_name="venue")),
                ("trainees_total", models.PositiveIntegerField(verbose_name="trainees")),
                ("trainees_female", models.PositiveIntegerField(default=0, verbose_name="of whom women")),
                (
                    "trainees_ethnic_minority",
                    models.PositiveIntegerField(default=0, verbose_name="of whom ethnic minorities"),
                ),
            ],
            options={
                "verbose_name": "training course",
                "verbose_name_plural": "training courses",
            },
            bases=("tracker.registerentry",),
        ),
        migrations.AddField(
            model_name="registerentry",
            name="activity",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="register_entries",
                to="tracker.activity",
                verbose_name="activity",
            ),
        ),
        migrations.AddField(
            model_name="registerentry",
            name="area",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="register_entries",
                to="tracker.area",
                verbose_name="area",
            ),
        ),
        migrations.AddField(
            model_name="registerentry",
            name="created_by",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="entered by",
            ),
        ),
        migrations.AddField(
            model_name="registerentry",
            name="reviewed_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="reviewed by",
            ),
        ),
        migrations.AddField(
            model_name="registerentry",
            name="submitted_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="submitted by",
            ),
        ),
        migrations.CreateModel(
            name="HistoricalRegisterEvidence",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("file", models.TextField(max_length=200, verbose_name="file")),
                ("original_name", models.CharField(max_length=255, verbose_name="file name")),
                ("content_type", models.CharField(max_length=100, verbose_name="type")),
                ("size", models.PositiveIntegerField(verbose_name="size (bytes)")),
                ("caption", models.CharField(blank=True, max_length=255, verbose_name="caption")),
                ("uploaded_at", models.DateTimeField(blank=True, editable=False, verbose_name="uploaded")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "uploaded_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "entry",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.registerentry",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical register evidence file",
                "verbose_name_plural": "historical register evidence files",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="LegalDocument",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("law", "Law / resolution of the National Assembly"),
                            ("decree", "Decree (Nghị định)"),
                            ("decision", "Decision (Quyết định)"),
                            ("circular", "Circular (Thông tư)"),
                            ("resolution", "Resolution (Nghị quyết)"),
                            ("plan", "Plan (Kế hoạch)"),
                            ("official_letter", "Official letter (Công văn)"),
                            ("notice", "Notice (Thông báo)"),
                            ("other", "Other"),
                        ],
                        max_length=20,
                        verbose_name="kind",
                    ),
                ),
                (
                    "number_symbol",
                    models.CharField(
                        blank=True,
                        help_text="As written, e.g. 2269/QĐ-TTg.",
                        max_length=60,
                        verbose_name="number and symbol",
                    ),
                ),
                ("issued_on", models.DateField(blank=True, null=True, verbose_name="date issued")),
                ("issuer", models.CharField(max_length=255, verbose_name="issued by")),
                (
                    "title",
                    models.TextField(
                        max_length=2000,
                        validators=[django.core.validators.MaxLengthValidator(2000)],
                        verbose_name="title",
                    ),
                ),
                ("file", models.FileField(blank=True, upload_to="legal/%Y/", verbose_name="file")),
                ("valid_to", models.DateField(blank=True, null=True, verbose_name="no longer in force from")),
            ],
            options={
                "verbose_name": "legal document",
                "verbose_name_plural": "legal documents",
                "ordering": ["-issued_on", "number_symbol"],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("number_symbol", ""), _negated=True),
                        fields=("number_symbol", "issued_on"),
                        name="legaldocument_number_date_unique",
                        violation_error_message="A document with this number and date already exists.",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="OutputIndicator",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=300, verbose_name="output")),
                ("unit_of_measure", models.CharField(max_length=50, verbose_name="unit of measure")),
                (
                    "planned_quantity",
                    models.BigIntegerField(
                        blank=True,
                        help_text="Leave blank where the plan gives no figure.",
                        null=True,
                        verbose_name="planned quantity",
                    ),
                ),
                (
                    "counted_from",
                    models.CharField(
                        choices=[("reports", "Progress reports"), ("records", "Records of published products")],
                        default="reports",
                        help_text="Progress reports: units enter the quantity in their reports. Records: counted automatically from published products (e.g. articles on the campaign site); units do not enter it.",
                        max_length=10,
                        verbose_name="counted from",
                    ),
                ),
                (
                    "register_measure",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("radio.stations_established", "Commune radio stations newly established"),
                            ("radio.works", "Commune radio works accepted"),
                            ("radio.ip_clusters", "IP loudspeaker clusters added"),
                            ("training.courses", "Training courses held"),
                            ("training.trainees", "Trainees (attendances)"),
                            ("training.materials", "Training materials produced"),
                            ("media.products", "Media products produced"),
                            ("info_points.points", "Public information points supported"),
                            ("publications.titles", "Publication titles"),
                            ("publications.copies", "Publication copies"),
                            ("smartphones.phones", "Smartphones handed over"),
                        ],
                        help_text="For an output counted from records: which accepted register entries of the activity count towards it, and how. Leave blank for products linked one by one (articles on the campaign site).",
                        max_length=30,
                        verbose_name="counted from the register",
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                (
                    "activity",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="output_indicators",
                        to="tracker.activity",
                    ),
                ),
                (
                    "indicator",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="outputs",
                        to="tracker.indicator",
                        verbose_name="counts towards indicator",
                    ),
                ),
            ],
            options={
                "verbose_name": "output indicator",
                "verbose_name_plural": "output indicators",
                "ordering": ["order", "id"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalOutputRecord",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("quantity", models.PositiveIntegerField(default=1, verbose_name="quantity")),
                (
                    "achieved_on",
                    models.DateField(
                        help_text="The period a record counts in is the one containing this date.",
                        verbose_name="achieved on",
                    ),
                ),
                (
                    "source",
                    models.CharField(
                        db_index=True,
                        help_text="What the record stands for, e.g. cms.article:42.",
                        max_length=100,
                        verbose_name="source",
                    ),
                ),
                ("title", models.CharField(max_length=300, verbose_name="title")),
                (
                    "url",
                    models.CharField(
                        blank=True,
                        max_length=500,
                        validators=[tracker.models.progress.validate_record_url],
                        verbose_name="address",
                    ),
                ),
                (
                    "is_sample",
                    models.BooleanField(
                        default=False,
                        help_text="Counts a product made up for the demonstration; not an official figure.",
                        verbose_name="sample data",
                    ),
                ),
                ("updated_at", models.DateTimeField(blank=True, editable=False, verbose_name="updated")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "area",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="Where the product was achieved (a commune); blank: the activity's or plan's area.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.area",
                        verbose_name="area",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "output_indicator",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.outputindicator",
                        verbose_name="output",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical output record",
                "verbose_name_plural": "historical output records",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="OutputRecord",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("quantity", models.PositiveIntegerField(default=1, verbose_name="quantity")),
                (
                    "achieved_on",
                    models.DateField(
                        help_text="The period a record counts in is the one containing this date.",
                        verbose_name="achieved on",
                    ),
                ),
                (
                    "source",
                    models.CharField(
                        help_text="What the record stands for, e.g. cms.article:42.",
                        max_length=100,
                        unique=True,
                        verbose_name="source",
                    ),
                ),
                ("title", models.CharField(max_length=300, verbose_name="title")),
                (
                    "url",
                    models.CharField(
                        blank=True,
                        max_length=500,
                        validators=[tracker.models.progress.validate_record_url],
                        verbose_name="address",
                    ),
                ),
                (
                    "is_sample",
                    models.BooleanField(
                        default=False,
                        help_text="Counts a product made up for the demonstration; not an official figure.",
                        verbose_name="sample data",
                    ),
                ),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                (
                    "area",
                    models.ForeignKey(
                        blank=True,
                        help_text="Where the product was achieved (a commune); blank: the activity's or plan's area.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="tracker.area",
                        verbose_name="area",
                    ),
                ),
                (
                    "output_indicator",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="records",
                        to="tracker.outputindicator",
                        verbose_name="output",
                    ),
                ),
            ],
            options={
                "verbose_name": "output record",
                "verbose_name_plural": "output records",
                "ordering": ["-achieved_on", "-id"],
            },
        ),
        migrations.CreateModel(
            name="Plan",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "number_symbol",
                    models.CharField(
                        blank=True,
                        help_text="E.g. 146/KH-UBND; blank for a draft.",
                        max_length=60,
                        verbose_name="number and symbol",
                    ),
                ),
                (
                    "place",
                    models.CharField(
                        blank=True, help_text="As in the header, e.g. Lạng Sơn.", max_length=100, verbose_name="place"
                    ),
                ),
                ("issued_on", models.DateField(blank=True, null=True, verbose_name="date")),
                (
                    "issued_on_precision",
                    models.CharField(
                        choices=[("day", "Day"), ("month", "Month only"), ("year", "Year only")],
                        default="day",
                        max_length=5,
                        verbose_name="date known to the",
                    ),
                ),
                (
                    "title",
                    models.TextField(
                        max_length=2000,
                        validators=[django.core.validators.MaxLengthValidator(2000)],
                        verbose_name="title",
                    ),
                ),
                ("period_start", models.DateField(verbose_name="period from")),
                ("period_end", models.DateField(verbose_name="period to")),
                (
                    "status",
                    models.CharField(
                        choices=[("draft", "Draft"), ("issued", "Issued"), ("closed", "Closed")],
                        default="draft",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                (
                    "purpose",
                    models.TextField(
                        blank=True,
                        max_length=20000,
                        validators=[django.core.validators.MaxLengthValidator(20000)],
                        verbose_name="purpose and requirements",
                    ),
                ),
                (
                    "funding",
                    models.TextField(
                        blank=True,
                        max_length=20000,
                        validators=[django.core.validators.MaxLengthValidator(20000)],
                        verbose_name="funding",
                    ),
                ),
                (
                    "signing_authority",
                    models.CharField(
                        blank=True,
                        help_text="E.g. TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH.",
                        max_length=120,
                        verbose_name="signing authority",
                    ),
                ),
                ("signer_title", models.CharField(blank=True, max_length=120, verbose_name="signer's title")),
                ("signer_name", models.CharField(blank=True, max_length=120, verbose_name="signer")),
                (
                    "recipients",
                    models.TextField(
                        blank=True,
                        help_text="One recipient per line.",
                        max_length=5000,
                        validators=[django.core.validators.MaxLengthValidator(5000)],
                        verbose_name="recipients",
                    ),
                ),
                (
                    "is_sample",
                    models.BooleanField(
                        default=False,
                        help_text="Invented for the demo; not an official fact.",
                        verbose_name="sample data",
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                (
                    "area",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="plans",
                        to="tracker.area",
                        verbose_name="area covered",
                    ),
                ),
            ],
            options={
                "verbose_name": "plan",
                "verbose_name_plural": "plans",
                "ordering": ["-period_start", "title"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalTarget",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("year", models.PositiveSmallIntegerField(verbose_name="year")),
                ("planned_value", models.BigIntegerField(verbose_name="planned value")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "area",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.area",
                        verbose_name="area",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "indicator",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.indicator",
                        verbose_name="indicator",
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.plan",
                        verbose_name="plan",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical target",
                "verbose_name_plural": "historical targets",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPlanLegalBasis",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                (
                    "lead_in",
                    models.CharField(
                        blank=True,
                        default="",
                        help_text="E.g. Căn cứ, Thực hiện; blank: Căn cứ.",
                        max_length=60,
                        verbose_name="cited with",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "document",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.legaldocument",
                        verbose_name="document",
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.plan",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical legal basis",
                "verbose_name_plural": "historical legal bases",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name="generatedreport",
            name="plan",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="generated_reports",
                to="tracker.plan",
                verbose_name="plan",
            ),
        ),
        migrations.AddField(
            model_name="activity",
            name="plan",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="activities",
                to="tracker.plan",
                verbose_name="plan",
            ),
        ),
        migrations.CreateModel(
            name="PlanImport",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="imported")),
                ("filename", models.CharField(blank=True, max_length=255, verbose_name="file")),
                (
                    "read_as",
                    models.CharField(
                        choices=[
                            ("text", "Pasted or plain text"),
                            ("docx", "Word document"),
                            ("pdf", "PDF text layer"),
                            ("ocr", "Scan read by OCR"),
                            ("xlsx", "Excel plan template"),
                        ],
                        default="text",
                        max_length=10,
                        verbose_name="read as",
                    ),
                ),
                ("text", models.TextField(verbose_name="text of the document")),
                ("draft", models.JSONField(default=dict, verbose_name="proposed draft")),
                (
                    "status",
                    models.CharField(
                        choices=[("review", "Waiting for review"), ("confirmed", "Confirmed")],
                        default="review",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="imported by",
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="tracker.plan",
                        verbose_name="plan created",
                    ),
                ),
            ],
            options={
                "verbose_name": "plan import",
                "verbose_name_plural": "plan imports",
                "ordering": ["-created_at"],
            },
        ),
        migrations.CreateModel(
            name="PlanLegalBasis",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                (
                    "lead_in",
                    models.CharField(
                        blank=True,
                        default="",
                        help_text="E.g. Căn cứ, Thực hiện; blank: Căn cứ.",
                        max_length=60,
                        verbose_name="cited with",
                    ),
                ),
                (
                    "document",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT, to="tracker.legaldocument", verbose_name="document"
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="legal_basis_links", to="tracker.plan"
                    ),
                ),
            ],
            options={
                "verbose_name": "legal basis",
                "verbose_name_plural": "legal bases",
                "ordering": ["order", "id"],
            },
        ),
        migrations.AddField(
            model_name="plan",
            name="legal_bases",
            field=models.ManyToManyField(
                blank=True,
                related_name="plans",
                through="tracker.PlanLegalBasis",
                to="tracker.legaldocument",
                verbose_name="legal bases",
            ),
        ),
        migrations.CreateModel(
            name="ProgrammeComponent",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("valid_from", models.DateField(blank=True, null=True, verbose_name="valid from")),
                ("valid_to", models.DateField(blank=True, null=True, verbose_name="valid to")),
                (
                    "level",
                    models.PositiveSmallIntegerField(
                        choices=[(1, "Programme"), (2, "Project"), (3, "Sub-project")], verbose_name="level"
                    ),
                ),
                ("code", models.CharField(max_length=30, unique=True, verbose_name="code")),
                ("name", models.CharField(max_length=300, verbose_name="name")),
                (
                    "legal_basis",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        to="tracker.legaldocument",
                        verbose_name="approved by",
                    ),
                ),
                (
                    "parent",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="children",
                        to="tracker.programmecomponent",
                        verbose_name="part of",
                    ),
                ),
            ],
            options={
                "verbose_name": "programme component",
                "verbose_name_plural": "programme components",
                "ordering": ["level", "code"],
            },
        ),
        migrations.AddField(
            model_name="plan",
            name="programme_component",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="plans",
                to="tracker.programmecomponent",
                verbose_name="programme component",
            ),
        ),
        migrations.CreateModel(
            name="ProgressReport",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("period_start", models.DateField(verbose_name="period from")),
                ("period_end", models.DateField(verbose_name="period to")),
                ("due_date", models.DateField(verbose_name="due date")),
                ("percent_complete", models.PositiveSmallIntegerField(default=0, verbose_name="Percent complete")),
                (
                    "narrative",
                    models.TextField(
                        blank=True,
                        max_length=20000,
                        validators=[django.core.validators.MaxLengthValidator(20000)],
                        verbose_name="what was done",
                    ),
                ),
                (
                    "difficulties",
                    models.TextField(
                        blank=True,
                        max_length=20000,
                        validators=[django.core.validators.MaxLengthValidator(20000)],
                        verbose_name="difficulties and obstacles",
                    ),
                ),
                (
                    "proposals",
                    models.TextField(
                        blank=True,
                        max_length=20000,
                        validators=[django.core.validators.MaxLengthValidator(20000)],
                        verbose_name="proposals",
                    ),
                ),
                (
                    "nothing_to_report",
                    models.BooleanField(
                        default=False,
                        help_text="Nothing was done in the period: the report carries no quantities.",
                        verbose_name="nothing to report",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Draft"),
                            ("submitted", "Submitted"),
                            ("accepted", "Accepted"),
                            ("returned", "Returned for correction"),
                            ("superseded", "Superseded by a correction"),
                        ],
                        default="draft",
                        max_length=12,
                        verbose_name="status",
                    ),
                ),
                ("submitted_at", models.DateTimeField(blank=True, null=True, verbose_name="submitted")),
                ("reviewed_at", models.DateTimeField(blank=True, null=True, verbose_name="reviewed")),
                (
                    "return_reason",
                    models.TextField(
                        blank=True,
                        max_length=5000,
                        validators=[django.core.validators.MaxLengthValidator(5000)],
                        verbose_name="reason for returning",
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                (
                    "created_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="written by",
                    ),
                ),
                (
                    "reviewed_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="reviewed by",
                    ),
                ),
                (
                    "revises",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="corrections",
                        to="tracker.progressreport",
                        verbose_name="corrects report",
                    ),
                ),
                (
                    "submitted_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="submitted by",
                    ),
                ),
            ],
            options={
                "verbose_name": "progress report",
                "verbose_name_plural": "progress reports",
            },
        ),
        migrations.CreateModel(
            name="HistoricalReportedQuantity",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("quantity", models.BigIntegerField(verbose_name="quantity achieved")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "output_indicator",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.outputindicator",
                        verbose_name="output",
                    ),
                ),
                (
                    "report",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.progressreport",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical reported quantity",
                "verbose_name_plural": "historical reported quantities",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalEvidence",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("file", models.TextField(max_length=200, verbose_name="file")),
                ("original_name", models.CharField(max_length=255, verbose_name="file name")),
                ("content_type", models.CharField(max_length=100, verbose_name="type")),
                ("size", models.PositiveIntegerField(verbose_name="size (bytes)")),
                (
                    "width",
                    models.PositiveIntegerField(blank=True, editable=False, null=True, verbose_name="width (pixels)"),
                ),
                (
                    "height",
                    models.PositiveIntegerField(blank=True, editable=False, null=True, verbose_name="height (pixels)"),
                ),
                ("uploaded_at", models.DateTimeField(blank=True, editable=False, verbose_name="uploaded")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "uploaded_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "report",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.progressreport",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical evidence file",
                "verbose_name_plural": "historical evidence files",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Evidence",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "file",
                    models.FileField(
                        max_length=200,
                        storage=tracker.core.files.private_storage,
                        upload_to=tracker.core.files.evidence_upload_to,
                        verbose_name="file",
                    ),
                ),
                ("original_name", models.CharField(max_length=255, verbose_name="file name")),
                ("content_type", models.CharField(max_length=100, verbose_name="type")),
                ("size", models.PositiveIntegerField(verbose_name="size (bytes)")),
                (
                    "width",
                    models.PositiveIntegerField(blank=True, editable=False, null=True, verbose_name="width (pixels)"),
                ),
                (
                    "height",
                    models.PositiveIntegerField(blank=True, editable=False, null=True, verbose_name="height (pixels)"),
                ),
                ("uploaded_at", models.DateTimeField(auto_now_add=True, verbose_name="uploaded")),
                (
                    "uploaded_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT, related_name="+", to=settings.AUTH_USER_MODEL
                    ),
                ),
                (
                    "report",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="evidence",
                        to="tracker.progressreport",
                    ),
                ),
            ],
            options={
                "verbose_name": "evidence file",
                "verbose_name_plural": "evidence files",
                "ordering": ["uploaded_at", "id"],
            },
        ),
        migrations.CreateModel(
            name="RadioStation",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(blank=True, max_length=200, verbose_name="name")),
                ("is_sample", models.BooleanField(default=False, verbose_name="sample data")),
                (
                    "commune",
                    models.OneToOneField(
                        limit_choices_to={"level": 3},
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="radio_station",
                        to="tracker.area",
                        verbose_name="commune",
                    ),
                ),
            ],
            options={
                "verbose_name": "commune radio station",
                "verbose_name_plural": "commune radio stations",
                "ordering": ["commune__name", "id"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalRadioStationState",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                (
                    "station_kind",
                    models.CharField(
                        choices=[
                            ("none", "No station"),
                            ("wired", "Wired"),
                            ("fm", "FM wireless"),
                            ("ip", "IP / ICT-based (Thông tư 39/2020/TT-BTTTT)"),
                        ],
                        default="none",
                        max_length=5,
                        verbose_name="station",
                    ),
                ),
                ("is_working", models.BooleanField(default=False, verbose_name="working")),
                (
                    "is_connected",
                    models.BooleanField(
                        default=False, verbose_name="connected to the provincial source-information system"
                    ),
                ),
                ("wired_clusters", models.PositiveIntegerField(default=0, verbose_name="wired clusters")),
                ("fm_clusters", models.PositiveIntegerField(default=0, verbose_name="FM clusters")),
                ("ip_clusters", models.PositiveIntegerField(default=0, verbose_name="IP clusters")),
                ("effective_on", models.DateField(verbose_name="as of")),
                (
                    "source_note",
                    models.CharField(
                        blank=True, help_text="E.g. survey of 2023.", max_length=200, verbose_name="source"
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "station",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.radiostation",
                        verbose_name="station",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical radio station state",
                "verbose_name_plural": "historical radio station states",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="RadioStationState",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "station_kind",
                    models.CharField(
                        choices=[
                            ("none", "No station"),
                            ("wired", "Wired"),
                            ("fm", "FM wireless"),
                            ("ip", "IP / ICT-based (Thông tư 39/2020/TT-BTTTT)"),
                        ],
                        default="none",
                        max_length=5,
                        verbose_name="station",
                    ),
                ),
                ("is_working", models.BooleanField(default=False, verbose_name="working")),
                (
                    "is_connected",
                    models.BooleanField(
                        default=False, verbose_name="connected to the provincial source-information system"
                    ),
                ),
                ("wired_clusters", models.PositiveIntegerField(default=0, verbose_name="wired clusters")),
                ("fm_clusters", models.PositiveIntegerField(default=0, verbose_name="FM clusters")),
                ("ip_clusters", models.PositiveIntegerField(default=0, verbose_name="IP clusters")),
                ("effective_on", models.DateField(verbose_name="as of")),
                (
                    "source_note",
                    models.CharField(
                        blank=True, help_text="E.g. survey of 2023.", max_length=200, verbose_name="source"
                    ),
                ),
                (
                    "station",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="states",
                        to="tracker.radiostation",
                        verbose_name="station",
                    ),
                ),
            ],
            options={
                "verbose_name": "radio station state",
                "verbose_name_plural": "radio station states",
                "ordering": ["station", "-effective_on", "-id"],
            },
        ),
        migrations.CreateModel(
            name="RegisterEvidence",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "file",
                    models.FileField(
                        max_length=200,
                        storage=tracker.core.files.private_storage,
                        upload_to=tracker.core.files.register_evidence_upload_to,
                        verbose_name="file",
                    ),
                ),
                ("original_name", models.CharField(max_length=255, verbose_name="file name")),
                ("content_type", models.CharField(max_length=100, verbose_name="type")),
                ("size", models.PositiveIntegerField(verbose_name="size (bytes)")),
                ("caption", models.CharField(blank=True, max_length=255, verbose_name="caption")),
                ("uploaded_at", models.DateTimeField(auto_now_add=True, verbose_name="uploaded")),
                (
                    "entry",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="evidence", to="tracker.registerentry"
                    ),
                ),
                (
                    "uploaded_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT, related_name="+", to=settings.AUTH_USER_MODEL
                    ),
                ),
            ],
            options={
                "verbose_name": "register evidence file",
                "verbose_name_plural": "register evidence files",
                "ordering": ["uploaded_at", "id"],
            },
        ),
        migrations.CreateModel(
            name="ReportedQuantity",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("quantity", models.BigIntegerField(verbose_name="quantity achieved")),
                (
                    "output_indicator",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="reported_quantities",
                        to="tracker.outputindicator",
                        verbose_name="output",
                    ),
                ),
                (
                    "report",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="quantities",
                        to="tracker.progressreport",
                    ),
                ),
            ],
            options={
                "verbose_name": "reported quantity",
                "verbose_name_plural": "reported quantities",
            },
        ),
        migrations.CreateModel(
            name="ReportingRule",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("title", models.CharField(max_length=255, verbose_name="report")),
                (
                    "frequency",
                    models.CharField(
                        choices=[
                            ("monthly", "Monthly"),
                            ("half_year", "Six-monthly (first half of the year)"),
                            ("annual", "Annual"),
                        ],
                        max_length=10,
                        verbose_name="frequency",
                    ),
                ),
                (
                    "due_day",
                    models.PositiveSmallIntegerField(
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(31),
                        ],
                        verbose_name="due by day",
                    ),
                ),
                (
                    "due_month",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="For six-monthly and annual reports.",
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(12),
                        ],
                        verbose_name="due in month",
                    ),
                ),
                (
                    "due_following_month",
                    models.BooleanField(
                        default=False,
                        help_text="For monthly reports: the report of a month is due on that day of the next month (e.g. September's report by 20 October).",
                        verbose_name="due in the following month",
                    ),
                ),
                ("active_from", models.DateField(verbose_name="from")),
                ("active_to", models.DateField(verbose_name="until")),
                ("wording", models.CharField(blank=True, max_length=255, verbose_name="as written")),
                (
                    "is_default",
                    models.BooleanField(
                        default=False,
                        help_text="Also applies to every unit with tasks in the plan that no other rule names.",
                        verbose_name="default rule of the plan",
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="reporting_rules",
                        to="tracker.plan",
                        verbose_name="plan",
                    ),
                ),
            ],
            options={
                "verbose_name": "reporting rule",
                "verbose_name_plural": "reporting rules",
                "ordering": ["plan", "frequency", "id"],
            },
        ),
        migrations.AddField(
            model_name="progressreport",
            name="reporting_rule",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                to="tracker.reportingrule",
                verbose_name="reporting rule",
            ),
        ),
        migrations.CreateModel(
            name="SignedReportCopy",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "file",
                    models.FileField(
                        max_length=200,
                        storage=tracker.core.files.private_storage,
                        upload_to=tracker.core.files.generated_report_upload_to,
                        verbose_name="signed PDF",
                    ),
                ),
                ("original_name", models.CharField(blank=True, max_length=255, verbose_name="file name")),
                ("sha256", models.CharField(max_length=64, verbose_name="SHA-256")),
                (
                    "verdict",
                    models.CharField(
                        choices=[
                            ("valid_trusted", "Signatures valid, certificate trusted"),
                            ("valid_untrusted", "Signatures intact, certificate not from a trusted root"),
                            ("invalid", "A signature is broken or the file was changed after signing"),
                            ("unsigned", "No digital signature found"),
                        ],
                        max_length=20,
                        verbose_name="verification",
                    ),
                ),
                (
                    "signatures",
                    models.JSONField(
                        blank=True,
                        default=list,
                        encoder=django.core.serializers.json.DjangoJSONEncoder,
                        verbose_name="signatures",
                    ),
                ),
                ("uploaded_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="attached at")),
                (
                    "report",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="signed_copies",
                        to="tracker.generatedreport",
                        verbose_name="report",
                    ),
                ),
                (
                    "uploaded_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="attached by",
                    ),
                ),
            ],
            options={
                "verbose_name": "signed copy",
                "verbose_name_plural": "signed copies",
                "ordering": ["-uploaded_at", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="Target",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("year", models.PositiveSmallIntegerField(verbose_name="year")),
                ("planned_value", models.BigIntegerField(verbose_name="planned value")),
                (
                    "area",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="targets",
                        to="tracker.area",
                        verbose_name="area",
                    ),
                ),
                (
                    "indicator",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="targets",
                        to="tracker.indicator",
                        verbose_name="indicator",
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="targets",
                        to="tracker.plan",
                        verbose_name="plan",
                    ),
                ),
            ],
            options={
                "verbose_name": "target",
                "verbose_name_plural": "targets",
                "ordering": ["plan", "indicator__order", "area__name"],
            },
        ),
        migrations.CreateModel(
            name="Task",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "deliverable",
                    models.TextField(
                        max_length=2000,
                        validators=[django.core.validators.MaxLengthValidator(2000)],
                        verbose_name="deliverable",
                    ),
                ),
                ("target_quantity", models.BigIntegerField(blank=True, null=True, verbose_name="target quantity")),
                ("due_date", models.DateField(verbose_name="due date")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("not_started", "Not started"),
                            ("in_progress", "In progress"),
                            ("completed", "Completed"),
                            ("cancelled", "Cancelled"),
                        ],
                        default="not_started",
                        max_length=12,
                        verbose_name="status",
                    ),
                ),
                ("completed_on", models.DateField(blank=True, null=True, verbose_name="completed on")),
                (
                    "activity",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="tasks",
                        to="tracker.activity",
                        verbose_name="activity",
                    ),
                ),
                (
                    "area",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="tasks",
                        to="tracker.area",
                        verbose_name="area",
                    ),
                ),
                (
                    "output_indicator",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="tasks",
                        to="tracker.outputindicator",
                        verbose_name="output indicator",
                    ),
                ),
            ],
            options={
                "verbose_name": "task",
                "verbose_name_plural": "tasks",
                "ordering": ["due_date", "id"],
                "permissions": [
                    ("report_task", "Can report progress on the task"),
                    ("comment_task", "Can comment on the task"),
                ],
            },
        ),
        migrations.AddField(
            model_name="registerentry",
            name="task",
            field=models.ForeignKey(
                blank=True,
                help_text="The unit's task the entry reports on; blank for an entry the DIC makes itself.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="register_entries",
                to="tracker.task",
                verbose_name="task",
            ),
        ),
        migrations.AddField(
            model_name="progressreport",
            name="task",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="progress_reports",
                to="tracker.task",
                verbose_name="task",
            ),
        ),
        migrations.CreateModel(
            name="HistoricalTaskComment",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                (
                    "body",
                    models.TextField(
                        max_length=5000,
                        validators=[django.core.validators.MaxLengthValidator(5000)],
                        verbose_name="comment",
                    ),
                ),
                ("created_at", models.DateTimeField(blank=True, editable=False, verbose_name="written")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "author",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="author",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "task",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.task",
                        verbose_name="task",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical comment",
                "verbose_name_plural": "historical comments",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalProgressReport",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("period_start", models.DateField(verbose_name="period from")),
                ("period_end", models.DateField(verbose_name="period to")),
                ("due_date", models.DateField(verbose_name="due date")),
                ("percent_complete", models.PositiveSmallIntegerField(default=0, verbose_name="Percent complete")),
                (
                    "narrative",
                    models.TextField(
                        blank=True,
                        max_length=20000,
                        validators=[django.core.validators.MaxLengthValidator(20000)],
                        verbose_name="what was done",
                    ),
                ),
                (
                    "difficulties",
                    models.TextField(
                        blank=True,
                        max_length=20000,
                        validators=[django.core.validators.MaxLengthValidator(20000)],
                        verbose_name="difficulties and obstacles",
                    ),
                ),
                (
                    "proposals",
                    models.TextField(
                        blank=True,
                        max_length=20000,
                        validators=[django.core.validators.MaxLengthValidator(20000)],
                        verbose_name="proposals",
                    ),
                ),
                (
                    "nothing_to_report",
                    models.BooleanField(
                        default=False,
                        help_text="Nothing was done in the period: the report carries no quantities.",
                        verbose_name="nothing to report",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Draft"),
                            ("submitted", "Submitted"),
                            ("accepted", "Accepted"),
                            ("returned", "Returned for correction"),
                            ("superseded", "Superseded by a correction"),
                        ],
                        default="draft",
                        max_length=12,
                        verbose_name="status",
                    ),
                ),
                ("submitted_at", models.DateTimeField(blank=True, null=True, verbose_name="submitted")),
                ("reviewed_at", models.DateTimeField(blank=True, null=True, verbose_name="reviewed")),
                (
                    "return_reason",
                    models.TextField(
                        blank=True,
                        max_length=5000,
                        validators=[django.core.validators.MaxLengthValidator(5000)],
                        verbose_name="reason for returning",
                    ),
                ),
                ("created_at", models.DateTimeField(blank=True, editable=False, verbose_name="created")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="written by",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "reviewed_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="reviewed by",
                    ),
                ),
                (
                    "submitted_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="submitted by",
                    ),
                ),
                (
                    "revises",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.progressreport",
                        verbose_name="corrects report",
                    ),
                ),
                (
                    "reporting_rule",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.reportingrule",
                        verbose_name="reporting rule",
                    ),
                ),
                (
                    "task",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.task",
                        verbose_name="task",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical progress report",
                "verbose_name_plural": "historical progress reports",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="TaskComment",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "body",
                    models.TextField(
                        max_length=5000,
                        validators=[django.core.validators.MaxLengthValidator(5000)],
                        verbose_name="comment",
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="written")),
                (
                    "author",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="author",
                    ),
                ),
                (
                    "task",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="comments",
                        to="tracker.task",
                        verbose_name="task",
                    ),
                ),
            ],
            options={
                "verbose_name": "comment",
                "verbose_name_plural": "comments",
                "ordering": ["created_at", "id"],
            },
        ),
        migrations.CreateModel(
            name="Notification",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("returned", "Report returned"),
                            ("accepted", "Report accepted"),
                            ("comment", "New comment"),
                            ("due_soon", "Report due soon"),
                            ("overdue", "Reports overdue"),
                        ],
                        max_length=12,
                        verbose_name="kind",
                    ),
                ),
                ("period_start", models.DateField(blank=True, null=True, verbose_name="period from")),
                ("period_end", models.DateField(blank=True, null=True, verbose_name="period to")),
                ("due_date", models.DateField(blank=True, null=True, verbose_name="due date")),
                ("count", models.PositiveIntegerField(default=1, verbose_name="count")),
                ("key", models.CharField(blank=True, editable=False, max_length=100, verbose_name="key")),
                ("created_at", models.DateTimeField(auto_now_add=True, db_index=True, verbose_name="created")),
                ("read_at", models.DateTimeField(blank=True, null=True, verbose_name="read")),
                (
                    "actor",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="by",
                    ),
                ),
                (
                    "recipient",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="notifications",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="recipient",
                    ),
                ),
                (
                    "report",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="tracker.progressreport",
                        verbose_name="report",
                    ),
                ),
                (
                    "task",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="tracker.task",
                        verbose_name="task",
                    ),
                ),
                (
                    "comment",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="tracker.taskcomment",
                        verbose_name="comment",
                    ),
                ),
            ],
            options={
                "verbose_name": "notification",
                "verbose_name_plural": "notifications",
                "ordering": ["-created_at", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="TaskGroupObjectPermission",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("content_object", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="tracker.task")),
                ("group", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="auth.group")),
                ("permission", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="auth.permission")),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="TaskUserObjectPermission",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("content_object", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="tracker.task")),
                ("permission", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="auth.permission")),
                ("user", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to=settings.AUTH_USER_MODEL)),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="Trainee",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("full_name", models.CharField(max_length=200, verbose_name="full name")),
                (
                    "gender",
                    models.CharField(
                        choices=[("female", "Female"), ("male", "Male")], max_length=6, verbose_name="gender"
                    ),
                ),
                ("is_ethnic_minority", models.BooleanField(default=False, verbose_name="ethnic minority")),
                ("workplace", models.CharField(blank=True, max_length=255, verbose_name="unit")),
                (
                    "commune",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="tracker.area",
                        verbose_name="commune",
                    ),
                ),
            ],
            options={
                "verbose_name": "trainee",
                "verbose_name_plural": "trainees",
                "ordering": ["id"],
            },
        ),
        migrations.CreateModel(
            name="Unit",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("valid_from", models.DateField(blank=True, null=True, verbose_name="valid from")),
                ("valid_to", models.DateField(blank=True, null=True, verbose_name="valid to")),
                ("name", models.CharField(max_length=255, verbose_name="name")),
                (
                    "sort_key",
                    models.CharField(
                        blank=True, db_index=True, editable=False, max_length=2048, verbose_name="sort key"
                    ),
                ),
                ("short_name", models.CharField(blank=True, max_length=100, verbose_name="short name")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("department", "Department"),
                            ("peoples_committee", "People's Committee"),
                            ("radio_tv", "Radio-TV station"),
                            ("newspaper", "Newspaper"),
                            ("media_centre", "Media centre"),
                            ("telecom", "Telecom enterprise"),
                            ("mass_organisation", "Fatherland Front / mass organisation"),
                            ("business_association", "Business association"),
                            ("ministry", "Ministry / central agency"),
                            ("other", "Other"),
                        ],
                        max_length=30,
                        verbose_name="kind",
                    ),
                ),
                (
                    "is_group",
                    models.BooleanField(
                        default=False,
                        help_text="A collective named in a plan, e.g. the communes' committees.",
                        verbose_name="group of units",
                    ),
                ),
                ("email", models.EmailField(blank=True, max_length=254, verbose_name="e-mail")),
                (
                    "signing_authority",
                    models.CharField(
                        blank=True,
                        help_text="On the unit's reports, e.g. KT. GIÁM ĐỐC; separate several lines with /.",
                        max_length=120,
                        verbose_name="signing authority",
                    ),
                ),
                ("signer_title", models.CharField(blank=True, max_length=120, verbose_name="signer's title")),
                ("signer_name", models.CharField(blank=True, max_length=120, verbose_name="signer")),
                (
                    "drafting_division",
                    models.CharField(
                        blank=True,
                        help_text="The division that drafts the unit's reports, as in 'Lưu: VT, KHTC.', e.g. KHTC.",
                        max_length=40,
                        verbose_name="drafting division (abbreviation)",
                    ),
                ),
                (
                    "is_sample",
                    models.BooleanField(
                        default=False,
                        help_text="Invented for the demo; not an official fact.",
                        verbose_name="sample data",
                    ),
                ),
                (
                    "area",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="units",
                        to="tracker.area",
                        verbose_name="area",
                    ),
                ),
                (
                    "members",
                    models.ManyToManyField(
                        blank=True, related_name="groups", to="tracker.unit", verbose_name="members"
                    ),
                ),
                (
                    "officer_group",
                    models.OneToOneField(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="unit",
                        to="auth.group",
                    ),
                ),
                (
                    "parent",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="children",
                        to="tracker.unit",
                        verbose_name="parent unit",
                    ),
                ),
                (
                    "successor",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="predecessors",
                        to="tracker.unit",
                        verbose_name="merged into / renamed to",
                    ),
                ),
            ],
            options={
                "verbose_name": "unit",
                "verbose_name_plural": "units",
                "ordering": ["name"],
            },
        ),
        migrations.AddField(
            model_name="task",
            name="unit",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="tasks",
                to="tracker.unit",
                verbose_name="unit",
            ),
        ),
        migrations.AddField(
            model_name="reportingrule",
            name="recipient",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="tracker.unit",
                verbose_name="reported to",
            ),
        ),
        migrations.AddField(
            model_name="reportingrule",
            name="reporter",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="reporting_rules",
                to="tracker.unit",
                verbose_name="reported by",
            ),
        ),
        migrations.CreateModel(
            name="ReportDispatch",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("period_start", models.DateField(verbose_name="period from")),
                ("period_end", models.DateField(verbose_name="period to")),
                ("sent_on", models.DateField(verbose_name="sent on")),
                (
                    "number_symbol",
                    models.CharField(
                        blank=True,
                        help_text="E.g. 45/BC-SKHCN; blank if it has none.",
                        max_length=60,
                        verbose_name="number and symbol",
                    ),
                ),
                ("note", models.TextField(blank=True, max_length=2000, verbose_name="note")),
                ("recorded_at", models.DateTimeField(auto_now_add=True, verbose_name="recorded")),
                (
                    "recorded_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="recorded by",
                    ),
                ),
                (
                    "rule",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="dispatches",
                        to="tracker.reportingrule",
                        verbose_name="reporting rule",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="report_dispatches",
                        to="tracker.unit",
                        verbose_name="unit",
                    ),
                ),
            ],
            options={
                "verbose_name": "periodic report sent",
                "verbose_name_plural": "periodic reports sent",
                "ordering": ["-period_end", "unit__name"],
            },
        ),
        migrations.AddField(
            model_name="registerentry",
            name="unit",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="register_entries",
                to="tracker.unit",
                verbose_name="unit",
            ),
        ),
        migrations.AddField(
            model_name="programmecomponent",
            name="lead_agency",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                to="tracker.unit",
                verbose_name="lead agency",
            ),
        ),
        migrations.CreateModel(
            name="PlanDuty",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                ("heading", models.CharField(blank=True, max_length=300, verbose_name="heading as written")),
                (
                    "text",
                    models.TextField(
                        max_length=20000,
                        validators=[django.core.validators.MaxLengthValidator(20000)],
                        verbose_name="duties",
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="duties", to="tracker.plan"
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="duties",
                        to="tracker.unit",
                        verbose_name="unit",
                    ),
                ),
            ],
            options={
                "verbose_name": "duty",
                "verbose_name_plural": "duties",
                "ordering": ["order", "id"],
            },
        ),
        migrations.AddField(
            model_name="plan",
            name="issuer",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="plans",
                to="tracker.unit",
                verbose_name="issued by",
            ),
        ),
        migrations.CreateModel(
            name="Obligation",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("period_start", models.DateField(verbose_name="period from")),
                ("period_end", models.DateField(verbose_name="period to")),
                ("due", models.DateField(verbose_name="due date")),
                (
                    "state",
                    models.CharField(
                        choices=[
                            ("accepted", "Accepted"),
                            ("submitted", "Submitted"),
                            ("returned", "Returned for correction"),
                            ("draft", "Draft"),
                            ("missing", "Missing"),
                        ],
                        default="missing",
                        max_length=10,
                        verbose_name="state",
                    ),
                ),
                ("submitted_on", models.DateField(blank=True, null=True, verbose_name="first sent on")),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="tracker.plan",
                        verbose_name="plan",
                    ),
                ),
                (
                    "report",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="tracker.progressreport",
                        verbose_name="report",
                    ),
                ),
                (
                    "dispatch",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="tracker.reportdispatch",
                        verbose_name="report sent",
                    ),
                ),
                (
                    "rule",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="tracker.reportingrule",
                        verbose_name="reporting rule",
                    ),
                ),
                (
                    "task",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="obligations",
                        to="tracker.task",
                        verbose_name="task",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="tracker.unit",
                        verbose_name="unit",
                    ),
                ),
            ],
            options={
                "verbose_name": "expected report",
                "verbose_name_plural": "expected reports",
            },
        ),
        migrations.CreateModel(
            name="HistoricalUser",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                (
                    "is_superuser",
                    models.BooleanField(
                        default=False,
                        help_text="Designates that this user has all permissions without explicitly assigning them.",
                        verbose_name="superuser status",
                    ),
                ),
                (
                    "username",
                    models.CharField(
                        db_index=True,
                        error_messages={"unique": "A user with that username already exists."},
                        help_text="Required. 150 characters or fewer. Letters, digits and @/./+/-/_ only.",
                        max_length=150,
                        validators=[django.contrib.auth.validators.UnicodeUsernameValidator()],
                        verbose_name="username",
                    ),
                ),
                ("first_name", models.CharField(blank=True, max_length=150, verbose_name="first name")),
                ("last_name", models.CharField(blank=True, max_length=150, verbose_name="last name")),
                ("email", models.EmailField(blank=True, max_length=254, verbose_name="email address")),
                (
                    "is_staff",
                    models.BooleanField(
                        default=False,
                        help_text="Designates whether the user can log into this admin site.",
                        verbose_name="staff status",
                    ),
                ),
                (
                    "is_active",
                    models.BooleanField(
                        default=True,
                        help_text="Designates whether this user should be treated as active. Unselect this instead of deleting accounts.",
                        verbose_name="active",
                    ),
                ),
                ("date_joined", models.DateTimeField(default=django.utils.timezone.now, verbose_name="date joined")),
                ("phone", models.CharField(blank=True, max_length=30, verbose_name="phone")),
                (
                    "wants_digest",
                    models.BooleanField(
                        default=True,
                        help_text="A digest of what is due in the next 7 days and what is overdue.",
                        verbose_name="e-mail me what is due",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.unit",
                        verbose_name="unit",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical user",
                "verbose_name_plural": "historical users",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalUnit",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("valid_from", models.DateField(blank=True, null=True, verbose_name="valid from")),
                ("valid_to", models.DateField(blank=True, null=True, verbose_name="valid to")),
                ("name", models.CharField(max_length=255, verbose_name="name")),
                ("short_name", models.CharField(blank=True, max_length=100, verbose_name="short name")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("department", "Department"),
                            ("peoples_committee", "People's Committee"),
                            ("radio_tv", "Radio-TV station"),
                            ("newspaper", "Newspaper"),
                            ("media_centre", "Media centre"),
                            ("telecom", "Telecom enterprise"),
                            ("mass_organisation", "Fatherland Front / mass organisation"),
                            ("business_association", "Business association"),
                            ("ministry", "Ministry / central agency"),
                            ("other", "Other"),
                        ],
                        max_length=30,
                        verbose_name="kind",
                    ),
                ),
                (
                    "is_group",
                    models.BooleanField(
                        default=False,
                        help_text="A collective named in a plan, e.g. the communes' committees.",
                        verbose_name="group of units",
                    ),
                ),
                ("email", models.EmailField(blank=True, max_length=254, verbose_name="e-mail")),
                (
                    "signing_authority",
                    models.CharField(
                        blank=True,
                        help_text="On the unit's reports, e.g. KT. GIÁM ĐỐC; separate several lines with /.",
                        max_length=120,
                        verbose_name="signing authority",
                    ),
                ),
                ("signer_title", models.CharField(blank=True, max_length=120, verbose_name="signer's title")),
                ("signer_name", models.CharField(blank=True, max_length=120, verbose_name="signer")),
                (
                    "drafting_division",
                    models.CharField(
                        blank=True,
                        help_text="The division that drafts the unit's reports, as in 'Lưu: VT, KHTC.', e.g. KHTC.",
                        max_length=40,
                        verbose_name="drafting division (abbreviation)",
                    ),
                ),
                (
                    "is_sample",
                    models.BooleanField(
                        default=False,
                        help_text="Invented for the demo; not an official fact.",
                        verbose_name="sample data",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "area",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.area",
                        verbose_name="area",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "parent",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.unit",
                        verbose_name="parent unit",
                    ),
                ),
                (
                    "successor",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.unit",
                        verbose_name="merged into / renamed to",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical unit",
                "verbose_name_plural": "historical units",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalTrainingCourse",
            fields=[
                (
                    "registerentry_ptr",
                    models.ForeignKey(
                        auto_created=True,
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        parent_link=True,
                        related_name="+",
                        to="tracker.registerentry",
                    ),
                ),
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("radio_work", "Commune radio work"),
                            ("training_course", "Training course"),
                            ("media_product", "Media product"),
                            ("info_point", "Public information point"),
                            ("publication", "Publication"),
                            ("smartphones", "Smartphones handed over"),
                        ],
                        editable=False,
                        max_length=20,
                        verbose_name="register",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Draft"),
                            ("submitted", "Submitted"),
                            ("accepted", "Accepted"),
                            ("returned", "Returned for correction"),
                        ],
                        default="draft",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                (
                    "return_reason",
                    models.TextField(
                        blank=True,
                        max_length=5000,
                        validators=[django.core.validators.MaxLengthValidator(5000)],
                        verbose_name="reason for returning",
                    ),
                ),
                (
                    "note",
                    models.TextField(
                        blank=True,
                        max_length=5000,
                        validators=[django.core.validators.MaxLengthValidator(5000)],
                        verbose_name="note",
                    ),
                ),
                (
                    "is_sample",
                    models.BooleanField(
                        default=False,
                        help_text="Made up for the demonstration; not an official figure.",
                        verbose_name="sample data",
                    ),
                ),
                ("created_at", models.DateTimeField(blank=True, editable=False, verbose_name="entered")),
                ("submitted_at", models.DateTimeField(blank=True, null=True, verbose_name="submitted")),
                ("reviewed_at", models.DateTimeField(blank=True, null=True, verbose_name="reviewed")),
                ("title", models.CharField(max_length=300, verbose_name="title")),
                (
                    "organiser",
                    models.CharField(
                        blank=True,
                        help_text="Blank: the unit that registers the course.",
                        max_length=255,
                        verbose_name="organiser",
                    ),
                ),
                ("start_date", models.DateField(verbose_name="from")),
                ("end_date", models.DateField(verbose_name="to")),
                ("venue", models.CharField(blank=True, max_length=255, verbose_name="venue")),
                ("trainees_total", models.PositiveIntegerField(verbose_name="trainees")),
                ("trainees_female", models.PositiveIntegerField(default=0, verbose_name="of whom women")),
                (
                    "trainees_ethnic_minority",
                    models.PositiveIntegerField(default=0, verbose_name="of whom ethnic minorities"),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "activity",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.activity",
                        verbose_name="activity",
                    ),
                ),
                (
                    "area",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.area",
                        verbose_name="area",
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="entered by",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "reviewed_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="reviewed by",
                    ),
                ),
                (
                    "submitted_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="submitted by",
                    ),
                ),
                (
                    "task",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="The unit's task the entry reports on; blank for an entry the DIC makes itself.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.task",
                        verbose_name="task",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.unit",
                        verbose_name="unit",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical training course",
                "verbose_name_plural": "historical training courses",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalTask",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                (
                    "deliverable",
                    models.TextField(
                        max_length=2000,
                        validators=[django.core.validators.MaxLengthValidator(2000)],
                        verbose_name="deliverable",
                    ),
                ),
                ("target_quantity", models.BigIntegerField(blank=True, null=True, verbose_name="target quantity")),
                ("due_date", models.DateField(verbose_name="due date")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("not_started", "Not started"),
                            ("in_progress", "In progress"),
                            ("completed", "Completed"),
                            ("cancelled", "Cancelled"),
                        ],
                        default="not_started",
                        max_length=12,
                        verbose_name="status",
                    ),
                ),
                ("completed_on", models.DateField(blank=True, null=True, verbose_name="completed on")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "activity",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.activity",
                        verbose_name="activity",
                    ),
                ),
                (
                    "area",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.area",
                        verbose_name="area",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "output_indicator",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.outputindicator",
                        verbose_name="output indicator",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.unit",
                        verbose_name="unit",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical task",
                "verbose_name_plural": "historical tasks",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalSmartphoneHandover",
            fields=[
                (
                    "registerentry_ptr",
                    models.ForeignKey(
                        auto_created=True,
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        parent_link=True,
                        related_name="+",
                        to="tracker.registerentry",
                    ),
                ),
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("radio_work", "Commune radio work"),
                            ("training_course", "Training course"),
                            ("media_product", "Media product"),
                            ("info_point", "Public information point"),
                            ("publication", "Publication"),
                            ("smartphones", "Smartphones handed over"),
                        ],
                        editable=False,
                        max_length=20,
                        verbose_name="register",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Draft"),
                            ("submitted", "Submitted"),
                            ("accepted", "Accepted"),
                            ("returned", "Returned for correction"),
                        ],
                        default="draft",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                (
                    "return_reason",
                    models.TextField(
                        blank=True,
                        max_length=5000,
                        validators=[django.core.validators.MaxLengthValidator(5000)],
                        verbose_name="reason for returning",
                    ),
                ),
                (
                    "note",
                    models.TextField(
                        blank=True,
                        max_length=5000,
                        validators=[django.core.validators.MaxLengthValidator(5000)],
                        verbose_name="note",
                    ),
                ),
                (
                    "is_sample",
                    models.BooleanField(
                        default=False,
                        help_text="Made up for the demonstration; not an official figure.",
                        verbose_name="sample data",
                    ),
                ),
                ("created_at", models.DateTimeField(blank=True, editable=False, verbose_name="entered")),
                ("submitted_at", models.DateTimeField(blank=True, null=True, verbose_name="submitted")),
                ("reviewed_at", models.DateTimeField(blank=True, null=True, verbose_name="reviewed")),
                (
                    "priority_class",
                    models.CharField(
                        choices=[
                            ("poor_merit", "Poor/near-poor household that is also a family of a person with merit"),
                            ("poor_policy", "Poor/near-poor household that is also a social-policy family"),
                            ("poor_other", "Other poor household"),
                            ("near_poor_other", "Other near-poor household"),
                            ("partial_poor", "Partial support: poor household without a smartphone"),
                            ("partial_poor_2", "Partial support: poor household with a member already supported"),
                            ("partial_near_poor", "Partial support: near-poor household without a smartphone"),
                            (
                                "partial_near_poor_2",
                                "Partial support: near-poor household with a member already supported",
                            ),
                            ("other", "Other (set by the donor or enterprise)"),
                        ],
                        max_length=20,
                        verbose_name="priority class",
                    ),
                ),
                (
                    "source",
                    models.CharField(
                        choices=[
                            ("telecom_fund", "Public-utility telecom fund (QĐ 2269/QĐ-TTg)"),
                            ("provincial_budget", "Provincial budget"),
                            ("donations", "Donations (xã hội hóa)"),
                            ("enterprise", "Telecom enterprise or shop"),
                            ("other", "Other lawful sources"),
                        ],
                        max_length=20,
                        verbose_name="source",
                    ),
                ),
                ("phones", models.PositiveIntegerField(verbose_name="phones")),
                ("households", models.PositiveIntegerField(blank=True, null=True, verbose_name="households")),
                ("handed_over_on", models.DateField(verbose_name="handed over on")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "activity",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.activity",
                        verbose_name="activity",
                    ),
                ),
                (
                    "area",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.area",
                        verbose_name="area",
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="entered by",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "reviewed_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="reviewed by",
                    ),
                ),
                (
                    "submitted_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="submitted by",
                    ),
                ),
                (
                    "task",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="The unit's task the entry reports on; blank for an entry the DIC makes itself.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.task",
                        verbose_name="task",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.unit",
                        verbose_name="unit",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical smartphone handover",
                "verbose_name_plural": "historical smartphone handovers",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalReportingRule",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("title", models.CharField(max_length=255, verbose_name="report")),
                (
                    "frequency",
                    models.CharField(
                        choices=[
                            ("monthly", "Monthly"),
                            ("half_year", "Six-monthly (first half of the year)"),
                            ("annual", "Annual"),
                        ],
                        max_length=10,
                        verbose_name="frequency",
                    ),
                ),
                (
                    "due_day",
                    models.PositiveSmallIntegerField(
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(31),
                        ],
                        verbose_name="due by day",
                    ),
                ),
                (
                    "due_month",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="For six-monthly and annual reports.",
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(12),
                        ],
                        verbose_name="due in month",
                    ),
                ),
                (
                    "due_following_month",
                    models.BooleanField(
                        default=False,
                        help_text="For monthly reports: the report of a month is due on that day of the next month (e.g. September's report by 20 October).",
                        verbose_name="due in the following month",
                    ),
                ),
                ("active_from", models.DateField(verbose_name="from")),
                ("active_to", models.DateField(verbose_name="until")),
                ("wording", models.CharField(blank=True, max_length=255, verbose_name="as written")),
                (
                    "is_default",
                    models.BooleanField(
                        default=False,
                        help_text="Also applies to every unit with tasks in the plan that no other rule names.",
                        verbose_name="default rule of the plan",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.plan",
                        verbose_name="plan",
                    ),
                ),
                (
                    "recipient",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.unit",
                        verbose_name="reported to",
                    ),
                ),
                (
                    "reporter",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.unit",
                        verbose_name="reported by",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical reporting rule",
                "verbose_name_plural": "historical reporting rules",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalReportDispatch",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("period_start", models.DateField(verbose_name="period from")),
                ("period_end", models.DateField(verbose_name="period to")),
                ("sent_on", models.DateField(verbose_name="sent on")),
                (
                    "number_symbol",
                    models.CharField(
                        blank=True,
                        help_text="E.g. 45/BC-SKHCN; blank if it has none.",
                        max_length=60,
                        verbose_name="number and symbol",
                    ),
                ),
                ("note", models.TextField(blank=True, max_length=2000, verbose_name="note")),
                ("recorded_at", models.DateTimeField(blank=True, editable=False, verbose_name="recorded")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "recorded_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="recorded by",
                    ),
                ),
                (
                    "rule",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.reportingrule",
                        verbose_name="reporting rule",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.unit",
                        verbose_name="unit",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical periodic report sent",
                "verbose_name_plural": "historical periodic reports sent",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalRegisterEntry",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("radio_work", "Commune radio work"),
                            ("training_course", "Training course"),
                            ("media_product", "Media product"),
                            ("info_point", "Public information point"),
                            ("publication", "Publication"),
                            ("smartphones", "Smartphones handed over"),
                        ],
                        editable=False,
                        max_length=20,
                        verbose_name="register",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Draft"),
                            ("submitted", "Submitted"),
                            ("accepted", "Accepted"),
                            ("returned", "Returned for correction"),
                        ],
                        default="draft",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                (
                    "return_reason",
                    models.TextField(
                        blank=True,
                        max_length=5000,
                        validators=[django.core.validators.MaxLengthValidator(5000)],
                        verbose_name="reason for returning",
                    ),
                ),
                (
                    "note",
                    models.TextField(
                        blank=True,
                        max_length=5000,
                        validators=[django.core.validators.MaxLengthValidator(5000)],
                        verbose_name="note",
                    ),
                ),
                (
                    "is_sample",
                    models.BooleanField(
                        default=False,
                        help_text="Made up for the demonstration; not an official figure.",
                        verbose_name="sample data",
                    ),
                ),
                ("created_at", models.DateTimeField(blank=True, editable=False, verbose_name="entered")),
                ("submitted_at", models.DateTimeField(blank=True, null=True, verbose_name="submitted")),
                ("reviewed_at", models.DateTimeField(blank=True, null=True, verbose_name="reviewed")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "activity",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.activity",
                        verbose_name="activity",
                    ),
                ),
                (
                    "area",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.area",
                        verbose_name="area",
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="entered by",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "reviewed_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="reviewed by",
                    ),
                ),
                (
                    "submitted_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="submitted by",
                    ),
                ),
                (
                    "task",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="The unit's task the entry reports on; blank for an entry the DIC makes itself.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.task",
                        verbose_name="task",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.unit",
                        verbose_name="unit",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical register entry",
                "verbose_name_plural": "historical register entries",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalRadioWork",
            fields=[
                (
                    "registerentry_ptr",
                    models.ForeignKey(
                        auto_created=True,
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        parent_link=True,
                        related_name="+",
                        to="tracker.registerentry",
                    ),
                ),
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("radio_work", "Commune radio work"),
                            ("training_course", "Training course"),
                            ("media_product", "Media product"),
                            ("info_point", "Public information point"),
                            ("publication", "Publication"),
                            ("smartphones", "Smartphones handed over"),
                        ],
                        editable=False,
                        max_length=20,
                        verbose_name="register",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Draft"),
                            ("submitted", "Submitted"),
                            ("accepted", "Accepted"),
                            ("returned", "Returned for correction"),
                        ],
                        default="draft",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                (
                    "return_reason",
                    models.TextField(
                        blank=True,
                        max_length=5000,
                        validators=[django.core.validators.MaxLengthValidator(5000)],
                        verbose_name="reason for returning",
                    ),
                ),
                (
                    "note",
                    models.TextField(
                        blank=True,
                        max_length=5000,
                        validators=[django.core.validators.MaxLengthValidator(5000)],
                        verbose_name="note",
                    ),
                ),
                (
                    "is_sample",
                    models.BooleanField(
                        default=False,
                        help_text="Made up for the demonstration; not an official figure.",
                        verbose_name="sample data",
                    ),
                ),
                ("created_at", models.DateTimeField(blank=True, editable=False, verbose_name="entered")),
                ("submitted_at", models.DateTimeField(blank=True, null=True, verbose_name="submitted")),
                ("reviewed_at", models.DateTimeField(blank=True, null=True, verbose_name="reviewed")),
                (
                    "station_kind",
                    models.CharField(
                        choices=[
                            ("none", "No station"),
                            ("wired", "Wired"),
                            ("fm", "FM wireless"),
                            ("ip", "IP / ICT-based (Thông tư 39/2020/TT-BTTTT)"),
                        ],
                        default="none",
                        max_length=5,
                        verbose_name="station",
                    ),
                ),
                ("is_working", models.BooleanField(default=False, verbose_name="working")),
                (
                    "is_connected",
                    models.BooleanField(
                        default=False, verbose_name="connected to the provincial source-information system"
                    ),
                ),
                ("wired_clusters", models.PositiveIntegerField(default=0, verbose_name="wired clusters")),
                ("fm_clusters", models.PositiveIntegerField(default=0, verbose_name="FM clusters")),
                ("ip_clusters", models.PositiveIntegerField(default=0, verbose_name="IP clusters")),
                (
                    "work_type",
                    models.CharField(
                        choices=[
                            ("new", "New station"),
                            ("expansion", "Expansion with IP clusters"),
                            ("replacement", "Replacement of broken wired/FM clusters"),
                        ],
                        max_length=12,
                        verbose_name="work",
                    ),
                ),
                ("contractor", models.CharField(blank=True, max_length=255, verbose_name="contractor")),
                ("cost", models.BigIntegerField(blank=True, null=True, verbose_name="cost (VND)")),
                ("started_on", models.DateField(blank=True, null=True, verbose_name="started on")),
                (
                    "accepted_on",
                    models.DateField(
                        blank=True,
                        help_text="Required to submit the work.",
                        null=True,
                        verbose_name="acceptance (nghiệm thu) date",
                    ),
                ),
                ("handed_over_on", models.DateField(blank=True, null=True, verbose_name="handed over on")),
                (
                    "before_kind",
                    models.CharField(
                        choices=[
                            ("none", "No station"),
                            ("wired", "Wired"),
                            ("fm", "FM wireless"),
                            ("ip", "IP / ICT-based (Thông tư 39/2020/TT-BTTTT)"),
                        ],
                        default="none",
                        max_length=5,
                        verbose_name="station before",
                    ),
                ),
                ("before_is_working", models.BooleanField(default=False, verbose_name="working before")),
                ("before_is_connected", models.BooleanField(default=False, verbose_name="connected before")),
                ("before_wired_clusters", models.PositiveIntegerField(default=0, verbose_name="wired clusters before")),
                ("before_fm_clusters", models.PositiveIntegerField(default=0, verbose_name="FM clusters before")),
                ("before_ip_clusters", models.PositiveIntegerField(default=0, verbose_name="IP clusters before")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "activity",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.activity",
                        verbose_name="activity",
                    ),
                ),
                (
                    "area",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.area",
                        verbose_name="area",
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="entered by",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "reviewed_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="reviewed by",
                    ),
                ),
                (
                    "submitted_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="submitted by",
                    ),
                ),
                (
                    "station",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.radiostation",
                        verbose_name="station",
                    ),
                ),
                (
                    "task",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="The unit's task the entry reports on; blank for an entry the DIC makes itself.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.task",
                        verbose_name="task",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.unit",
                        verbose_name="unit",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical commune radio work",
                "verbose_name_plural": "historical commune radio works",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPublication",
            fields=[
                (
                    "registerentry_ptr",
                    models.ForeignKey(
                        auto_created=True,
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        parent_link=True,
                        related_name="+",
                        to="tracker.registerentry",
                    ),
                ),
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("radio_work", "Commune radio work"),
                            ("training_course", "Training course"),
                            ("media_product", "Media product"),
                            ("info_point", "Public information point"),
                            ("publication", "Publication"),
                            ("smartphones", "Smartphones handed over"),
                        ],
                        editable=False,
                        max_length=20,
                        verbose_name="register",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Draft"),
                            ("submitted", "Submitted"),
                            ("accepted", "Accepted"),
                            ("returned", "Returned for correction"),
                        ],
                        default="draft",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                (
                    "return_reason",
                    models.TextField(
                        blank=True,
                        max_length=5000,
                        validators=[django.core.validators.MaxLengthValidator(5000)],
                        verbose_name="reason for returning",
                    ),
                ),
                (
                    "note",
                    models.TextField(
                        blank=True,
                        max_length=5000,
                        validators=[django.core.validators.MaxLengthValidator(5000)],
                        verbose_name="note",
                    ),
                ),
                (
                    "is_sample",
                    models.BooleanField(
                        default=False,
                        help_text="Made up for the demonstration; not an official figure.",
                        verbose_name="sample data",
                    ),
                ),
                ("created_at", models.DateTimeField(blank=True, editable=False, verbose_name="entered")),
                ("submitted_at", models.DateTimeField(blank=True, null=True, verbose_name="submitted")),
                ("reviewed_at", models.DateTimeField(blank=True, null=True, verbose_name="reviewed")),
                ("title", models.CharField(max_length=300, verbose_name="title")),
                ("title_key", models.CharField(db_index=True, editable=False, max_length=300)),
                (
                    "medium",
                    models.CharField(
                        choices=[("print", "Print"), ("electronic", "Electronic")], max_length=10, verbose_name="form"
                    ),
                ),
                ("publisher", models.CharField(blank=True, max_length=255, verbose_name="publisher")),
                ("published_on", models.DateField(verbose_name="published on")),
                (
                    "copies",
                    models.PositiveIntegerField(blank=True, help_text="For print.", null=True, verbose_name="copies"),
                ),
                (
                    "language",
                    models.CharField(
                        choices=[
                            ("vi", "Tiếng Việt"),
                            ("tyz", "Tiếng Tày"),
                            ("nut", "Tiếng Nùng"),
                            ("blt", "Tiếng Thái"),
                            ("hmn", "Tiếng H'Mông"),
                            ("ium", "Tiếng Dao"),
                            ("km", "Tiếng Khmer"),
                            ("rad", "Tiếng Ê Đê"),
                            ("jra", "Tiếng Gia Rai"),
                            ("bdq", "Tiếng Ba Na"),
                            ("cjm", "Tiếng Chăm"),
                            ("ktv", "Tiếng Cơ Tu"),
                            ("tth", "Tiếng Tà Ôi"),
                            ("pac", "Tiếng Pa Cô"),
                            ("bru", "Tiếng Bru - Vân Kiều"),
                        ],
                        default="vi",
                        max_length=5,
                        verbose_name="language",
                    ),
                ),
                (
                    "distribution",
                    models.TextField(
                        blank=True,
                        help_text="To whom and where it was given.",
                        max_length=5000,
                        validators=[django.core.validators.MaxLengthValidator(5000)],
                        verbose_name="distribution",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "activity",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.activity",
                        verbose_name="activity",
                    ),
                ),
                (
                    "area",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.area",
                        verbose_name="area",
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="entered by",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "reviewed_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="reviewed by",
                    ),
                ),
                (
                    "submitted_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="submitted by",
                    ),
                ),
                (
                    "task",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="The unit's task the entry reports on; blank for an entry the DIC makes itself.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.task",
                        verbose_name="task",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.unit",
                        verbose_name="unit",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical publication",
                "verbose_name_plural": "historical publications",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalProgrammeComponent",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("valid_from", models.DateField(blank=True, null=True, verbose_name="valid from")),
                ("valid_to", models.DateField(blank=True, null=True, verbose_name="valid to")),
                (
                    "level",
                    models.PositiveSmallIntegerField(
                        choices=[(1, "Programme"), (2, "Project"), (3, "Sub-project")], verbose_name="level"
                    ),
                ),
                ("code", models.CharField(db_index=True, max_length=30, verbose_name="code")),
                ("name", models.CharField(max_length=300, verbose_name="name")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "legal_basis",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.legaldocument",
                        verbose_name="approved by",
                    ),
                ),
                (
                    "parent",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.programmecomponent",
                        verbose_name="part of",
                    ),
                ),
                (
                    "lead_agency",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.unit",
                        verbose_name="lead agency",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical programme component",
                "verbose_name_plural": "historical programme components",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPlanDuty",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                ("heading", models.CharField(blank=True, max_length=300, verbose_name="heading as written")),
                (
                    "text",
                    models.TextField(
                        max_length=20000,
                        validators=[django.core.validators.MaxLengthValidator(20000)],
                        verbose_name="duties",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.plan",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.unit",
                        verbose_name="unit",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical duty",
                "verbose_name_plural": "historical duties",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPlan",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                (
                    "number_symbol",
                    models.CharField(
                        blank=True,
                        help_text="E.g. 146/KH-UBND; blank for a draft.",
                        max_length=60,
                        verbose_name="number and symbol",
                    ),
                ),
                (
                    "place",
                    models.CharField(
                        blank=True, help_text="As in the header, e.g. Lạng Sơn.", max_length=100, verbose_name="place"
                    ),
                ),
                ("issued_on", models.DateField(blank=True, null=True, verbose_name="date")),
                (
                    "issued_on_precision",
                    models.CharField(
                        choices=[("day", "Day"), ("month", "Month only"), ("year", "Year only")],
                        default="day",
                        max_length=5,
                        verbose_name="date known to the",
                    ),
                ),
                (
                    "title",
                    models.TextField(
                        max_length=2000,
                        validators=[django.core.validators.MaxLengthValidator(2000)],
                        verbose_name="title",
                    ),
                ),
                ("period_start", models.DateField(verbose_name="period from")),
                ("period_end", models.DateField(verbose_name="period to")),
                (
                    "status",
                    models.CharField(
                        choices=[("draft", "Draft"), ("issued", "Issued"), ("closed", "Closed")],
                        default="draft",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                (
                    "purpose",
                    models.TextField(
                        blank=True,
                        max_length=20000,
                        validators=[django.core.validators.MaxLengthValidator(20000)],
                        verbose_name="purpose and requirements",
                    ),
                ),
                (
                    "funding",
                    models.TextField(
                        blank=True,
                        max_length=20000,
                        validators=[django.core.validators.MaxLengthValidator(20000)],
                        verbose_name="funding",
                    ),
                ),
                (
                    "signing_authority",
                    models.CharField(
                        blank=True,
                        help_text="E.g. TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH.",
                        max_length=120,
                        verbose_name="signing authority",
                    ),
                ),
                ("signer_title", models.CharField(blank=True, max_length=120, verbose_name="signer's title")),
                ("signer_name", models.CharField(blank=True, max_length=120, verbose_name="signer")),
                (
                    "recipients",
                    models.TextField(
                        blank=True,
                        help_text="One recipient per line.",
                        max_length=5000,
                        validators=[django.core.validators.MaxLengthValidator(5000)],
                        verbose_name="recipients",
                    ),
                ),
                (
                    "is_sample",
                    models.BooleanField(
                        default=False,
                        help_text="Invented for the demo; not an official fact.",
                        verbose_name="sample data",
                    ),
                ),
                ("created_at", models.DateTimeField(blank=True, editable=False, verbose_name="created")),
                ("updated_at", models.DateTimeField(blank=True, editable=False, verbose_name="updated")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "area",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.area",
                        verbose_name="area covered",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "programme_component",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.programmecomponent",
                        verbose_name="programme component",
                    ),
                ),
                (
                    "issuer",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.unit",
                        verbose_name="issued by",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical plan",
                "verbose_name_plural": "historical plans",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalMediaProduct",
            fields=[
                (
                    "registerentry_ptr",
                    models.ForeignKey(
                        auto_created=True,
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        parent_link=True,
                        related_name="+",
                        to="tracker.registerentry",
                    ),
                ),
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("radio_work", "Commune radio work"),
                            ("training_course", "Training course"),
                            ("media_product", "Media product"),
                            ("info_point", "Public information point"),
                            ("publication", "Publication"),
                            ("smartphones", "Smartphones handed over"),
                        ],
                        editable=False,
                        max_length=20,
                        verbose_name="register",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Draft"),
                            ("submitted", "Submitted"),
                            ("accepted", "Accepted"),
                            ("returned", "Returned for correction"),
                        ],
                        default="draft",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                (
                    "return_reason",
                    models.TextField(
                        blank=True,
                        max_length=5000,
                        validators=[django.core.validators.MaxLengthValidator(5000)],
                        verbose_name="reason for returning",
                    ),
                ),
                (
                    "note",
                    models.TextField(
                        blank=True,
                        max_length=5000,
                        validators=[django.core.validators.MaxLengthValidator(5000)],
                        verbose_name="note",
                    ),
                ),
                (
                    "is_sample",
                    models.BooleanField(
                        default=False,
                        help_text="Made up for the demonstration; not an official figure.",
                        verbose_name="sample data",
                    ),
                ),
                ("created_at", models.DateTimeField(blank=True, editable=False, verbose_name="entered")),
                ("submitted_at", models.DateTimeField(blank=True, null=True, verbose_name="submitted")),
                ("reviewed_at", models.DateTimeField(blank=True, null=True, verbose_name="reviewed")),
                ("title", models.CharField(max_length=300, verbose_name="title")),
                (
                    "product_kind",
                    models.CharField(
                        choices=[
                            ("news", "News"),
                            ("article", "Article"),
                            ("reportage", "Reportage"),
                            ("interview", "Interview"),
                            ("radio", "Radio programme"),
                            ("tv", "TV programme"),
                            ("infographic", "Infographic"),
                            ("video", "Video clip"),
                            ("leaflet", "Leaflet"),
                            ("handbook", "Handbook"),
                        ],
                        max_length=12,
                        verbose_name="kind",
                    ),
                ),
                (
                    "channel",
                    models.CharField(
                        choices=[
                            ("newspaper", "Newspaper"),
                            ("radio_tv", "Radio-TV"),
                            ("portal", "Web portal"),
                            ("social", "Social network"),
                            ("commune_radio", "Commune radio"),
                            ("print", "Printed and distributed"),
                        ],
                        max_length=15,
                        verbose_name="channel",
                    ),
                ),
                ("published_on", models.DateField(verbose_name="published or broadcast on")),
                (
                    "language",
                    models.CharField(
                        choices=[
                            ("vi", "Tiếng Việt"),
                            ("tyz", "Tiếng Tày"),
                            ("nut", "Tiếng Nùng"),
                            ("blt", "Tiếng Thái"),
                            ("hmn", "Tiếng H'Mông"),
                            ("ium", "Tiếng Dao"),
                            ("km", "Tiếng Khmer"),
                            ("rad", "Tiếng Ê Đê"),
                            ("jra", "Tiếng Gia Rai"),
                            ("bdq", "Tiếng Ba Na"),
                            ("cjm", "Tiếng Chăm"),
                            ("ktv", "Tiếng Cơ Tu"),
                            ("tth", "Tiếng Tà Ôi"),
                            ("pac", "Tiếng Pa Cô"),
                            ("bru", "Tiếng Bru - Vân Kiều"),
                        ],
                        default="vi",
                        max_length=5,
                        verbose_name="language",
                    ),
                ),
                (
                    "duration_minutes",
                    models.PositiveIntegerField(blank=True, null=True, verbose_name="duration (minutes)"),
                ),
                (
                    "length",
                    models.CharField(
                        blank=True, help_text="E.g. 1,200 words, 4 pages.", max_length=100, verbose_name="length"
                    ),
                ),
                ("url", models.URLField(blank=True, max_length=500, verbose_name="link")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "activity",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.activity",
                        verbose_name="activity",
                    ),
                ),
                (
                    "area",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.area",
                        verbose_name="area",
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="entered by",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "reviewed_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="reviewed by",
                    ),
                ),
                (
                    "submitted_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="submitted by",
                    ),
                ),
                (
                    "task",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="The unit's task the entry reports on; blank for an entry the DIC makes itself.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.task",
                        verbose_name="task",
                    ),
                ),
                (
                    "producer",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.unit",
                        verbose_name="producer",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.unit",
                        verbose_name="unit",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical media product",
                "verbose_name_plural": "historical media products",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalInfoPoint",
            fields=[
                (
                    "registerentry_ptr",
                    models.ForeignKey(
                        auto_created=True,
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        parent_link=True,
                        related_name="+",
                        to="tracker.registerentry",
                    ),
                ),
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("radio_work", "Commune radio work"),
                            ("training_course", "Training course"),
                            ("media_product", "Media product"),
                            ("info_point", "Public information point"),
                            ("publication", "Publication"),
                            ("smartphones", "Smartphones handed over"),
                        ],
                        editable=False,
                        max_length=20,
                        verbose_name="register",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Draft"),
                            ("submitted", "Submitted"),
                            ("accepted", "Accepted"),
                            ("returned", "Returned for correction"),
                        ],
                        default="draft",
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                (
                    "return_reason",
                    models.TextField(
                        blank=True,
                        max_length=5000,
                        validators=[django.core.validators.MaxLengthValidator(5000)],
                        verbose_name="reason for returning",
                    ),
                ),
                (
                    "note",
                    models.TextField(
                        blank=True,
                        max_length=5000,
                        validators=[django.core.validators.MaxLengthValidator(5000)],
                        verbose_name="note",
                    ),
                ),
                (
                    "is_sample",
                    models.BooleanField(
                        default=False,
                        help_text="Made up for the demonstration; not an official figure.",
                        verbose_name="sample data",
                    ),
                ),
                ("created_at", models.DateTimeField(blank=True, editable=False, verbose_name="entered")),
                ("submitted_at", models.DateTimeField(blank=True, null=True, verbose_name="submitted")),
                ("reviewed_at", models.DateTimeField(blank=True, null=True, verbose_name="reviewed")),
                ("name", models.CharField(max_length=255, verbose_name="postal point")),
                (
                    "services",
                    models.TextField(
                        blank=True,
                        max_length=5000,
                        validators=[django.core.validators.MaxLengthValidator(5000)],
                        verbose_name="services offered",
                    ),
                ),
                (
                    "equipment",
                    models.TextField(
                        blank=True,
                        max_length=5000,
                        validators=[django.core.validators.MaxLengthValidator(5000)],
                        verbose_name="equipment",
                    ),
                ),
                ("opened_on", models.DateField(verbose_name="opened on")),
                (
                    "people_served_per_month",
                    models.PositiveIntegerField(blank=True, null=True, verbose_name="people served per month"),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "activity",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.activity",
                        verbose_name="activity",
                    ),
                ),
                (
                    "area",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.area",
                        verbose_name="area",
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="entered by",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "reviewed_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="reviewed by",
                    ),
                ),
                (
                    "submitted_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="submitted by",
                    ),
                ),
                (
                    "task",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="The unit's task the entry reports on; blank for an entry the DIC makes itself.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.task",
                        verbose_name="task",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.unit",
                        verbose_name="unit",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical public information point",
                "verbose_name_plural": "historical public information points",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalDeadline",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                (
                    "title",
                    models.TextField(
                        max_length=2000,
                        validators=[django.core.validators.MaxLengthValidator(2000)],
                        verbose_name="what is due",
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("date", "By a date"),
                            ("window", "During a window"),
                            ("on_issue", "As soon as the plan is issued"),
                        ],
                        default="date",
                        max_length=10,
                        verbose_name="kind",
                    ),
                ),
                ("due_date", models.DateField(blank=True, null=True, verbose_name="due date")),
                ("window_start", models.DateField(blank=True, null=True, verbose_name="window from")),
                ("window_end", models.DateField(blank=True, null=True, verbose_name="window to")),
                (
                    "wording",
                    models.CharField(
                        blank=True, help_text="E.g. 'trước ngày 31/7/2023'.", max_length=255, verbose_name="as written"
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "activity",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.activity",
                        verbose_name="activity",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.plan",
                        verbose_name="plan",
                    ),
                ),
                (
                    "responsible_unit",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.unit",
                        verbose_name="responsible unit",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical deadline",
                "verbose_name_plural": "historical deadlines",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalCooperation",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("note", models.CharField(blank=True, max_length=255, verbose_name="role")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "activity",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.activity",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.unit",
                        verbose_name="unit",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical cooperating unit",
                "verbose_name_plural": "historical cooperating units",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalActivity",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                (
                    "section_code",
                    models.CharField(
                        help_text="As numbered in the plan, e.g. 2.3.", max_length=20, verbose_name="section"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                (
                    "title",
                    models.TextField(
                        max_length=2000,
                        validators=[django.core.validators.MaxLengthValidator(2000)],
                        verbose_name="title",
                    ),
                ),
                (
                    "description",
                    models.TextField(
                        blank=True,
                        max_length=20000,
                        validators=[django.core.validators.MaxLengthValidator(20000)],
                        verbose_name="description",
                    ),
                ),
                ("start_date", models.DateField(blank=True, null=True, verbose_name="start")),
                ("due_date", models.DateField(blank=True, null=True, verbose_name="deadline")),
                (
                    "schedule_note",
                    models.CharField(
                        blank=True,
                        help_text="E.g. 'Năm 2023 – 2025'.",
                        max_length=255,
                        verbose_name="timing as written",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("not_started", "Not started"),
                            ("in_progress", "In progress"),
                            ("completed", "Completed"),
                            ("cancelled", "Cancelled"),
                        ],
                        default="not_started",
                        max_length=12,
                        verbose_name="status",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "activity_type",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.activitytype",
                        verbose_name="content type",
                    ),
                ),
                (
                    "area",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.area",
                        verbose_name="area",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.plan",
                        verbose_name="plan",
                    ),
                ),
                (
                    "lead_unit",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tracker.unit",
                        verbose_name="lead unit",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical activity",
                "verbose_name_plural": "historical activities",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name="generatedreport",
            name="unit",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="generated_reports",
                to="tracker.unit",
                verbose_name="unit",
            ),
        ),
        migrations.CreateModel(
            name="Deadline",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "title",
                    models.TextField(
                        max_length=2000,
                        validators=[django.core.validators.MaxLengthValidator(2000)],
                        verbose_name="what is due",
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("date", "By a date"),
                            ("window", "During a window"),
                            ("on_issue", "As soon as the plan is issued"),
                        ],
                        default="date",
                        max_length=10,
                        verbose_name="kind",
                    ),
                ),
                ("due_date", models.DateField(blank=True, null=True, verbose_name="due date")),
                ("window_start", models.DateField(blank=True, null=True, verbose_name="window from")),
                ("window_end", models.DateField(blank=True, null=True, verbose_name="window to")),
                (
                    "wording",
                    models.CharField(
                        blank=True, help_text="E.g. 'trước ngày 31/7/2023'.", max_length=255, verbose_name="as written"
                    ),
                ),
                (
                    "activity",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="deadlines",
                        to="tracker.activity",
                        verbose_name="activity",
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="deadlines",
                        to="tracker.plan",
                        verbose_name="plan",
                    ),
                ),
                (
                    "responsible_unit",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="tracker.unit",
                        verbose_name="responsible unit",
                    ),
                ),
            ],
            options={
                "verbose_name": "deadline",
                "verbose_name_plural": "deadlines",
                "ordering": ["due_date", "window_start", "id"],
            },
        ),
        migrations.CreateModel(
            name="Cooperation",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("note", models.CharField(blank=True, max_length=255, verbose_name="role")),
                (
                    "activity",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="cooperations", to="tracker.activity"
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="cooperations",
                        to="tracker.unit",
                        verbose_name="unit",
                    ),
                ),
            ],
            options={
                "verbose_name": "cooperating unit",
                "verbose_name_plural": "cooperating units",
            },
        ),
        migrations.AddField(
            model_name="activity",
            name="cooperating_units",
            field=models.ManyToManyField(
                blank=True,
                related_name="cooperating_activities",
                through="tracker.Cooperation",
                to="tracker.unit",
                verbose_name="cooperating units",
            ),
        ),
        migrations.AddField(
            model_name="activity",
            name="lead_unit",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="led_activities",
                to="tracker.unit",
                verbose_name="lead unit",
            ),
        ),
        migrations.AddField(
            model_name="user",
            name="unit",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="users",
                to="tracker.unit",
                verbose_name="unit",
            ),
        ),
        migrations.CreateModel(
            name="ActivityGroupObjectPermission",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "content_object",
                    models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="tracker.activity"),
                ),
                ("group", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="auth.group")),
                ("permission", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="auth.permission")),
            ],
            options={
                "abstract": False,
                "unique_together": {("group", "permission", "content_object")},
            },
        ),
        migrations.CreateModel(
            name="ActivityUserObjectPermission",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "content_object",
                    models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="tracker.activity"),
                ),
                ("permission", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="auth.permission")),
                ("user", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to=settings.AUTH_USER_MODEL)),
            ],
            options={
                "abstract": False,
                "unique_together": {("user", "permission", "content_object")},
            },
        ),
        migrations.AddConstraint(
            model_name="area",
            constraint=models.UniqueConstraint(
                condition=models.Q(("valid_to__isnull", True), models.Q(("code", ""), _negated=True)),
                fields=("code",),
                name="area_code_unique_in_force",
                violation_error_message="Another area in force already has this official code.",
            ),
        ),
        migrations.AddConstraint(
            model_name="area",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("valid_to__isnull", True),
                    ("valid_from__isnull", True),
                    ("valid_to__gte", models.F("valid_from")),
                    _connector="OR",
                ),
                name="area_valid_to_after_from",
                violation_error_message="The end date cannot be before the start date.",
            ),
        ),
        migrations.AddConstraint(
            model_name="areaclassification",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("kind", "region"), models.Q(("region", ""), _negated=True)),
                    models.Q(models.Q(("kind", "region"), _negated=True), ("region", "")),
                    _connector="OR",
                ),
                name="areaclassification_region_only_for_region",
                violation_error_message="A region classification names the region; the others do not.",
            ),
        ),
        migrations.AddConstraint(
            model_name="areaclassification",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("valid_to__isnull", True),
                    ("valid_from__isnull", True),
                    ("valid_to__gte", models.F("valid_from")),
                    _connector="OR",
                ),
                name="areaclassification_valid_to_after_from",
                violation_error_message="The end date cannot be before the start date.",
            ),
        ),
        migrations.AddConstraint(
            model_name="areasuccession",
            constraint=models.UniqueConstraint(
                fields=("predecessor", "successor"),
                name="area_succession_unique",
                violation_error_message="This succession is already recorded.",
            ),
        ),
        migrations.AddConstraint(
            model_name="areasuccession",
            constraint=models.CheckConstraint(
                condition=models.Q(("predecessor", models.F("successor")), _negated=True),
                name="area_succession_not_self",
                violation_error_message="An area cannot be its own successor.",
            ),
        ),
        migrations.AddIndex(
            model_name="authevent",
            index=models.Index(fields=["user", "-at"], name="authevent_user_at"),
        ),
        migrations.AddField(
            model_name="mediaproduct",
            name="producer",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="tracker.unit",
                verbose_name="producer",
            ),
        ),
        migrations.AddField(
            model_name="radioworkvillage",
            name="work",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="villages", to="tracker.radiowork"
            ),
        ),
        migrations.AddField(
            model_name="radiowork",
            name="station",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="works",
                to="tracker.radiostation",
                verbose_name="station",
            ),
        ),
        migrations.AddField(
            model_name="radiostationstate",
            name="work",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="resulting_state",
                to="tracker.radiowork",
                verbose_name="left by the work",
            ),
        ),
        migrations.AddField(
            model_name="historicalradioworkvillage",
            name="work",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="tracker.radiowork",
            ),
        ),
        migrations.AddField(
            model_name="historicalradiostationstate",
            name="work",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="tracker.radiowork",
                verbose_name="left by the work",
            ),
        ),
        migrations.AddConstraint(
            model_name="smartphonehandover",
            constraint=models.CheckConstraint(
                condition=models.Q(("phones__gte", 1)),
                name="smartphonehandover_phones_positive",
                violation_error_message="A handover gives at least one phone.",
            ),
        ),
        migrations.AddField(
            model_name="trainingmaterial",
            name="course",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="materials", to="tracker.trainingcourse"
            ),
        ),
        migrations.AddConstraint(
            model_name="trainingcourse",
            constraint=models.CheckConstraint(
                condition=models.Q(("end_date__gte", models.F("start_date"))),
                name="trainingcourse_dates_ordered",
                violation_error_message="The course cannot end before it starts.",
            ),
        ),
        migrations.AddConstraint(
            model_name="trainingcourse",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("trainees_female__lte", models.F("trainees_total")),
                    ("trainees_ethnic_minority__lte", models.F("trainees_total")),
                ),
                name="trainingcourse_parts_within_total",
                violation_error_message="Women and ethnic-minority trainees cannot outnumber all trainees.",
            ),
        ),
        migrations.AddField(
            model_name="trainee",
            name="course",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="trainees", to="tracker.trainingcourse"
            ),
        ),
        migrations.AddField(
            model_name="historicaltrainingmaterial",
            name="course",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="tracker.trainingcourse",
            ),
        ),
        migrations.AddField(
            model_name="historicaltrainee",
            name="course",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="tracker.trainingcourse",
            ),
        ),
        migrations.AddConstraint(
            model_name="outputindicator",
            constraint=models.CheckConstraint(
                condition=models.Q(("planned_quantity__isnull", True), ("planned_quantity__gte", 0), _connector="OR"),
                name="outputindicator_quantity_not_negative",
                violation_error_message="A quantity cannot be negative.",
            ),
        ),
        migrations.AddConstraint(
            model_name="outputindicator",
            constraint=models.CheckConstraint(
                condition=models.Q(("register_measure", ""), ("counted_from", "records"), _connector="OR"),
                name="outputindicator_register_measure_needs_records",
                violation_error_message="Only an output counted from records can be counted from a register.",
            ),
        ),
        migrations.AddConstraint(
            model_name="outputrecord",
            constraint=models.CheckConstraint(
                condition=models.Q(("quantity__gte", 1)),
                name="outputrecord_quantity_positive",
                violation_error_message="A record counts at least one.",
            ),
        ),
        migrations.AddConstraint(
            model_name="planlegalbasis",
            constraint=models.UniqueConstraint(
                fields=("plan", "document"),
                name="planlegalbasis_unique",
                violation_error_message="This document is already a legal basis of the plan.",
            ),
        ),
        migrations.AddConstraint(
            model_name="reportedquantity",
            constraint=models.UniqueConstraint(
                fields=("report", "output_indicator"),
                name="reportedquantity_unique",
                violation_error_message="This output already has a quantity in the report.",
            ),
        ),
        migrations.AddConstraint(
            model_name="reportedquantity",
            constraint=models.CheckConstraint(
                condition=models.Q(("quantity__gte", 0)),
                name="reportedquantity_not_negative",
                violation_error_message="A quantity cannot be negative.",
            ),
        ),
        migrations.AddConstraint(
            model_name="target",
            constraint=models.UniqueConstraint(
                fields=("plan", "indicator", "area", "year"),
                name="target_unique",
                violation_error_message="This area already has a value for this indicator and year in the plan.",
            ),
        ),
        migrations.AddConstraint(
            model_name="target",
            constraint=models.CheckConstraint(
                condition=models.Q(("planned_value__gte", 0)),
                name="target_value_not_negative",
                violation_error_message="A target cannot be negative.",
            ),
        ),
        migrations.AddConstraint(
            model_name="target",
            constraint=models.CheckConstraint(
                condition=models.Q(("year__gte", 1990), ("year__lte", 2100)),
                name="target_year_plausible",
                violation_error_message="Give a year between 1990 and 2100.",
            ),
        ),
        migrations.AddIndex(
            model_name="progressreport",
            index=models.Index(
                models.OrderBy(models.F("period_end"), descending=True),
                models.OrderBy(models.F("created_at"), descending=True),
                models.OrderBy(models.F("id"), descending=True),
                name="progressreport_newest",
            ),
        ),
        migrations.AddIndex(
            model_name="progressreport",
            index=models.Index(fields=["task", "period_start", "period_end"], name="progressreport_task_period"),
        ),
        migrations.AddIndex(
            model_name="progressreport",
            index=models.Index(
                models.OrderBy(
                    django.db.models.functions.comparison.Coalesce("reviewed_at", "submitted_at"), descending=True
                ),
                models.OrderBy(models.F("id"), descending=True),
                condition=models.Q(("status__in", ["submitted", "accepted"])),
                name="progressreport_latest_moment",
            ),
        ),
        migrations.AddConstraint(
            model_name="progressreport",
            constraint=models.CheckConstraint(
                condition=models.Q(("percent_complete__lte", 100)),
                name="progressreport_percent_at_most_100",
                violation_error_message="The percentage complete is between 0 and 100.",
            ),
        ),
        migrations.AddConstraint(
            model_name="progressreport",
            constraint=models.CheckConstraint(
                condition=models.Q(("period_end__gte", models.F("period_start"))),
                name="progressreport_period_ordered",
                violation_error_message="The period cannot end before it starts.",
            ),
        ),
        migrations.AddConstraint(
            model_name="progressreport",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("status", "returned"), _negated=True),
                    models.Q(("return_reason", ""), _negated=True),
                    _connector="OR",
                ),
                name="progressreport_returned_has_reason",
                violation_error_message="Say why the report is returned.",
            ),
        ),
        migrations.AddConstraint(
            model_name="progressreport",
            constraint=models.UniqueConstraint(
                condition=models.Q(("status__in", ["draft", "submitted", "returned"])),
                fields=("task", "period_start", "period_end"),
                name="progressreport_one_open_per_period",
                violation_error_message="This task already has a report for this period that is not yet accepted.",
            ),
        ),
        migrations.AddIndex(
            model_name="notification",
            index=models.Index(fields=["recipient", "read_at"], name="notification_unread"),
        ),
        migrations.AddConstraint(
            model_name="notification",
            constraint=models.UniqueConstraint(
                condition=models.Q(("key", ""), _negated=True),
                fields=("recipient", "key"),
                name="notification_once_per_key",
                violation_error_message="This reminder was already given to this person.",
            ),
        ),
        migrations.AlterUniqueTogether(
            name="taskgroupobjectpermission",
            unique_together={("group", "permission", "content_object")},
        ),
        migrations.AlterUniqueTogether(
            name="taskuserobjectpermission",
            unique_together={("user", "permission", "content_object")},
        ),
        migrations.AddConstraint(
            model_name="unit",
            constraint=models.UniqueConstraint(
                condition=models.Q(("valid_to__isnull", True)),
                fields=("name",),
                name="unit_name_unique_in_force",
                violation_error_message="Another unit in force already has this name.",
            ),
        ),
        migrations.AddConstraint(
            model_name="unit",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("kind", "peoples_committee"), _negated=True),
                    ("area__isnull", False),
                    ("is_group", True),
                    _connector="OR",
                ),
                name="unit_peoples_committee_has_area",
                violation_error_message="A People's Committee must belong to an area.",
            ),
        ),
        migrations.AddConstraint(
            model_name="unit",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("valid_to__isnull", True),
                    ("valid_from__isnull", True),
                    ("valid_to__gte", models.F("valid_from")),
                    _connector="OR",
                ),
                name="unit_valid_to_after_from",
                violation_error_message="The end date cannot be before the start date.",
            ),
        ),
        migrations.AddConstraint(
            model_name="task",
            constraint=models.CheckConstraint(
                condition=models.Q(("target_quantity__isnull", True), ("target_quantity__gte", 0), _connector="OR"),
                name="task_quantity_not_negative",
                violation_error_message="A quantity cannot be negative.",
            ),
        ),
        migrations.AddConstraint(
            model_name="task",
            constraint=models.CheckConstraint(
                condition=models.Q(("status", "completed"), ("completed_on__isnull", True), _connector="OR"),
                name="task_completed_on_only_when_completed",
                violation_error_message="Only a completed task has a completion date.",
            ),
        ),
        migrations.AddConstraint(
            model_name="reportingrule",
            constraint=models.CheckConstraint(
                condition=models.Q(("active_to__gte", models.F("active_from"))),
                name="reportingrule_active_ordered",
                violation_error_message="The rule cannot end before it starts.",
            ),
        ),
        migrations.AddConstraint(
            model_name="reportingrule",
            constraint=models.CheckConstraint(
                condition=models.Q(("frequency", "monthly"), ("due_month__isnull", False), _connector="OR"),
                name="reportingrule_month_given",
                violation_error_message="Six-monthly and annual reports need the month they are due in.",
            ),
        ),
        migrations.AddConstraint(
            model_name="reportingrule",
            constraint=models.CheckConstraint(
                condition=models.Q(("frequency", "monthly"), ("due_following_month", False), _connector="OR"),
                name="reportingrule_following_month_monthly",
                violation_error_message="Only a monthly report is due in the following month; give the others their month.",
            ),
        ),
        migrations.AddConstraint(
            model_name="reportdispatch",
            constraint=models.UniqueConstraint(
                fields=("rule", "unit", "period_start", "period_end"),
                name="reportdispatch_one_per_period",
                violation_error_message="This unit's report for this period is already recorded.",
            ),
        ),
        migrations.AddConstraint(
            model_name="reportdispatch",
            constraint=models.CheckConstraint(
                condition=models.Q(("period_end__gte", models.F("period_start"))),
                name="reportdispatch_period_ordered",
                violation_error_message="The period cannot end before it starts.",
            ),
        ),
        migrations.AddIndex(
            model_name="registerentry",
            index=models.Index(fields=["kind", "status"], name="registerentry_kind_status"),
        ),
        migrations.AddConstraint(
            model_name="registerentry",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("status", "returned"), _negated=True),
                    models.Q(("return_reason", ""), _negated=True),
                    _connector="OR",
                ),
                name="registerentry_returned_has_reason",
                violation_error_message="Say why the entry is returned.",
            ),
        ),
        migrations.AddConstraint(
            model_name="plan",
            constraint=models.CheckConstraint(
                condition=models.Q(("period_end__gte", models.F("period_start"))),
                name="plan_period_end_after_start",
                violation_error_message="The period cannot end before it starts.",
            ),
        ),
        migrations.AddConstraint(
            model_name="plan",
            constraint=models.UniqueConstraint(
                condition=models.Q(("number_symbol", ""), _negated=True),
                fields=("issuer", "number_symbol", "issued_on"),
                name="plan_number_unique_per_issuer",
                violation_error_message="This issuer already has a plan with this number and date.",
            ),
        ),
        migrations.AddIndex(
            model_name="obligation",
            index=models.Index(fields=["unit", "due"], name="obligation_unit_due"),
        ),
        migrations.AddIndex(
            model_name="obligation",
            index=models.Index(fields=["due", "state"], name="obligation_due_state"),
        ),
        migrations.AddIndex(
            model_name="obligation",
            index=models.Index(fields=["plan", "rule", "period_start"], name="obligation_plan_rule"),
        ),
        migrations.AddConstraint(
            model_name="obligation",
            constraint=models.UniqueConstraint(
                condition=models.Q(("task__isnull", False)),
                fields=("task", "rule", "period_start", "period_end"),
                name="obligation_one_per_task_period",
            ),
        ),
        migrations.AddConstraint(
            model_name="obligation",
            constraint=models.UniqueConstraint(
                condition=models.Q(("task__isnull", True)),
                fields=("rule", "unit", "period_start", "period_end"),
                name="obligation_one_per_rule_unit_period",
            ),
        ),
        migrations.AddIndex(
            model_name="generatedreport",
            index=models.Index(fields=["kind", "-created_at"], name="generatedreport_kind_created"),
        ),
        migrations.AddConstraint(
            model_name="generatedreport",
            constraint=models.CheckConstraint(
                condition=models.Q(("progress__lte", 100)),
                name="generatedreport_progress_at_most_100",
                violation_error_message="Progress is between 0 and 100 %.",
            ),
        ),
        migrations.AddConstraint(
            model_name="generatedreport",
            constraint=models.CheckConstraint(
                condition=models.Q(("period_end__gte", models.F("period_start"))),
                name="generatedreport_period_ordered",
                violation_error_message="The period cannot end before it starts.",
            ),
        ),
        migrations.AddConstraint(
            model_name="generatedreport",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("status", "done"), _negated=True),
                    models.Q(models.Q(("pdf_sha256", ""), _negated=True), models.Q(("xlsx_sha256", ""), _negated=True)),
                    _connector="OR",
                ),
                name="generatedreport_done_has_files",
                violation_error_message="A finished report has its PDF and Excel files.",
            ),
        ),
        migrations.AddConstraint(
            model_name="generatedreport",
            constraint=models.CheckConstraint(
                condition=models.Q(models.Q(("kind", "unit"), _negated=True), ("unit__isnull", False), _connector="OR"),
                name="generatedreport_unit_report_has_unit",
                violation_error_message="Choose the unit whose report it is.",
            ),
        ),
        migrations.AddConstraint(
            model_name="generatedreport",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("kind", "targets"), _negated=True), ("plan__isnull", False), _connector="OR"
                ),
                name="generatedreport_targets_have_plan",
                violation_error_message="The table of targets by area belongs to one plan.",
            ),
        ),
        migrations.AddConstraint(
            model_name="deadline",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("kind", "date"), _negated=True), ("due_date__isnull", False), _connector="OR"
                ),
                name="deadline_date_has_due_date",
                violation_error_message="A deadline by a date needs the date.",
            ),
        ),
        migrations.AddConstraint(
            model_name="deadline",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("kind", "window"), _negated=True),
                    models.Q(("window_start__isnull", False), ("window_end__gte", models.F("window_start"))),
                    _connector="OR",
                ),
                name="deadline_window_ordered",
                violation_error_message="A window needs a start and an end that is not before it.",
            ),
        ),
        migrations.AddConstraint(
            model_name="cooperation",
            constraint=models.UniqueConstraint(
                fields=("activity", "unit"),
                name="cooperation_unique",
                violation_error_message="This unit already cooperates on the activity.",
            ),
        ),
        migrations.AddConstraint(
            model_name="activity",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("due_date__isnull", True),
                    ("start_date__isnull", True),
                    ("due_date__gte", models.F("start_date")),
                    _connector="OR",
                ),
                name="activity_deadline_after_start",
                violation_error_message="The deadline cannot be before the start.",
            ),
        ),
        migrations.AddConstraint(
            model_name="activity",
            constraint=models.UniqueConstraint(
                fields=("plan", "section_code"),
                name="activity_section_unique_in_plan",
                violation_error_message="This plan already has a content with this section number.",
            ),
        ),
        migrations.AddConstraint(
            model_name="radiowork",
            constraint=models.CheckConstraint(
                condition=models.Q(("cost__isnull", True), ("cost__gte", 0), _connector="OR"),
                name="radiowork_cost_not_negative",
                violation_error_message="A cost cannot be negative.",
            ),
        ),
        migrations.AddIndex(
            model_name="radiostationstate",
            index=models.Index(fields=["station", "effective_on"], name="radiostate_station_date"),
        ),
        # The data steps a new database needs, from the replaced migrations (see above).
        migrations.RunPython(
            _replaced("0002_roles_and_content_types").forwards, _replaced("0002_roles_and_content_types").backwards
        ),
        migrations.RunPython(_replaced("0018_unaccent_extension").create_unaccent, migrations.RunPython.noop),
        migrations.RunPython(
            _replaced("0020_tt06_content_types").add_types, _replaced("0020_tt06_content_types").remove_types
        ),
        migrations.RunPython(
            _replaced("0028_national_monitor_role").forwards, _replaced("0028_national_monitor_role").backwards
        ),
    ]
