"""Money forms take effect once: every money form carries a one-time token, so the same form
posted again (a retry after a gateway error, a double click) records one row and shows the
first result; a voucher number is used once per allocation, with a clear message. Before, five
identical posts of a disbursement gave five rows."""

from __future__ import annotations

import re
import uuid

import pytest
from django.urls import reverse

from budgets import services
from budgets.models import Disbursement, FormSubmission
from tests import factories
from tests.budgets.factories import approved_estimate
from tests.budgets.pages import login, messages_of
from tests.budgets.test_views_donations import cash
from tests.budgets.test_views_ledger import allocate, disburse

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]
TOKEN = re.compile(r'<input type="hidden" name="submission_token" value="([0-9a-f-]{36})">')


@pytest.fixture
def activity():
    return factories.ActivityFactory(section_code="2.3", title="Đài truyền thanh xã")


@pytest.fixture
def approved(activity):
    return approved_estimate(activity=activity, year=2026, amount=100_000_000)


def token_of(response) -> str:
    return TOKEN.search(response.content.decode()).group(1)


def test_the_same_disbursement_form_posted_twice_records_one_disbursement(client, finance, activity, approved, unit_a):
    allocation = allocate(finance, activity, unit_a, 80_000_000)
    login(client, finance)
    detail = reverse("budgets:allocation_detail", args=[allocation.pk])
    token = token_of(client.get(detail))
    form = {"voucher_number": "PC-01", "voucher_date": "05/03/2026", "amount": "30.000.000", "submission_token": token}
    url = reverse("budgets:disbursement_record", args=[allocation.pk])
    first = client.post(url, form, follow=True)
    assert messages_of(first) == ["Disbursement PC-01 of 30.000.000 đ was recorded."]
    for _ in range(4):  # the finance officer retries after a gateway error
        again = client.post(url, form, follow=True)
        assert again.redirect_chain == first.redirect_chain
        assert messages_of(again) == [
            "This form had already been sent and was recorded once; this is the result of the first sending."
        ]
    assert Disbursement.objects.count() == 1
    allocation.refresh_from_db()
    assert allocation.disbursed == 30_000_000
    assert FormSubmission.objects.get().result_url == detail + "#ledger"


def test_a_form_refused_with_errors_leaves_its_token_unspent(client, finance, activity, approved, unit_a):
    allocation = allocate(finance, activity, unit_a, 80_000_000)
    login(client, finance)
    token = str(uuid.uuid4())
    url = reverse("budgets:disbursement_record", args=[allocation.pk])
    form = {"voucher_number": "PC-01", "voucher_date": "05/03/2026", "amount": "90.000.000", "submission_token": token}
    assert client.post(url, form).status_code == 200  # over the allocation: refused
    assert not FormSubmission.objects.exists()
    form["amount"] = "9.000.000"
    assert client.post(url, form).status_code == 302
    assert Disbursement.objects.count() == 1


def test_a_voucher_number_is_used_once_per_allocation(client, finance, activity, approved, unit_a, unit_b):
    allocation = allocate(finance, activity, unit_a, 50_000_000)
    other = allocate(finance, activity, unit_b, 30_000_000)
    disburse(finance, allocation, 10_000_000, voucher="PC-07")
    login(client, finance)
    url = reverse("budgets:disbursement_record", args=[allocation.pk])
    response = client.post(url, {"voucher_number": "PC-07", "voucher_date": "06/03/2026", "amount": "1.000.000"})
    assert response.status_code == 200
    assert "A payment with this voucher number is already recorded on this allocation" in response.content.decode()
    assert Disbursement.objects.count() == 1
    disburse(finance, other, 1_000_000, voucher="PC-07")  # another allocation's ledger: allowed
    reversal_of = Disbursement.objects.get(allocation=allocation)
    services.disbursement_reverse(disbursement=reversal_of, actor=finance, reason="Sai")  # repeats the voucher
    assert Disbursement.objects.filter(voucher_number="PC-07").count() == 3


def test_every_money_form_carries_a_one_time_token(client, finance, manager, activity, approved, unit_a):
    allocation = allocate(finance, activity, unit_a, 80_000_000)
    disburse(finance, allocation, 10_000_000)
    donation = cash(finance, unit_a, 5_000_000)
    login(client, finance)
    pages = {
        reverse("budgets:allocation_detail", args=[allocation.pk]): 2,  # disburse + reverse
        reverse("budgets:allocation_create"): 1,
        reverse("budgets:allocation_edit", args=[allocation.pk]): 1,
        reverse("budgets:donation_create"): 1,
        reverse("budgets:donation_detail", args=[donation.pk]): 1,  # transfer
    }
    for page, forms in pages.items():
        content = client.get(page).content.decode()
        assert len(TOKEN.findall(content)) >= forms, page
    login(client, manager)
    page = client.get(reverse("budgets:estimate_create"))
    assert page.status_code != 200 or TOKEN.search(page.content.decode())
