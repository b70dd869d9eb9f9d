"""What rich text on the campaign site may hold, and the check that refuses anything that runs.

Wagtail's editor already drops a `javascript:` link when it converts what an editor typed;
this check guards every other way text reaches a page (a script, an import, the API, a
revision restored from elsewhere): a page whose rich text holds a script, an event handler
or a link a browser would execute is refused when it is validated (`Page.save()` validates).
"""

from __future__ import annotations

from html.parser import HTMLParser

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.whitelist import check_url

# The editor's toolbar for body text: headings, emphasis, lists, links to pages, sites and documents.
BODY_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
# Short introductions: emphasis and links only.
INTRO_FEATURES = ["bold", "italic", "link", "document-link"]

FORBIDDEN_TAGS = {"script", "style", "iframe", "object", "embed", "form", "input", "button", "svg", "math", "base"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "srcset", "poster"}


class _Inspector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(name)
            elif name in URL_ATTRIBUTES and value is not None and check_url(value) is None:
                self.problems.append(f"{name}={value[:40]}")
            elif name == "style":
                self.problems.append("style")

    handle_startendtag = handle_starttag


def unsafe_parts(html: str) -> list[str]:
    """The parts of `html` a browser would run or that would break the page's policy."""
    inspector = _Inspector()
    inspector.feed(html or "")
    inspector.close()
    return inspector.problems


def validate_safe_rich_text(value) -> None:
    """A validator for RichTextField / RichTextBlock values (a RichText or a string)."""
    html = getattr(value, "source", value)
    problems = unsafe_parts(str(html or ""))
    if problems:
        raise ValidationError(
            _("This text holds something a browser would run (%(parts)s); it was refused."),
            code="unsafe_rich_text",
            params={"parts": ", ".join(sorted(set(problems)))},
        )
