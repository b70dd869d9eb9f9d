"""Register pages (list, detail, create, edit, export). Being built."""

urlpatterns: list = []
