"""People and roles managed by the DIC, and every user's password pages.

A DIC manager (not staff, not superuser) lists the people of their province, creates an
account with roles and a unit (an invitation e-mail with a one-time link goes out), changes
roles and unit (the unit's rights follow), deactivates; nobody else may; staff, superusers
and other provinces' people stay out of reach. Users set, reset and change their passwords.
"""

from __future__ import annotations

import io
import re

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories
from tracker.core import roles
from tracker.core.grants import unit_officer_group
from tracker.models import Area, Unit, User

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://[^\s\"<]+/accounts/password/set/[^\s\"<]+/")


@pytest.fixture(autouse=True)
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


@pytest.fixture
def province(db):
    return factories.ProvinceFactory(name="Tỉnh Lạng Sơn")


@pytest.fixture
def commune_unit(province):
    commune = Area.objects.create(name="Xã Tân Thành", level=Area.Level.COMMUNE, parent=province)
    return factories.UnitFactory(name="UBND xã Tân Thành", kind=Unit.Kind.PEOPLES_COMMITTEE, area=commune)


@pytest.fixture
def quanly(province):
    dic = factories.UnitFactory(name="Sở KH&CN tỉnh Lạng Sơn", kind=Unit.Kind.DEPARTMENT, area=province)
    return factories.UserFactory(username="quanly", unit=dic, role=roles.DIC_MANAGER, email="quanly@example.gov.vn")


@pytest.fixture
def other_province_person(db):
    other = factories.ProvinceFactory(name="Tỉnh Cao Bằng")
    unit = factories.UnitFactory(name="Sở KH&CN tỉnh Cao Bằng", kind=Unit.Kind.DEPARTMENT, area=other)
    return factories.UserFactory(username="caobang", unit=unit, role=roles.UNIT_OFFICER)


def _create(client, commune_unit, **changes):
    data = {
        "last_name": "Hoàng Văn",
        "first_name": "Phong",
        "email": "phong@example.gov.vn",
        "roles": [roles.UNIT_OFFICER],
        "unit": commune_unit.pk,
        **changes,
    }
    return client.post(reverse("tracker:user_create"), data)


def test_manager_creates_an_officer_who_gets_an_invitation_and_sets_a_password(client, quanly, commune_unit):
    client.force_login(quanly)
    response = _create(client, commune_unit)
    assert response.status_code == 302
    person = User.objects.get(email="phong@example.gov.vn")
    assert person.username == "phong" and not person.has_usable_password()
    assert not person.is_staff and not person.is_superuser
    assert set(person.groups.values_list("name", flat=True)) == {
        roles.UNIT_OFFICER,
        unit_officer_group(commune_unit).name,
    }
    record = person.history.get()
    assert record.history_user == quanly and record.history_change_reason == "Roles: Unit officer"

    # The invitation, in Vietnamese, with a one-time link that works.
    [invitation] = mail.outbox
    assert invitation.to == ["phong@example.gov.vn"]
    assert invitation.subject == "Tài khoản của bạn trên hệ thống theo dõi giảm nghèo về thông tin"
    assert "Tên đăng nhập: phong" in invitation.body
    link = LINK.search(invitation.body).group(0)
    client.logout()
    page = client.get(link, follow=True)
    assert page.status_code == 200 and page.context["validlink"]
    set_url = page.redirect_chain[-1][0]
    done = client.post(set_url, {"new_password1": "Mật-khẩu-mới-2026", "new_password2": "Mật-khẩu-mới-2026"})
    assert done.status_code == 302 and done["Location"] == reverse("password_reset_complete")
    person.refresh_from_db()
    assert person.check_password("Mật-khẩu-mới-2026")
    assert client.login(username="phong", password="Mật-khẩu-mới-2026")
    # One time only: the same link no longer works.
    client.logout()
    again = client.get(link, follow=True)
    assert not again.context["validlink"]


def test_roles_are_shown_by_their_names_and_rights_groups_never(client, quanly, commune_unit):
    client.force_login(quanly)
    _create(client, commune_unit)
    html = client.get(reverse("tracker:user_list")).content.decode()
    assert "Unit officer" in html and "unit-officers-" not in html and "unit_officer" not in html
    form = client.get(reverse("tracker:user_create")).context["form"]
    labels = [str(label) for _value, label in form.fields["roles"].choices]
    # Every role but the national monitor's, which only a reader of every province gives.
    assert labels == [str(roles.LABELS[name]) for name in roles.ALL if name != roles.NATIONAL_MONITOR]
    assert "is_superuser" not in form.fields and "is_staff" not in form.fields


def test_changing_unit_and_roles_moves_the_rights(client, quanly, commune_unit, province):
    other_commune = Area.objects.create(name="Xã Hoà Bình", level=Area.Level.COMMUNE, parent=province)
    other_unit = factories.UnitFactory(name="UBND xã Hoà Bình", kind=Unit.Kind.PEOPLES_COMMITTEE, area=other_commune)
    client.force_login(quanly)
    _create(client, commune_unit)
    person = User.objects.get(username="phong")
    response = client.post(
        reverse("tracker:user_edit", args=[person.pk]),
        {
            "last_name": "Hoàng Văn",
            "first_name": "Phong",
            "email": "phong@example.gov.vn",
            "roles": [roles.UNIT_OFFICER, roles.MONITOR],
            "unit": other_unit.pk,
        },
    )
    assert response.status_code == 302
    names = set(person.groups.values_list("name", flat=True))
    assert names == {roles.UNIT_OFFICER, roles.MONITOR, unit_officer_group(other_unit).name}
    latest = person.history.first()
    assert latest.history_user == quanly and latest.unit_id == other_unit.pk
    assert latest.history_change_reason == "Roles: Unit officer, Monitor"
    # No longer a unit officer: out of every unit's rights group.
    client.post(
        reverse("tracker:user_edit", args=[person.pk]),
        {
            "last_name": "Hoàng Văn",
            "first_name": "Phong",
            "email": "phong@example.gov.vn",
            "roles": [roles.MONITOR],
            "unit": other_unit.pk,
        },
    )
    assert set(person.groups.values_list("name", flat=True)) == {roles.MONITOR}
    history = client.get(reverse("tracker:user_history", args=[person.pk])).content.decode()
    assert "Roles: Monitor" in history


def test_unit_officer_needs_a_unit(client, quanly):
    client.force_login(quanly)
    response = client.post(
        reverse("tracker:user_create"),
        {"last_name": "A", "first_name": "B", "email": "b@example.gov.vn", "roles": [roles.UNIT_OFFICER]},
    )
    assert response.status_code == 200
    assert "A unit officer belongs to a unit." in response.context["form"].errors["unit"]
    assert not User.objects.filter(email="b@example.gov.vn").exists() and not mail.outbox


def test_same_email_is_refused(client, quanly, commune_unit):
    factories.UserFactory(username="someone", email="phong@example.gov.vn")
    client.force_login(quanly)
    response = _create(client, commune_unit, email="PHONG@example.gov.vn")
    assert "Another account already uses this e-mail address." in response.context["form"].errors["email"]


def test_manager_cannot_grant_superuser_or_staff(client, quanly, commune_unit):
    client.force_login(quanly)
    _create(client, commune_unit, is_superuser="on", is_staff="on", roles=["superuser", roles.UNIT_OFFICER])
    assert not User.objects.filter(email="phong@example.gov.vn").exists()  # unknown role refused
    _create(client, commune_unit, is_superuser="on", is_staff="on")
    person = User.objects.get(email="phong@example.gov.vn")
    assert not person.is_superuser and not person.is_staff


def test_manager_cannot_reach_staff_superusers_or_another_province(client, quanly, other_province_person):
    superuser = factories.UserFactory(username="root", is_superuser=True, is_staff=True)
    client.force_login(quanly)
    for person in (superuser, other_province_person):
        assert client.get(reverse("tracker:user_edit", args=[person.pk])).status_code == 404
        assert client.post(reverse("tracker:user_set_active", args=[person.pk]), {"active": "0"}).status_code == 404
        person.refresh_from_db()
        assert person.is_active
    listed = {person.username for person in client.get(reverse("tracker:user_list")).context["page"].object_list}
    assert listed == {"quanly"}


@pytest.mark.parametrize("persona", ["officer_a", "finance", "monitor", "editor"])
def test_only_managers_manage_people(client, request, persona, commune_unit):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("tracker:user_list")).status_code == 403
    assert _create(client, commune_unit).status_code == 403
    assert not User.objects.filter(email="phong@example.gov.vn").exists() and not mail.outbox


def test_deactivate_never_deletes_and_blocks_login(client, quanly, commune_unit):
    client.force_login(quanly)
    _create(client, commune_unit)
    person = User.objects.get(username="phong")
    person.set_password("pw-123-abc")
    person.save()
    response = client.post(reverse("tracker:user_set_active", args=[person.pk]), {"active": "0"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert not person.is_active
    assert person.history.first().history_change_reason == "Deactivated"
    assert not client.login(username="phong", password="pw-123-abc")
    client.force_login(quanly)
    client.post(reverse("tracker:user_set_active", args=[person.pk]), {"active": "1"})
    person.refresh_from_db()
    assert person.is_active


def test_manager_cannot_deactivate_themselves(client, quanly):
    client.force_login(quanly)
    client.post(reverse("tracker:user_set_active", args=[quanly.pk]), {"active": "0"})
    quanly.refresh_from_db()
    assert quanly.is_active


def test_invitation_can_be_sent_again(client, quanly, commune_unit):
    client.force_login(quanly)
    _create(client, commune_unit)
    person = User.objects.get(username="phong")
    client.post(reverse("tracker:user_invite", args=[person.pk]))
    assert len(mail.outbox) == 2 and LINK.search(mail.outbox[1].body)


def test_people_list_keeps_a_constant_query_count(client, quanly, province):
    client.force_login(quanly)
    counts = []
    for size in (3, 30):
        for index in range(size):
            area = Area.objects.create(name=f"Xã {size}-{index}", level=Area.Level.COMMUNE, parent=province)
            unit = factories.UnitFactory(name=f"UBND xã {size}-{index}", kind=Unit.Kind.PEOPLES_COMMITTEE, area=area)
            factories.UserFactory(username=f"u{size}-{index}", unit=unit, role=roles.UNIT_OFFICER)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse("tracker:user_list") + "?q=u")
        counts.append(len(captured))
        assert response.status_code == 200
    assert counts[0] == counts[1]
    assert response.context["page"].paginator.count == 34  # and quanly, whose name has a "u"


def test_people_list_searches_and_paginates(client, quanly, commune_unit):
    for index in range(60):
        factories.UserFactory(username=f"canbo{index}", unit=commune_unit, first_name=f"Tên{index}")
    client.force_login(quanly)
    page = client.get(reverse("tracker:user_list")).context["page"]
    assert page.paginator.count == 61 and len(page.object_list) == 50
    found = client.get(reverse("tracker:user_list") + "?q=Tên59").context["page"]
    assert [person.username for person in found.object_list] == ["canbo59"]


# --- Every user's own account and password ------------------------------------------------------


def test_my_account_changes_name_and_email_with_history(client, officer_a):
    client.force_login(officer_a)
    page = client.get(reverse("tracker:account"))
    assert page.status_code == 200 and "Unit officer" in page.content.decode()
    response = client.post(
        reverse("tracker:account"), {"last_name": "Lương Thị", "first_name": "Mai", "email": "mai@example.gov.vn"}
    )
    assert response.status_code == 302
    officer_a.refresh_from_db()
    assert (officer_a.get_full_name(), officer_a.email) == ("Lương Thị Mai", "mai@example.gov.vn")
    assert officer_a.history.first().history_user == officer_a


def test_change_password(client, officer_a):
    officer_a.set_password("old-password-1")
    officer_a.save()
    client.force_login(officer_a)
    response = client.post(
        reverse("password_change"),
        {"old_password": "old-password-1", "new_password1": "Mật-khẩu-mới-2026", "new_password2": "Mật-khẩu-mới-2026"},
    )
    assert response.status_code == 302 and response["Location"] == reverse("password_change_done")
    officer_a.refresh_from_db()
    assert officer_a.check_password("Mật-khẩu-mới-2026")


def test_forgotten_password_by_email_in_vietnamese(client, officer_a):
    officer_a.email = "a@example.gov.vn"
    officer_a.set_password("old-password-1")
    officer_a.save()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    login_page = client.get(reverse("login")).content.decode()
    assert reverse("password_reset") in login_page
    response = client.post(reverse("password_reset"), {"email": "a@example.gov.vn"})
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.subject == "Đặt lại mật khẩu trên hệ thống theo dõi giảm nghèo về thông tin"
    assert "Tên đăng nhập: officer_a" in message.body
    link = LINK.search(message.body).group(0)
    page = client.get(link, follow=True)
    assert page.context["validlink"]
    client.post(page.redirect_chain[-1][0], {"new_password1": "Mới-mới-2026-x", "new_password2": "Mới-mới-2026-x"})
    officer_a.refresh_from_db()
    assert officer_a.check_password("Mới-mới-2026-x")


def test_reset_for_unknown_address_sends_nothing(client):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.gov.vn"})
    assert response.status_code == 302 and not mail.outbox


def test_a_province_manager_places_every_person_in_a_unit(client, quanly):
    """Someone with no unit would drop out of the province's list, out of the manager's reach."""
    client.force_login(quanly)
    response = client.post(
        reverse("tracker:user_create"),
        {"last_name": "Lê Văn", "first_name": "Bình", "email": "binh@example.gov.vn", "roles": [roles.FINANCE_OFFICER]},
    )
    assert response.status_code == 200
    assert "unit" in response.context["form"].errors
    assert not User.objects.filter(email="binh@example.gov.vn").exists() and not mail.outbox


def test_the_first_manager_of_a_new_province_is_made_without_a_superuser(province):
    """`create_province_manager`: the DIC placed in the province, a manager who is neither
    staff nor superuser, no password until they set one from the e-mailed one-time link."""
    out = io.StringIO()
    call_command(
        "create_province_manager",
        province="Lang Son",
        unit="Sở Khoa học và Công nghệ tỉnh Lạng Sơn",
        email="an.nguyen@langson.gov.vn",
        first_name="An",
        last_name="Nguyễn Văn",
        base_url="https://theodoi.langson.gov.vn",
        stdout=out,
    )
    manager = User.objects.get(email="an.nguyen@langson.gov.vn")
    assert (manager.username, manager.is_staff, manager.is_superuser) == ("an.nguyen", False, False)
    assert not manager.has_usable_password()
    assert (manager.unit.name, manager.unit.area, manager.unit.kind) == (
        "Sở Khoa học và Công nghệ tỉnh Lạng Sơn",
        province,
        Unit.Kind.DEPARTMENT,
    )
    assert set(manager.groups.values_list("name", flat=True)) == {roles.DIC_MANAGER}
    assert manager.history.first().history_user is None  # the installation, not a person
    [message] = mail.outbox
    link = LINK.search(message.body).group(0)
    assert link.startswith("https://theodoi.langson.gov.vn/accounts/password/set/")
    assert link in out.getvalue()
    # The link works once: the manager sets a password and can log in.
    client = Client()
    form_page = client.get(link, follow=True)
    client.post(
        form_page.redirect_chain[-1][0], {"new_password1": "Ky-Lua-2026-xuan", "new_password2": "Ky-Lua-2026-xuan"}
    )
    manager.refresh_from_db()
    assert manager.check_password("Ky-Lua-2026-xuan")


def test_the_first_manager_needs_a_province_in_force_and_a_new_address(province, quanly):
    with pytest.raises(CommandError, match="No single province"):
        call_command(
            "create_province_manager",
            province="Atlantis",
            unit="Sở",
            email="x@example.gov.vn",
            first_name="X",
            last_name="Y",
            stdout=io.StringIO(),
        )
    with pytest.raises(CommandError):  # the address is quanly's already
        call_command(
            "create_province_manager",
            province="Lạng Sơn",
            unit="Sở",
            email="quanly@example.gov.vn",
            first_name="X",
            last_name="Y",
            stdout=io.StringIO(),
        )
    assert User.objects.count() == 1
