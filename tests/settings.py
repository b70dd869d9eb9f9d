"""Settings for the test suite: the production settings with what only slows tests down
swapped out (as Wagtail's bakerydemo and saleor do).

The real password hasher costs about 0.3 s per user on this machine, and the suite creates
thousands of users; MD5 is unsafe for real passwords and fine for test users."""

from tracker.config.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
