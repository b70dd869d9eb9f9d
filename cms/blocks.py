"""The pieces an article's body is made of (Wagtail StreamField blocks).

Paragraphs, images with captions, quotes, videos, document downloads and tables. Videos are
files uploaded to the document library and played with the browser's own <video> player: a
third-party player would need frames and scripts the site's Content Security Policy refuses,
and a self-hosted file also plays where the connection is poor.
"""

from __future__ import annotations

import os

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from cms.richtext import BODY_FEATURES, validate_safe_rich_text

VIDEO_EXTENSIONS = {".mp4", ".webm"}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Text alternative"),
        required=False,
        max_length=250,
        help_text=_("What the image shows, for readers who cannot see it. Leave blank to use the image's title."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)
    credit = blocks.CharBlock(label=_("Credit"), required=False, max_length=120)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "cms/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "cms/blocks/quote.html"


class VideoBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    video = DocumentChooserBlock(
        label=_("Video file"), required=False, help_text=_("An MP4 or WebM file uploaded to the documents.")
    )
    poster = ImageChooserBlock(label=_("Poster image"), required=False)
    external_url = blocks.URLBlock(
        label=_("Also on"),
        required=False,
        help_text=_("The address of the same video on a video platform (shown as a link, not embedded)."),
    )
    transcript = blocks.TextBlock(
        label=_("Transcript"), required=False, help_text=_("What is said, for deaf readers and for search.")
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "cms/blocks/video.html"

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        video = value.get("video")
        if video is not None and os.path.splitext(video.file.name)[1].lower() not in VIDEO_EXTENSIONS:
            errors["video"] = ValidationError(_("Choose an MP4 or WebM video file."))
        if video is None and not value.get("external_url"):
            errors["video"] = ValidationError(_("Upload the video or give its address on a video platform."))
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Title"), required=False, help_text=_("Leave blank to use the document's title."))
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        template = "cms/blocks/document.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=BODY_FEATURES,
        validators=[validate_safe_rich_text],
        template="cms/blocks/paragraph.html",
    )
    image = ImageBlock()
    quote = QuoteBlock()
    video = VideoBlock()
    document = DocumentBlock()
    table = TableBlock(
        label=_("Table"),
        template="cms/blocks/table.html",
        table_options={"renderer": "text", "startRows": 3, "startCols": 3, "contextMenu": True},
    )

    class Meta:
        block_counts = {}


class TopicBlock(blocks.StructBlock):
    """One of a campaign's topics (seed 003 lists six)."""

    title = blocks.CharBlock(label=_("Topic"), max_length=300)
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "tag"
        label = _("Topic")
        template = "cms/blocks/topic.html"
