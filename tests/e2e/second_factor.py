"""Two-step verification in the browser journeys: after the password, a DIC manager, finance
officer or moderator lands on the set-up page at their first login. The helper does what the
person does with their phone: reads the key shown beside the QR code, types the app's code,
and continues past the recovery codes to the page they asked for."""

from __future__ import annotations

import base64

from django_otp.oath import totp


def complete_second_factor(page) -> None:
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    if "/accounts/mfa/setup/" not in page.url:
        return
    key = "".join(page.locator(".otp-key").inner_text().split())
    page.fill("#id_code", f"{totp(base64.b32decode(key)):06d}")
    page.get_by_role("button", name="Xác nhận").click()
    page.get_by_role("link", name="Tiếp tục").click()
    page.wait_for_url(lambda url: "/accounts/mfa/" not in url)
