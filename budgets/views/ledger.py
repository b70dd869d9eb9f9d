"""Placeholder module: its pages are being written."""

urlpatterns = []
