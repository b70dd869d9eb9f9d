"""Two-step verification: who must have it, enrolment at the first login, codes and recovery
codes, and that nothing else opens until it is given (tracker, API, admin and Wagtail's /cms/)."""

from __future__ import annotations

import base64

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests import factories
from tracker.core import roles
from tracker.models import AuthEvent
from tracker.security import sessions

pytestmark = pytest.mark.django_db

DASHBOARD = "/tracker/dashboard/"


def enrolment_device(client, user) -> TOTPDevice:
    """The authenticator the setup page shows (its secret is in the session until confirmed)."""
    return TOTPDevice(user=user, key=client.session[sessions.ENROL_KEY])


def code_of(device: TOTPDevice, *, steps_ahead: int = 0) -> str:
    """What the authenticator app shows now (or `steps_ahead` 30-second steps later)."""
    if device.pk:
        device.refresh_from_db()
    return f"{totp(device.bin_key, device.step, device.t0 - steps_ahead * device.step, device.digits):06d}"


def log_in(client, username: str, password: str = "demo", next_url: str = DASHBOARD):
    return client.post(f"{reverse('login')}?next={next_url}", {"username": username, "password": password})


@pytest.fixture
def quanly(db):
    user = factories.UserFactory(username="quanly", role=roles.DIC_MANAGER, password="demo")
    return user


def test_quanly_with_the_right_password_but_no_second_factor_never_reaches_the_dashboard(client, quanly):
    response = client.post(
        f"{reverse('login')}?next={DASHBOARD}", {"username": "quanly", "password": "demo"}, follow=True
    )
    assert response.status_code == 200
    assert response.request["PATH_INFO"] == reverse("security:mfa_setup")
    # The login sent them towards the dashboard, which answered with the way to the second factor.
    assert response.redirect_chain[-1][0].startswith(reverse("security:mfa_setup") + "?next=")
    # Every other door answers with the way to the second factor, not the page.
    for path in (DASHBOARD, "/tracker/plans/", "/api/v1/plans/", "/cms/", "/admin/", "/budgets/"):
        answer = client.get(path)
        assert answer.status_code == 302, path
        assert answer["Location"].startswith(reverse("security:mfa_setup") + "?next="), path
    assert AuthEvent.objects.filter(user=quanly, kind=AuthEvent.Kind.LOGIN).count() == 1


def test_manager_enrols_with_an_app_gets_ten_recovery_codes_and_reaches_the_dashboard(client, quanly, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # the wait after a wrong code: see the throttling test
    log_in(client, "quanly")
    page = client.get(reverse("security:mfa_setup") + f"?next={DASHBOARD}")
    assert page.status_code == 200
    assert b"data:image/svg+xml;base64," in page.content
    assert not TOTPDevice.objects.filter(user=quanly).exists()  # nothing saved before it is confirmed
    device = enrolment_device(client, quanly)
    shown_key = base64.b32encode(device.bin_key).decode()
    assert shown_key[:4] in page.content.decode()

    wrong = client.post(reverse("security:mfa_setup"), {"code": "000000", "next": DASHBOARD})
    assert wrong.status_code == 200 and wrong.context["form"].errors
    assert client.get(DASHBOARD).status_code == 302

    done = client.post(reverse("security:mfa_setup"), {"code": code_of(device), "next": DASHBOARD})
    assert done.status_code == 200
    assert len(done.context["codes"]) == 10
    assert set(done.context["codes"]) == set(
        StaticToken.objects.filter(device__user=quanly).values_list("token", flat=True)
    )
    device = TOTPDevice.objects.get(user=quanly)
    assert device.confirmed
    assert client.get(DASHBOARD).status_code == 200
    kinds = list(AuthEvent.objects.filter(user=quanly).values_list("kind", flat=True))
    assert AuthEvent.Kind.MFA_ENROLLED in kinds and AuthEvent.Kind.MFA_FAILED in kinds


@pytest.fixture
def enrolled_quanly(client, quanly):
    """quanly after enrolling, logged out again; returns the user, the device and the codes."""
    log_in(client, "quanly")
    client.get(reverse("security:mfa_setup"))
    codes = client.post(reverse("security:mfa_setup"), {"code": code_of(enrolment_device(client, quanly))}).context[
        "codes"
    ]
    device = TOTPDevice.objects.get(user=quanly)
    client.post(reverse("logout"))
    return quanly, device, codes


def test_next_login_asks_the_code_and_a_wrong_code_opens_nothing(client, enrolled_quanly):
    user, device, _codes = enrolled_quanly
    response = log_in(client, "quanly")
    assert client.get(DASHBOARD)["Location"].startswith(reverse("security:mfa_verify"))
    wrong = client.post(reverse("security:mfa_verify"), {"code": "123456", "next": DASHBOARD})
    assert wrong.status_code == 200 and wrong.context["form"].errors
    assert client.get(DASHBOARD).status_code == 302
    assert response.status_code == 302
    assert AuthEvent.objects.filter(user=user, kind=AuthEvent.Kind.MFA_FAILED).exists()


def test_app_code_opens_the_page_asked_for(client, enrolled_quanly):
    _user, device, _codes = enrolled_quanly
    log_in(client, "quanly")
    # The enrolment used this step's code; the app's next code is accepted (tolerance of one step).
    response = client.post(reverse("security:mfa_verify"), {"code": code_of(device, steps_ahead=1), "next": DASHBOARD})
    assert response.status_code == 302 and response["Location"] == DASHBOARD
    assert client.get(DASHBOARD).status_code == 200


def test_after_a_wrong_code_even_the_right_one_waits(client, enrolled_quanly):
    # django-otp's throttling: each wrong code doubles the wait (1 s, 2 s, 4 s…) before the
    # device accepts any code, so six digits cannot be guessed by trying.
    _user, device, _codes = enrolled_quanly
    log_in(client, "quanly")
    client.post(reverse("security:mfa_verify"), {"code": "000000"})
    right_too_soon = client.post(reverse("security:mfa_verify"), {"code": code_of(device, steps_ahead=1)})
    assert right_too_soon.status_code == 200
    assert client.get(DASHBOARD).status_code == 302


def test_a_recovery_code_works_once(client, enrolled_quanly):
    user, _device, codes = enrolled_quanly
    log_in(client, "quanly")
    assert client.post(reverse("security:mfa_verify"), {"code": codes[0].upper(), "next": DASHBOARD}).status_code == 302
    assert client.get(DASHBOARD).status_code == 200
    client.post(reverse("logout"))
    log_in(client, "quanly")
    again = client.post(reverse("security:mfa_verify"), {"code": codes[0], "next": DASHBOARD})
    assert again.status_code == 200
    assert client.get(DASHBOARD).status_code == 302
    assert StaticToken.objects.filter(device__user=user).count() == 9


def test_the_verify_page_does_not_send_anyone_to_another_site(client, enrolled_quanly):
    _user, _device, codes = enrolled_quanly
    log_in(client, "quanly")
    response = client.post(reverse("security:mfa_verify"), {"code": codes[1], "next": "https://evil.example/"})
    assert response["Location"] == reverse("tracker:home")


@pytest.mark.parametrize("role", [roles.FINANCE_OFFICER, roles.CMS_MODERATOR])
def test_finance_officers_and_moderators_must_enrol(client, role):
    factories.UserFactory(username="someone", role=role, password="demo")
    log_in(client, "someone")
    assert client.get(DASHBOARD)["Location"].startswith(reverse("security:mfa_setup"))


def test_superuser_must_enrol(client):
    factories.UserFactory(username="root", is_superuser=True, is_staff=True, password="demo")
    log_in(client, "root", next_url="/admin/")
    assert client.get("/admin/")["Location"].startswith(reverse("security:mfa_setup"))


def test_moderator_logging_in_at_wagtails_own_login_form_still_owes_the_second_factor(client):
    factories.UserFactory(username="kiemduyet", role=roles.CMS_MODERATOR, password="demo")
    response = client.post("/cms/login/", {"username": "kiemduyet", "password": "demo"})
    assert response.status_code == 302
    cms = client.get("/cms/")
    assert cms.status_code == 302 and cms["Location"].startswith(reverse("security:mfa_setup"))
    assert client.get("/cms/pages/").status_code == 302


def test_officer_is_not_forced_but_may_turn_it_on_and_is_then_asked(client, unit_a):
    officer = factories.UserFactory(username="canbo", unit=unit_a, role=roles.UNIT_OFFICER, password="demo")
    log_in(client, "canbo")
    assert client.get(DASHBOARD).status_code == 200
    manage = client.get(reverse("security:mfa_manage"))
    assert manage.status_code == 200 and not manage.context["enrolled"]
    client.get(reverse("security:mfa_setup"))
    client.post(reverse("security:mfa_setup"), {"code": code_of(enrolment_device(client, officer))})
    client.post(reverse("logout"))
    log_in(client, "canbo")
    assert client.get(DASHBOARD)["Location"].startswith(reverse("security:mfa_verify"))


def test_removing_the_app_takes_a_code_and_a_manager_must_set_up_a_new_one(client, enrolled_quanly, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = settings.OTP_STATIC_THROTTLE_FACTOR = 0
    user, _device, codes = enrolled_quanly
    log_in(client, "quanly")
    client.post(reverse("security:mfa_verify"), {"code": codes[0]})
    refused = client.post(reverse("security:mfa_remove"), {"code": "999999"})
    assert refused.status_code == 302 and TOTPDevice.objects.filter(user=user).exists()
    client.post(reverse("security:mfa_remove"), {"code": codes[1]})
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    assert not StaticToken.objects.filter(device__user=user).exists()
    assert client.get(DASHBOARD)["Location"].startswith(reverse("security:mfa_setup"))
    assert AuthEvent.objects.filter(user=user, kind=AuthEvent.Kind.MFA_REMOVED, actor=user).exists()


def test_new_recovery_codes_replace_the_old_ones(client, enrolled_quanly):
    user, _device, codes = enrolled_quanly
    log_in(client, "quanly")
    client.post(reverse("security:mfa_verify"), {"code": codes[0]})
    fresh = client.post(reverse("security:mfa_recovery_codes")).context["codes"]
    assert len(fresh) == 10 and not set(fresh) & set(codes)
    assert set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True)) == set(fresh)


def test_api_basic_login_is_closed_to_accounts_with_a_second_factor(client, quanly, unit_a):
    def basic(username):
        token = base64.b64encode(f"{username}:demo".encode()).decode()
        return client.get("/api/v1/plans/", HTTP_AUTHORIZATION=f"Basic {token}")

    assert basic("quanly").status_code in (401, 403)
    factories.UserFactory(username="canbo", unit=unit_a, role=roles.UNIT_OFFICER, password="demo")
    assert basic("canbo").status_code == 200


def test_force_login_in_tests_gives_the_second_factor_with_a_real_device(client, manager):
    client.force_login(manager)
    assert client.get(DASHBOARD).status_code == 200
    assert TOTPDevice.objects.filter(user=manager, confirmed=True).exists()
    client.logout()
    client.force_login(manager, second_factor=False)
    assert client.get(DASHBOARD)["Location"].startswith(reverse("security:mfa_verify"))
