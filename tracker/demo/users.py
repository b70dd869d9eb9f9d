"""The demo logins, one per role, all with the password `demo`.

Users are created directly (no service), their history rows recorded against the admin. A password is
set only when the user is created, so a re-run neither resets a changed password nor
touches the row. The names are invented sample people.
"""

from __future__ import annotations

import functools
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from tracker.core import grants as services
from tracker.core import roles
from tracker.models import Unit, User

from .base import committee_name
from .sample_plan import COMMUNES, OFFICER_COMMUNE

DEMO_PASSWORD = "demo"


@dataclass(frozen=True)
class DemoUser:
    username: str
    role: str | None  # None for the superuser, who needs no role
    unit: str | None  # the unit's name, or None
    first_name: str  # given name
    last_name: str  # family and middle names
    # Printed beside the login: what the account is for when it is not the persona of its role.
    note: str = ""


# quanly, taichinh and giamsat work in Lạng Sơn (seed 004 and the sample plan) and see only that
# province's plans; the other seeds' provinces each get a sample DIC manager of their own — the
# unit of the seed or of the 2025 history that now holds the DIC's tasks there.
OTHER_PROVINCE = "Tài khoản mẫu: quản lý của tỉnh khác"
ADMIN = DemoUser("admin", None, None, "Minh", "Trần Quang")
DEMO_USERS: tuple[DemoUser, ...] = (
    ADMIN,
    DemoUser("quanly", roles.DIC_MANAGER, "Sở Khoa học và Công nghệ tỉnh Lạng Sơn", "Lan", "Nguyễn Thị"),
    DemoUser("canbo.xa", roles.UNIT_OFFICER, committee_name(OFFICER_COMMUNE), "Phong", "Hoàng Văn"),
    DemoUser("canbo.dai", roles.UNIT_OFFICER, "Đài Phát thanh và Truyền hình tỉnh Lạng Sơn", "Mai", "Lương Thị"),
    DemoUser("taichinh", roles.FINANCE_OFFICER, "Sở Tài chính tỉnh Lạng Sơn", "Hà", "Vy Thu"),
    DemoUser("giamsat", roles.MONITOR, "Sở Lao động - Thương binh và Xã hội tỉnh Lạng Sơn", "Tuấn", "Vi Văn"),
    DemoUser("bientap", roles.CMS_EDITOR, "Sở Khoa học và Công nghệ tỉnh Lạng Sơn", "Hương", "Đinh Thị"),
    DemoUser("kiemduyet", roles.CMS_MODERATOR, "Sở Khoa học và Công nghệ tỉnh Lạng Sơn", "Dũng", "Lê Anh"),
    # Seeds 000 and 003 (Tỉnh Thừa Thiên Huế, since 2025 Thành phố Huế).
    DemoUser(
        "quanly.hue", roles.DIC_MANAGER, "Sở Khoa học và Công nghệ thành phố Huế", "Bình", "Trần Thị", OTHER_PROVINCE
    ),
    # Seed 001 (Tỉnh Bắc Kạn, merged into Tỉnh Thái Nguyên in 2025).
    DemoUser(
        "quanly.thainguyen",
        roles.DIC_MANAGER,
        "Sở Khoa học và Công nghệ tỉnh Thái Nguyên",
        "Cường",
        "Ma Văn",
        OTHER_PROVINCE,
    ),
    # The ministry's national monitor: reads every province, with the national view.
    DemoUser(
        "giamsat.bo",
        roles.NATIONAL_MONITOR,
        "Bộ Thông tin và Truyền thông",
        "Quang",
        "Phạm Văn",
        "Tài khoản mẫu: giám sát toàn quốc",
    ),
    # Seed 002 (the city of Thanh Hóa's plan): the city's culture and information office.
    DemoUser(
        "quanly.thanhhoa",
        roles.DIC_MANAGER,
        "Phòng Văn hóa Thông tin thành phố Thanh Hóa",
        "Hạnh",
        "Lê Thị",
        OTHER_PROVINCE,
    ),
)


# The other sample communes' officers: they write the sample plan's monthly reports, so the
# reporting figures have every commune in them. Not personas (`canbo.xa` is the unit officer
# persona): listed with the logins, left out of the walks over one login per role. Their
# usernames and given names say "mẫu" (sample) wherever history or a list shows them.
SAMPLE_OFFICER_NOTE = "Tài khoản mẫu: cán bộ xã mẫu"
SAMPLE_OFFICERS: tuple[DemoUser, ...] = tuple(
    DemoUser(username, roles.UNIT_OFFICER, committee_name(commune[0]), first_name, last_name, SAMPLE_OFFICER_NOTE)
    for (username, last_name, first_name), commune in zip(
        (
            ("canbo.mauhai", "Nông Thị", "Hoa (mẫu)"),
            ("canbo.mauba", "Lăng Văn", "Thắng (mẫu)"),
            ("canbo.maubon", "Chu Thị", "Nguyệt (mẫu)"),
            ("canbo.maunam", "Triệu Văn", "Sơn (mẫu)"),
            ("canbo.mausau", "Lường Thị", "Duyên (mẫu)"),
        ),
        COMMUNES[1:],
        strict=True,
    )
)


def demo_password() -> str:
    """The demo logins' password: `demo` on a development installation (DEMO_DATA_ALLOWED,
    which is DEBUG); anywhere else a random one, made once per run and printed by load_demo —
    a known password is never created outside development."""
    return DEMO_PASSWORD if settings.DEMO_DATA_ALLOWED else _random_password()


@functools.cache
def _random_password() -> str:
    return secrets.token_urlsafe(12)


@functools.cache
def _password_hash(password: str) -> str:
    # Hashing is deliberately slow; the demo users share one password, so hash it once.
    return make_password(password)


def ensure_admin() -> User:
    """The superuser every demo write is recorded against; created first (by itself)."""
    return _ensure(ADMIN, unit=None, superuser=True, actor=None)


def ensure_users() -> list[User]:
    users = []
    admin = None
    for spec in (*DEMO_USERS, *SAMPLE_OFFICERS):
        if spec is ADMIN:
            admin = ensure_admin()
            users.append(admin)
            continue
        unit = Unit.objects.get(name=spec.unit) if spec.unit else None
        user = _ensure(spec, unit=unit, superuser=False, actor=admin)
        group = Group.objects.get(name=spec.role)
        # Add the demo role if missing (no write when it is there); other groups are left alone.
        if not user.groups.filter(pk=group.pk).exists():
            user.groups.add(group)
        if spec.role == roles.UNIT_OFFICER and unit is not None:
            # The unit's officer group carries the object rights granted to the unit (added only
            # when missing: even an empty add is a role change in the security log).
            officer_group = services.unit_officer_group(unit)
            if not user.groups.filter(pk=officer_group.pk).exists():
                user.groups.add(officer_group)
        users.append(user)
    return users


def _ensure(spec: DemoUser, *, unit: Unit | None, superuser: bool, actor: User | None) -> User:
    wanted = {
        "first_name": spec.first_name,
        "last_name": spec.last_name,
        "unit_id": unit.pk if unit else None,
        "is_superuser": superuser,
        "is_staff": superuser,
        "is_active": True,
    }
    user = User.objects.filter(username=spec.username).first()
    if user is None:
        user = User(username=spec.username, password=_password_hash(demo_password()), **wanted)
        user._history_user = actor or user  # read by django-simple-history once saved
        user.save()
        return user
    changed = [field for field, value in wanted.items() if getattr(user, field) != value]
    if changed:
        for field in changed:
            setattr(user, field, wanted[field])
        user._history_user = actor or user
        user.save(update_fields=changed)
    return user
