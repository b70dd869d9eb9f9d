"""drf-spectacular hooks: the published schema describes the tracker's API and nothing else."""

API_PREFIX = "/api/"


def only_our_api(endpoints, **kwargs):
    """Keep the endpoints under /api/ (the Wagtail admin's own API lives under /cms/)."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(API_PREFIX)]
