"""Disbursements move the running total under a lock, and the database refuses what breaks it."""

import datetime
import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import F, Sum
from django.utils import translation

from budgets import models, services
from tests import factories
from tests.budgets.factories import AllocationFactory, approved_estimate

VOUCHER_DATE = datetime.date(2026, 3, 5)


def _disburse(allocation, amount, actor, voucher="PC-01"):
    return services.disbursement_record(
        allocation=allocation, amount=amount, voucher_number=voucher, voucher_date=VOUCHER_DATE, actor=actor
    )


def _rows_total(allocation):
    return models.Disbursement.objects.filter(allocation=allocation).aggregate(total=Sum("amount"))["total"] or 0


def test_the_funding_sources_of_the_programme_are_data(db):
    assert list(models.FundingSource.objects.values_list("name", flat=True)) == [
        "Ngân sách trung ương (vốn sự nghiệp)",
        "Ngân sách địa phương (đối ứng)",
        "Quỹ dịch vụ viễn thông công ích",
        "Xã hội hóa / huy động hợp pháp",
        "Doanh nghiệp",
        "Lồng ghép",
    ]


def test_allocation_save_records_the_actor_and_starts_at_nothing_disbursed(finance):
    source = models.FundingSource.objects.get(code="local_budget")
    activity = factories.ActivityFactory()
    approved_estimate(activity=activity, year=2026, amount=5_000_000, funding_source=source)
    allocation = models.Allocation(
        activity=activity,
        unit=factories.CommuneCommitteeFactory(),
        funding_source=source,
        year=2026,
        amount=5_000_000,
        disbursed=4_000_000,  # not the caller's to set
        decision_number="1181/QĐ-UBND",
        decision_date=datetime.date(2026, 2, 1),
    )
    services.allocation_save(allocation=allocation, actor=finance)

    allocation.refresh_from_db()
    assert allocation.disbursed == 0
    assert [(h.history_type, h.history_user) for h in allocation.history.all()] == [("+", finance)]


def test_allocation_cannot_be_cut_below_what_is_disbursed(finance):
    allocation = AllocationFactory(amount=1_000_000)
    _disburse(allocation, 600_000, finance)
    stale = models.Allocation.objects.get(pk=allocation.pk)
    stale.disbursed = 0  # a stale copy must not reset the running total
    stale.amount = 500_000
    with pytest.raises(ValidationError, match="cannot exceed the allocated amount"):
        services.allocation_save(allocation=stale, actor=finance)
    allocation.refresh_from_db()
    assert (allocation.amount, allocation.disbursed) == (1_000_000, 600_000)


def test_disbursing_moves_the_running_total_and_writes_history_with_the_actor(finance):
    allocation = AllocationFactory(amount=1_000_000)

    disbursement = _disburse(allocation, 250_000, finance, voucher="PC-07")

    allocation.refresh_from_db()
    assert allocation.disbursed == 250_000
    assert allocation.remaining == 750_000
    assert (disbursement.amount, disbursement.recorded_by, disbursement.reverses) == (250_000, finance, None)
    latest = allocation.history.latest()
    assert (latest.history_type, latest.history_user, latest.disbursed) == ("~", finance, 250_000)
    assert latest.history_change_reason == "Disbursement PC-07"
    assert [(h.history_type, h.history_user, h.amount) for h in disbursement.history.all()] == [("+", finance, 250_000)]


def test_over_disbursing_is_refused_with_the_remaining_balance_and_writes_nothing(finance):
    allocation = AllocationFactory(amount=1_000_000)
    _disburse(allocation, 765_433, finance)
    history_before = allocation.history.count()

    with pytest.raises(ValidationError) as refused:
        _disburse(allocation, 300_000, finance, voucher="PC-02")

    assert refused.value.message_dict == {
        "amount": ["This would exceed the allocation: only 234.567 đ remain to be disbursed."]
    }
    allocation.refresh_from_db()
    assert allocation.disbursed == 765_433
    assert models.Disbursement.objects.count() == 1
    assert allocation.history.count() == history_before


def test_disbursing_exactly_the_remainder_is_allowed(finance):
    allocation = AllocationFactory(amount=1_000_000)
    _disburse(allocation, 1_000_000, finance)
    allocation.refresh_from_db()
    assert allocation.remaining == 0


@pytest.mark.parametrize("amount", [0, -1, -100_000])
def test_zero_and_negative_disbursements_are_refused(finance, amount):
    allocation = AllocationFactory()
    with pytest.raises(ValidationError, match="positive amount"):
        _disburse(allocation, amount, finance)
    assert models.Disbursement.objects.count() == 0


def test_a_fractional_amount_is_refused(finance):
    allocation = AllocationFactory()
    with pytest.raises(ValidationError, match="whole number"):
        _disburse(allocation, 1.5, finance)


def test_reversal_restores_the_total_and_cannot_be_repeated(finance, manager):
    allocation = AllocationFactory(amount=1_000_000)
    original = _disburse(allocation, 400_000, finance, voucher="PC-03")

    reversal = services.disbursement_reverse(disbursement=original, actor=manager, reason="Sai số tiền")

    allocation.refresh_from_db()
    assert allocation.disbursed == 0
    assert (reversal.amount, reversal.reverses, reversal.note, reversal.recorded_by) == (
        -400_000,
        original,
        "Sai số tiền",
        manager,
    )
    assert allocation.history.latest().history_user == manager
    assert _rows_total(allocation) == 0

    with pytest.raises(ValidationError, match="already been reversed"):
        services.disbursement_reverse(disbursement=original, actor=manager, reason="Lần nữa")
    with pytest.raises(ValidationError, match="cannot itself be reversed"):
        services.disbursement_reverse(disbursement=reversal, actor=manager, reason="Đảo lại")
    allocation.refresh_from_db()
    assert allocation.disbursed == 0
    assert models.Disbursement.objects.count() == 2


def test_a_reversal_needs_a_reason(finance):
    original = _disburse(AllocationFactory(), 1_000, finance)
    with pytest.raises(ValidationError):
        services.disbursement_reverse(disbursement=original, actor=finance, reason="  ")
    assert not original.reversals.exists()


def test_no_service_edits_or_deletes_a_disbursement():
    writers = {name for name in dir(services) if name.startswith("disbursement_")}
    assert writers == {"disbursement_record", "disbursement_reverse"}


def test_the_admin_shows_disbursements_read_only(finance, admin_client):
    disbursement = _disburse(AllocationFactory(), 1_000, finance, voucher="PC-09")
    url = f"/admin/budgets/disbursement/{disbursement.pk}/change/"

    page = admin_client.get(url)
    assert page.status_code == 200
    assert b'name="_save"' not in page.content
    assert b"PC-09" in page.content
    assert admin_client.post(url, {"voucher_number": "PC-99", "amount": "1"}).status_code == 403
    assert admin_client.get("/admin/budgets/disbursement/add/").status_code == 403
    assert (
        admin_client.post(f"/admin/budgets/disbursement/{disbursement.pk}/delete/", {"post": "yes"}).status_code == 403
    )
    disbursement.refresh_from_db()
    assert (disbursement.voucher_number, disbursement.amount) == ("PC-09", 1_000)


# --- The database itself refuses what breaks the rules (SQLite and PostgreSQL) -------------


def test_the_database_refuses_a_total_above_the_allocation(db):
    allocation = AllocationFactory(amount=1_000_000)
    with pytest.raises(IntegrityError), transaction.atomic():
        models.Allocation.objects.filter(pk=allocation.pk).update(disbursed=F("amount") + 1)


def test_the_database_refuses_a_negative_total(db):
    allocation = AllocationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        models.Allocation.objects.filter(pk=allocation.pk).update(disbursed=-1)


@pytest.mark.parametrize("amount", [0, -5])
def test_the_database_refuses_an_allocation_that_is_not_positive(db, amount):
    allocation = AllocationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        models.Allocation.objects.filter(pk=allocation.pk).update(amount=amount)


def test_the_database_refuses_a_zero_disbursement(finance):
    disbursement = _disburse(AllocationFactory(), 1_000, finance)
    with pytest.raises(IntegrityError), transaction.atomic():
        models.Disbursement.objects.filter(pk=disbursement.pk).update(amount=0)


def test_the_database_refuses_a_second_reversal(finance):
    original = _disburse(AllocationFactory(), 1_000, finance)
    services.disbursement_reverse(disbursement=original, actor=finance, reason="Sai")
    with pytest.raises(IntegrityError), transaction.atomic():
        models.Disbursement.objects.create(
            allocation=original.allocation,
            amount=-1_000,
            reverses=original,
            voucher_number="X",
            voucher_date=VOUCHER_DATE,
            recorded_by=finance,
        )


# --- The race: 20 threads, one allocation -----------------------------------------------------

THREADS = 20
ALLOCATED = 1_000_000
EACH = 100_000


def _lock_free_disburse(*, allocation, amount, voucher_number, voucher_date, actor):
    """What the service must not be: read, check, then write — with no lock on the row."""
    with transaction.atomic():
        current = models.Allocation.objects.get(pk=allocation.pk)
        if current.disbursed + amount > current.amount:
            raise ValidationError("over")
        time.sleep(0.05)  # widen the window between the read and the write
        models.Allocation.objects.filter(pk=allocation.pk).update(disbursed=current.disbursed + amount)
        return models.Disbursement.objects.create(
            allocation=current,
            amount=amount,
            voucher_number=voucher_number,
            voucher_date=voucher_date,
            recorded_by=actor,
        )


def _race(disburse, allocation, actor):
    """Start THREADS disbursements of EACH at once; return (successes, refusals, errors)."""
    barrier = threading.Barrier(THREADS, timeout=10)
    successes, refusals, errors = [], [], []

    def worker(n):
        try:
            barrier.wait()
            disburse(
                allocation=allocation, amount=EACH, voucher_number=f"PC-{n:02}", voucher_date=VOUCHER_DATE, actor=actor
            )
            successes.append(n)
        except ValidationError:
            refusals.append(n)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not any(thread.is_alive() for thread in threads)
    return successes, refusals, errors


postgresql_only = pytest.mark.skipif("connection.vendor != 'postgresql'", reason="row locks need PostgreSQL")


@postgresql_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twenty_concurrent_disbursements_never_exceed_the_allocation():
    actor = factories.UserFactory()
    allocation = AllocationFactory(amount=ALLOCATED)

    successes, refusals, errors = _race(services.disbursement_record, allocation, actor)

    allocation.refresh_from_db()
    print(f"\nwith the lock: {len(successes)} succeeded, total {allocation.disbursed}, rows {_rows_total(allocation)}")
    assert errors == []
    assert (len(successes), len(refusals)) == (10, 10)
    assert allocation.disbursed == ALLOCATED == _rows_total(allocation)
    assert allocation.history.filter(history_type="~").count() == 10


@postgresql_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_without_the_lock_the_same_race_over_disburses_or_loses_updates():
    actor = factories.UserFactory()
    allocation = AllocationFactory(amount=ALLOCATED)

    successes, _refusals, errors = _race(_lock_free_disburse, allocation, actor)

    allocation.refresh_from_db()
    rows = _rows_total(allocation)
    print(f"\nwithout the lock: {len(successes)} succeeded, total {allocation.disbursed}, rows {rows}")
    assert errors == []
    assert rows > ALLOCATED or allocation.disbursed != rows


def test_over_disbursing_is_refused_in_vietnamese_with_the_balance_in_dong(db):
    allocation = AllocationFactory(amount=1_000_000)
    actor = factories.UserFactory(username="ketoan")
    with translation.override("vi"), pytest.raises(ValidationError) as error:
        services.disbursement_record(
            allocation=allocation,
            amount=1_000_001,
            voucher_number="GN-01",
            voucher_date=allocation.decision_date,
            actor=actor,
        )
    assert "Vượt số đã phân bổ: chỉ còn 1.000.000 đ có thể giải ngân." in " ".join(error.value.messages)
