"""Settings for the information-poverty tracker.

One module; every difference between machines is an environment variable read by a strict
parser below. Safe development defaults exist only when DEBUG=1: in production SECRET_KEY,
ALLOWED_HOSTS and DATABASE_URL must be given (see .env.example).
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be one of 1/0/true/false/yes/no/on/off, not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_required(name: str, dev_default: str) -> str:
    """A value production must set; development (DEBUG=1) falls back to a safe default."""
    value = os.environ.get(name, "").strip()
    if value:
        return value
    if DEBUG:
        return dev_default
    raise ImproperlyConfigured(f"{name} must be set when DEBUG is off (see .env.example)")


DEBUG = env_bool("DEBUG", False)
# The demo loaders run, and the demo logins get the known password "demo", only on a
# development installation (tracker/demo/guard.py); the test settings keep it on.
DEMO_DATA_ALLOWED = DEBUG
SECRET_KEY = env_required("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"] if DEBUG else [])
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off (see .env.example)")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI's files, served by us (no CDN, under the CSP)
    "django_filters",
    "guardian",
    "simple_history",
    "axes",
    "csp",
    # The second factor: TOTP authenticator apps and single-use recovery codes (tracker/security/).
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "tracker",
    "budgets",
    "cms",
    # The campaign site (cms/): Wagtail serves the public pages at / and its admin at /cms/.
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    # The portal's frame (governing body, agency, contacts, licence) as site settings the site
    # administrator edits, and the contact / Q&A form whose submissions the moderators read.
    "wagtail.contrib.settings",
    "wagtail.contrib.forms",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # Permissions-Policy on every response, static files included (tracker/config/middleware.py).
    "tracker.config.middleware.PermissionsPolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "tracker.config.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Over-large bodies refused (413) before anything reads them; larger on upload pages.
    "tracker.config.middleware.RequestBodyLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Idle timeout, session lifetime, and the second factor owed before any other page.
    "tracker.security.middleware.AccountSecurityMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # A full disk while saving a file: a clear page, nothing half-saved (tracker/core/files.py).
    "tracker.core.files.StorageFullMiddleware",
    # django-csp's middleware, relaxed for Wagtail's admin (/cms/) only; see cms/middleware.py.
    "cms.middleware.CSPMiddleware",
    # Records request.user on every history row written during the request.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks, so it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

if not DEBUG:
    # Production serves collected static files itself; development uses runserver's finder.
    MIDDLEWARE.insert(2, "whitenoise.middleware.WhiteNoiseMiddleware")

# `manage.py benchmark --national` runs gunicorn with BENCHMARK=1: every response then says how
# many SQL queries it took (X-Query-Count), and /__benchmark__/trivial answers a minimal page
# after the whole middleware stack (the throughput of a view that does nothing). Never in use.
BENCHMARK = env_bool("BENCHMARK", False)
if BENCHMARK:
    MIDDLEWARE.insert(0, "tracker.config.middleware.QueryCountMiddleware")
    MIDDLEWARE.append("tracker.config.middleware.TrivialPageMiddleware")

ROOT_URLCONF = "tracker.config.urls"
WSGI_APPLICATION = "tracker.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tracker.config.context_processors.roles",
            ],
        },
    },
]

# SQLite by default so the app runs with nothing else installed; PostgreSQL via DATABASE_URL.
_default_db = f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
DATABASE_URL = env_required("DATABASE_URL", _default_db)
# Health checks: a kept connection that PostgreSQL dropped (a restart, a failover) is noticed
# and replaced before the request uses it, instead of each worker serving one 500.
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 0), conn_health_checks=True)
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS.append("django.contrib.postgres")
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A busy timeout keeps the development server and a management command from tripping.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "tracker.User"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "guardian.backends.ObjectPermissionBackend",
]
ANONYMOUS_USER_NAME = None  # guardian: no anonymous user object; anonymous sees nothing.

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "tracker:home"
LOGOUT_REDIRECT_URL = "login"

# Vietnamese by default, English switchable; dates dd/mm/yyyy in both.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["tracker.config.formats"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Largest evidence file (photo, PDF, Office document) a unit may attach to a progress report.
EVIDENCE_MAX_BYTES = env_int("EVIDENCE_MAX_BYTES", 10 * 1024 * 1024)
# Private files — evidence, generated reports — outside MEDIA_ROOT, with no URL: only the
# permission-checked views hand them out (tracker/core/files.py). Never serve this folder.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private_media"))
# "" (Django streams the file), "nginx" (X-Accel-Redirect to PRIVATE_MEDIA_INTERNAL_URL, an
# `internal` location aliased to PRIVATE_MEDIA_ROOT) or "apache" (X-Sendfile with the path).
PRIVATE_MEDIA_SERVER = os.environ.get("PRIVATE_MEDIA_SERVER", "").strip().lower()
if PRIVATE_MEDIA_SERVER not in ("", "nginx", "apache"):
    raise ImproperlyConfigured("PRIVATE_MEDIA_SERVER must be empty, nginx or apache")
PRIVATE_MEDIA_INTERNAL_URL = os.environ.get("PRIVATE_MEDIA_INTERNAL_URL", "/_private/")
# Limits before work. Every request body: REQUEST_MAX_BODY_BYTES; a signed-in user's upload
# pages allow more (evidence: several files of EVIDENCE_MAX_BYTES; the CMS: Wagtail's videos).
# The reverse proxy's limit (client_max_body_size) must be at least the largest of these.
REQUEST_MAX_BODY_BYTES = env_int("REQUEST_MAX_BODY_BYTES", 5 * 1024 * 1024)
UPLOAD_MAX_BODY_BYTES = env_int("UPLOAD_MAX_BODY_BYTES", 60 * 1024 * 1024)
CMS_MAX_BODY_BYTES = env_int("CMS_MAX_BODY_BYTES", 210 * 1024 * 1024)
REQUEST_BODY_ALLOWANCES = [
    (r"^/tracker/tasks/\d+/report/$", UPLOAD_MAX_BODY_BYTES),
    (r"^/tracker/registers/entries/\d+/evidence/$", UPLOAD_MAX_BODY_BYTES),
    (r"^/api/v1/progress-reports/\d+/evidence/$", UPLOAD_MAX_BODY_BYTES),
    (r"^/budgets/excel/import/$", UPLOAD_MAX_BODY_BYTES),
    (r"^/tracker/plans/import", UPLOAD_MAX_BODY_BYTES),
    (r"^/cms/", CMS_MAX_BODY_BYTES),
]
# Form fields (not files) held in memory, and the size above which an upload goes to a
# temporary file rather than memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 5 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = env_int("FILE_UPLOAD_MAX_MEMORY_SIZE", 2 * 1024 * 1024)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "tracker.core.files.PrivateStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "tracker.api.authentication.SessionAuthentication",
        "tracker.security.authentication.PasswordOnlyBasicAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Information-poverty tracker API",
    "DESCRIPTION": "Read API of plans, activities, tasks, units, areas and targets of "
    "Tiểu dự án 1 – Giảm nghèo về thông tin.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI from the installed drf-spectacular-sidecar, never a CDN (the CSP allows 'self').
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Only our API: Wagtail's admin mounts its own DRF views under /cms/, which are not ours
    # to document (and do not describe themselves without a request).
    "PREPROCESSING_HOOKS": ["tracker.api.schema.only_our_api"],
    # Plans and activities/tasks both have a "status" with different choices: name them.
    "ENUM_NAME_OVERRIDES": {
        "PlanStatusEnum": "tracker.models.plans.Plan.Status",
        "ProgressEnum": "tracker.models.plans.Progress",
    },
}

# Background work: Celery with Redis when a broker is configured, inline otherwise.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND", "") or None
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = TIME_ZONE
# A worker that dies (killed, out of memory, a lost Redis connection) must not lose its job:
# the message is acknowledged only once the task ends and put back when the worker is lost
# (set on the job tasks: acks_late, reject_on_worker_lost); one message at a time per process.
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A broker that goes away is waited for, for ever, at start-up and while running; systemd
# restarts a worker that dies anyway (tracker/config/deploy/).
CELERY_BROKER_CONNECTION_RETRY = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_CONNECTION_MAX_RETRIES = None
CELERY_BROKER_CONNECTION_TIMEOUT = 3
# Queueing a job while Redis is down fails within seconds (the page then says so) instead of
# hanging the request.
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.5, "interval_max": 1}
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 2, "socket_timeout": 5}
# Jobs (tracker/core/jobs.py): a running job's lease, renewed by its heartbeat; how long a
# queued job may wait for a worker; how many hand-overs before it fails with a message; how
# often the sweeper (beat's "recover-jobs", or `manage.py recover_jobs` from cron) looks.
JOB_LEASE_SECONDS = env_int("JOB_LEASE_SECONDS", 120)
JOB_QUEUE_GRACE_SECONDS = env_int("JOB_QUEUE_GRACE_SECONDS", 600)
JOB_MAX_ATTEMPTS = env_int("JOB_MAX_ATTEMPTS", 3)
JOB_SWEEP_SECONDS = env_int("JOB_SWEEP_SECONDS", 60)
JOB_HEARTBEAT_THREAD = env_bool("JOB_HEARTBEAT_THREAD", bool(CELERY_BROKER_URL))
# Reminders (tracker/tasks.py), at local time: beat runs each job once a day. Re-running a job
# the same day sends again — there is nowhere to record "sent today" without a model change.
CELERY_BEAT_SCHEDULE = {
    "due-digests": {"task": "tracker.due.tasks.send_due_digests", "schedule": crontab(hour=7, minute=0)},
    "escalations": {"task": "tracker.due.tasks.send_escalations", "schedule": crontab(hour=7, minute=30)},
    # The campaign site: scheduled articles go live (and count in the tracker) on time.
    "publish-scheduled": {"task": "cms.tasks.publish_scheduled", "schedule": crontab(minute="*/5")},
    # Jobs whose worker died are queued again or failed with a message (tracker/core/jobs.py).
    "recover-jobs": {"task": "tracker.reports.tasks.recover_jobs", "schedule": float(JOB_SWEEP_SECONDS)},
    # Private files no row points at (a process killed mid-upload or mid-report), daily.
    "clean-orphan-files": {"task": "tracker.core.tasks.clean_orphan_files", "schedule": crontab(hour=3, minute=15)},
}
# DIC managers are told of reports and tasks overdue by more than this many days.
ESCALATION_AFTER_DAYS = env_int("ESCALATION_AFTER_DAYS", 7)
# Official reports (tracker/reports/): caps on what one report may cover, and on its job's time.
REPORT_MAX_PERIOD_DAYS = env_int("REPORT_MAX_PERIOD_DAYS", 1830)  # five years, a programme phase
REPORT_MAX_ROWS = env_int("REPORT_MAX_ROWS", 3000)  # table rows and listed items of one report
REPORT_TIME_LIMIT_SECONDS = env_int("REPORT_TIME_LIMIT_SECONDS", 300)
# The address the e-mails link to (no request to build it from in a background job).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if os.environ.get("REDIS_URL"):
    # Redis, answering as an empty cache while Redis is down (tracker/config/cache.py): the
    # pages that do not need the broker keep working through an outage.
    CACHES["default"] = {
        "BACKEND": "tracker.config.cache.ResilientRedisCache",
        "LOCATION": os.environ["REDIS_URL"],
    }

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "tracker@localhost")

# Sessions (tracker/security/middleware.py): signed out after this many idle minutes, and in
# any case this many hours after logging in.
SESSION_IDLE_TIMEOUT_MINUTES = env_int("SESSION_IDLE_TIMEOUT_MINUTES", 30)
SESSION_MAX_AGE_HOURS = env_int("SESSION_MAX_AGE_HOURS", 10)
if SESSION_IDLE_TIMEOUT_MINUTES < 1 or SESSION_MAX_AGE_HOURS < 1:
    raise ImproperlyConfigured("SESSION_IDLE_TIMEOUT_MINUTES and SESSION_MAX_AGE_HOURS must be at least 1")
SESSION_COOKIE_AGE = SESSION_MAX_AGE_HOURS * 3600
# The reverse proxies in front of the application that append to X-Forwarded-For (nginx as
# documented: 1). 0 trusts no header and uses the connection's address.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("TRUSTED_PROXY_COUNT must be 0 or more")
# The second factor (django-otp): the name the authenticator app shows beside the account.
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Giam ngheo ve thong tin").strip() or "Tracker"

# django-axes: lock an account+address pair after repeated failed logins, the address being
# the client's behind the trusted proxies, so an attacker elsewhere cannot lock out a manager.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "tracker.security.client_ip.client_ip"
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_VERBOSE = False

# Content Security Policy: only our own scripts and styles.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# The campaign site (Wagtail). Its admin lives at /cms/ and uses the tracker's login page.
WAGTAIL_SITE_NAME = "Giảm nghèo về thông tin"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILADMIN_LOGIN_URL = LOGIN_URL
# Pages are written in Vietnamese; an article in an ethnic-minority language says so in its
# own "language" field (it is an original, not a translation), so Wagtail's i18n stays off.
WAGTAIL_I18N_ENABLED = False
WAGTAIL_CONTENT_LANGUAGES = [("vi", "Tiếng Việt")]
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        # Vietnamese has no stemmer: PostgreSQL indexes words as they are.
        "SEARCH_CONFIG": "simple",
    }
}
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "mp4", "webm"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 200 * 1024 * 1024  # videos are uploaded as documents
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif"]
# No oEmbed (wagtail.embeds is not installed): a third-party player needs a frame and scripts
# the public CSP refuses, so videos are uploaded as documents and played with <video>.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000  # the page editor posts many fields

SESSION_COOKIE_HTTPONLY = True
# No page uses the browser's powerful features.
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(self), "
    "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), "
    "picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), usb=(), xr-spatial-tracking=()"
)
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # django-axes logs every login at INFO; failures and lockouts (WARNING) are what matter.
    "loggers": {
        "axes": {"level": "WARNING"},
        # Wagtail's background tasks (search index, reference index) log every run at INFO.
        "django_tasks": {"level": "WARNING"},
    },
}

APP_NAME = _("Information-poverty tracker")
