"""People and their roles, managed by the DIC; every user's own account and password pages."""
