"""The signed copy of an official report: its PDF signatures verified with pyHanko, and the
service that attaches it as the report's record of issue.

Verification says what can be said honestly from the file alone: each signature's signer
(the certificate's subject), the signing time the signer's tool wrote, whether the signed
bytes are intact and the signature cryptographically valid, and whether the certificate
chains to a trusted root. No trust roots are configured and nothing is fetched (no network),
so a certificate of the national digital-signature CA shows as "not from a trusted root"
unless its root is in the validation context — said as it is, never presented as trusted.
"""

from __future__ import annotations

import io
import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from tracker.core.history import save_tracked
from tracker.models import GeneratedReport, SignedReportCopy, User

from . import jobs
from .permissions import can_produce

logger = logging.getLogger(__name__)
Verdict = SignedReportCopy.Verdict
MAX_SIGNED_BYTES = 50 * 1024 * 1024


def verify_pdf(content: bytes) -> tuple[str, list[dict]]:
    """(verdict, signatures) of a PDF. Raises ValidationError when it is not a readable PDF."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    try:
        reader = PdfFileReader(io.BytesIO(content), strict=False)
        embedded = list(reader.embedded_signatures)
    except Exception as error:
        raise ValidationError(_("This file is not a readable PDF.")) from error
    signatures = []
    for signature in embedded:
        try:
            status = validate_pdf_signature(signature, ValidationContext(trust_roots=[], allow_fetching=False))
        except Exception:
            logger.warning("A signature of an uploaded PDF could not be validated", exc_info=True)
            signatures.append({"field": signature.field_name, "signer": "", "intact": False, "valid": False})
            continue
        cert = status.signing_cert
        when = status.signer_reported_dt
        signatures.append(
            {
                "field": signature.field_name,
                "signer": cert.subject.human_friendly if cert else "",
                "issuer": cert.issuer.human_friendly if cert else "",
                "signed_at": when.isoformat() if when else "",
                "intact": bool(status.intact),
                "valid": bool(status.valid),
                "trusted": bool(status.trusted),
                "whole_file": status.coverage.name == "ENTIRE_FILE",
            }
        )
    if not signatures:
        return Verdict.UNSIGNED, []
    if not all(entry["intact"] and entry["valid"] for entry in signatures):
        return Verdict.INVALID, signatures
    if all(entry.get("trusted") for entry in signatures):
        return Verdict.VALID_TRUSTED, signatures
    return Verdict.VALID_UNTRUSTED, signatures


@transaction.atomic
def signed_copy_attach(*, report: GeneratedReport, content: bytes, name: str, actor: User) -> SignedReportCopy:
    """Attach the signed PDF of a finished report, verified, as its record of issue. Whoever
    may produce such a report may attach its signed copy (PermissionDenied otherwise)."""
    if not can_produce(actor, kind=report.kind, plan=report.plan, unit=report.unit):
        raise PermissionDenied
    if report.status != GeneratedReport.Status.DONE:
        raise ValidationError(_("Only a finished report can have a signed copy."))
    if len(content) > MAX_SIGNED_BYTES or not content.startswith(b"%PDF-"):
        raise ValidationError({"file": _("Attach the signed PDF (at most 50 MB).")})
    verdict, signatures = verify_pdf(content)
    copy = SignedReportCopy(
        report=report,
        original_name=name[:255],
        sha256=jobs.sha256(content),
        verdict=verdict,
        signatures=signatures,
        uploaded_by=actor,
    )
    copy.file.save("signed.pdf", ContentFile(content), save=False)
    return save_tracked(copy, actor=actor, reason=_("Signed copy attached"))
