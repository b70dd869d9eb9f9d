"""Hand background jobs whose worker died to a worker again, or fail them with a message:
what Celery beat's "recover-jobs" does every JOB_SWEEP_SECONDS, for cron on an installation
without a broker (there, the re-queued job runs right here)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from tracker.reports import tasks


class Command(BaseCommand):
    help = (
        "Re-queue official reports and Excel imports whose worker stopped (their lease expired), "
        "up to JOB_MAX_ATTEMPTS times, then mark them failed with the reason."
    )

    def handle(self, *args, **options):
        result = tasks.recover()
        for label in result.requeued:
            self.stdout.write(f"re-queued {label}")
        for label in result.failed:
            self.stdout.write(f"failed {label}")
        self.stdout.write(
            self.style.SUCCESS(f"recover_jobs: re-queued {len(result.requeued)}, failed {len(result.failed)}")
        )
