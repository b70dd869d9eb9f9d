"""Accounts fit for officials: the second factor (TOTP with recovery codes, django-otp), session
lifetime, the client's real address behind the reverse proxy, and the security log."""
