"""The PDF of a report (WeasyPrint), and the HTML the PDF and the preview share.

The document's HTML comes from one template per kind (`templates/tracker/reports/<kind>.html`,
extending `reports/document.html`); the preview page shows that same HTML, the PDF wraps it
in a page of its own with `static/css/report.css`. WeasyPrint reads the stylesheet through
`static_fetcher`, from the collected static files in production (hashed names included) or
through the static finders in development, and fetches nothing else: no network access
while rendering, whatever a report's text contains.
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

# WeasyPrint logs each rendering step at INFO ("Step 2 - Fetching and parsing CSS"), even on
# import; with the project's root logger at INFO that would fill every log. Warnings remain.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

# Relative URLs of the PDF page resolve against this made-up origin, which StaticFetcher serves.
BASE_URL = "https://report.invalid/"


def document_html(snapshot: dict) -> SafeString:
    """The official document (header, body, recipients, signature, appendices) as HTML."""
    context = {"snapshot": snapshot, "frame": snapshot["frame"], "body": snapshot["body"]}
    # Safe: the output of our own template, where every value was escaped.
    return mark_safe(render_to_string(f"tracker/reports/{snapshot['kind']}.html", context))


def static_file_path(name: str) -> Path | None:
    """A static file on disk: collected (production, hashed names too) or found (development)."""
    try:
        path = Path(staticfiles_storage.path(name))
        if path.is_file():
            return path
    except NotImplementedError:  # a storage without local files
        pass
    found = finders.find(name)
    return Path(found) if found else None


def static_fetcher():
    """A WeasyPrint URL fetcher that serves our own static files and refuses every other URL.
    (Built on demand: importing WeasyPrint costs time every page of the site need not pay.)"""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            prefix = BASE_URL.rstrip("/") + settings.STATIC_URL
            if not url.startswith(prefix):
                raise ValueError(f"Reports fetch only their own static files, not {url}")
            name = unquote(urlsplit(url).path)[len(settings.STATIC_URL) :]
            path = static_file_path(name)
            if path is None:
                raise ValueError(f"No static file {name}")
            mime = "text/css" if name.endswith(".css") else "application/octet-stream"
            return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": mime})

    # Fail rather than produce an official document without its layout.
    return StaticFetcher(fail_on_errors=True, allowed_protocols={"https"})


def pdf_html(snapshot: dict) -> str:
    return render_to_string(
        "tracker/reports/pdf.html", {"document": document_html(snapshot), "frame": snapshot["frame"]}
    )


def render_pdf(snapshot: dict) -> tuple[bytes, int]:
    """The PDF's bytes and its number of pages."""
    import weasyprint

    rendered = weasyprint.HTML(string=pdf_html(snapshot), base_url=BASE_URL, url_fetcher=static_fetcher()).render()
    return rendered.write_pdf(), len(rendered.pages)
