"""The signed copy of an official report: a PDF signed in the test with a self-signed
certificate made in the test is attached through the job page, its signature verified with
pyHanko (signer, signing time, intact and valid, the certificate honestly "not from a trusted
root"), kept privately and downloaded only by those who see the report; an altered or
unsigned file says so."""

from __future__ import annotations

import datetime
import io

import pytest
from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers

from tests import factories
from tests.tracker.reports.helpers import produce
from tracker.models import GeneratedReport, SignedReportCopy

pytestmark = pytest.mark.django_db
D = datetime.date
Verdict = SignedReportCopy.Verdict


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def self_signed_signer(common_name: str) -> signers.SimpleSigner:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Sở Khoa học và Công nghệ"),
        ]
    )
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    der_key = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return signers.SimpleSigner(
        signing_cert=asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER)),
        signing_key=asn1_keys.PrivateKeyInfo.load(der_key),
        cert_registry=None,
    )


def signed(pdf: bytes, common_name: str = "Hoàng Văn Bình") -> bytes:
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    meta = signers.PdfSignatureMetadata(field_name="Signature1")
    return signers.sign_pdf(writer, meta, signer=self_signed_signer(common_name)).getvalue()


@pytest.fixture
def report(manager):
    dic = factories.UnitFactory(name="Sở Khoa học và Công nghệ")
    plan = factories.PlanFactory(number_symbol="12/KH-UBND")
    factories.ActivityFactory(plan=plan, lead_unit=dic, section_code="2.1")
    return produce(manager, kind=GeneratedReport.Kind.PROGRESS, plan_id=plan.pk, issuer_id=dic.pk)


def generated_pdf(report) -> bytes:
    with report.pdf.open("rb") as handle:
        return handle.read()


def attach(client, report, content: bytes, name: str = "bao-cao-ky-so.pdf"):
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    return client.post(reverse("tracker:generated_report_signed_attach", args=[report.pk]), {"file": upload})


def test_a_signed_pdf_is_verified_and_becomes_the_record_of_issue(client, manager, report):
    client.force_login(manager)
    response = attach(client, report, signed(generated_pdf(report)))

    assert response.status_code == 302
    copy = SignedReportCopy.objects.get()
    assert copy.verdict == Verdict.VALID_UNTRUSTED
    (signature,) = copy.signatures
    assert "Common Name: Hoàng Văn Bình" in signature["signer"]
    assert (signature["intact"], signature["valid"], signature["trusted"], signature["whole_file"]) == (
        True,
        True,
        False,
        True,
    )
    signed_at = datetime.datetime.fromisoformat(signature["signed_at"])
    assert abs((signed_at - datetime.datetime.now(datetime.UTC)).total_seconds()) < 600
    # Kept privately, outside MEDIA_ROOT, with the history row naming who attached it.
    assert str(settings.MEDIA_ROOT) not in copy.file.path
    assert copy.history.get().history_user == manager
    page = client.get(reverse("tracker:generated_report_job", args=[report.pk])).content.decode()
    assert "Record of issue" in page and "Hoàng Văn Bình" in page
    assert "certificate not from a trusted root" in page
    download = client.get(reverse("tracker:generated_report_signed_download", args=[report.pk, copy.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF-")


def test_an_altered_signed_pdf_and_an_unsigned_one_say_so(client, manager, report):
    client.force_login(manager)
    content = bytearray(signed(generated_pdf(report)))
    # Change one byte inside the signed range (the generated document's first object).
    offset = content.index(b"/Type") + 1
    content[offset] = ord("X") if content[offset] != ord("X") else ord("Y")
    attach(client, report, bytes(content))
    attach(client, report, generated_pdf(report))

    assert list(SignedReportCopy.objects.order_by("pk").values_list("verdict", flat=True)) == [
        Verdict.INVALID,
        Verdict.UNSIGNED,
    ]


def test_only_a_pdf_is_accepted_and_others_may_not_attach(client, manager, report, officer_a):
    client.force_login(manager)
    response = attach(client, report, b"not a pdf", name="x.pdf")
    assert response.status_code == 400 and "Attach the signed PDF" in response.content.decode()
    client.force_login(officer_a)
    assert attach(client, report, signed(generated_pdf(report))).status_code == 404
    assert not SignedReportCopy.objects.exists()
