"""Settings for the test suite: the production settings with what only slows tests down
swapped out (as Wagtail's bakerydemo and saleor do).

The real password hasher costs about 0.3 s per user on this machine, and the suite creates
thousands of users; MD5 is unsafe for real passwords and fine for test users."""

from tracker.config.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Private files (evidence, generated reports) of each test process in a folder of its own,
# removed when the process ends; a test can still point PRIVATE_MEDIA_ROOT elsewhere.
import atexit  # noqa: E402
import shutil  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

PRIVATE_MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="tracker-private-"))
atexit.register(shutil.rmtree, PRIVATE_MEDIA_ROOT, True)

# The tests load the demo data (pytest-django turns DEBUG off while they run).
DEMO_DATA_ALLOWED = True
