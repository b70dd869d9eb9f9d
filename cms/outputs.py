"""Published articles count as outputs of the tracker activities that commissioned them.

Wagtail tells us when a page is published (`page_published`: by an editor with the right, a
moderator approving a workflow, or `publish_scheduled` when a scheduled revision goes live),
unpublished (`page_unpublished`, also sent before a live page is deleted) and deleted
(`post_delete`). Each handler brings the article's output record in the tracker in line with
the article through `tracker.progress.services` — the only writer of tracker data — so the
record is written with its actor in the tracker's history and the call is idempotent.

The actor is the person Wagtail is acting for: its admin views run inside a `LogContext`
carrying the user; a scheduled publication has no request, so it is the person who approved
or scheduled that revision.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone
from simple_history.models import HistoricalRecords
from wagtail.log_actions import get_active_log_context
from wagtail.models import PageLogEntry

from cms.models import ArticlePage
from tracker.models import User
from tracker.outputs import services as progress_services

logger = logging.getLogger(__name__)


def acting_user(page: ArticlePage, revision=None) -> User | None:
    """Who caused the change: the admin's log context, else the current request's user, else
    whoever last published, approved or scheduled the page (a scheduled publication)."""
    user = get_active_log_context().user
    if user is not None and user.is_authenticated:
        return user
    request = getattr(HistoricalRecords.context, "request", None)
    if request is not None and getattr(request, "user", None) is not None and request.user.is_authenticated:
        return request.user
    entry = (
        PageLogEntry.objects.filter(
            page_id=page.pk,
            action__in=["wagtail.publish.schedule", "wagtail.workflow.approve", "wagtail.publish"],
            user__isnull=False,
        )
        .select_related("user")
        .order_by("-timestamp", "-pk")
        .first()
    )
    if entry is not None:
        return entry.user
    return getattr(revision, "user", None)


def sync_article_output(article: ArticlePage, *, actor: User | None) -> None:
    """Count the article if it is live and linked to an output; otherwise make sure it does not."""
    if article.live and article.output_indicator_id:
        published = article.first_published_at or article.last_published_at or timezone.now()
        progress_services.output_record_set(
            source=article.output_source,
            output_indicator=article.output_indicator,
            quantity=1,
            achieved_on=timezone.localdate(published),
            title=article.title,
            url=article.get_url() or "",
            is_sample=article.is_sample,
            actor=actor,
        )
    else:
        progress_services.output_record_clear(source=article.output_source, actor=actor)


def on_page_published(sender, instance, revision=None, **kwargs) -> None:
    # Wagtail also sends this when a revision is only scheduled (the page is not live yet):
    # sync_article_output then leaves nothing counted until it goes live.
    with transaction.atomic():
        sync_article_output(instance, actor=acting_user(instance, revision))


def on_page_unpublished(sender, instance, **kwargs) -> None:
    with transaction.atomic():
        progress_services.output_record_clear(source=instance.output_source, actor=acting_user(instance))


def on_page_deleted(sender, instance, **kwargs) -> None:
    # A live page is unpublished before it is deleted; a draft may still have been counted
    # if it was unpublished outside Wagtail's actions, so clear in any case.
    progress_services.output_record_clear(source=f"cms.article:{instance.pk}", actor=acting_user(instance))


def on_page_moved(sender, instance, **kwargs) -> None:
    # A live article moved to another campaign has a new address: the record follows it.
    article = instance.specific
    if isinstance(article, ArticlePage) and article.live:
        with transaction.atomic():
            sync_article_output(article, actor=acting_user(article))


def connect() -> None:
    from django.db.models.signals import post_delete
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(on_page_published, sender=ArticlePage, dispatch_uid="cms.article_published")
    post_page_move.connect(on_page_moved, dispatch_uid="cms.article_moved")
    page_unpublished.connect(on_page_unpublished, sender=ArticlePage, dispatch_uid="cms.article_unpublished")
    post_delete.connect(on_page_deleted, sender=ArticlePage, dispatch_uid="cms.article_deleted")
