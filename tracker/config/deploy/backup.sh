#!/usr/bin/env bash
# Nightly backup: the database (pg_dump, custom format), the public media and the private files
# (evidence, imports, generated reports: PRIVATE_MEDIA_ROOT) as two tars, then the
# restore drill: the dump is restored into a scratch database and every official report's
# files are checked against their SHA-256 fingerprints (manage.py verify_backup). Old backups
# beyond BACKUP_KEEP_DAYS are removed. Run by tracker-backup.service; safe to run by hand.
set -euo pipefail
cd "$(dirname "$0")/../../.."
: "${DATABASE_URL:?}" "${MEDIA_ROOT:?}" "${PRIVATE_MEDIA_ROOT:?}"
BACKUP_DIR="${BACKUP_DIR:-/srv/tracker/backups}"
KEEP="${BACKUP_KEEP_DAYS:-14}"
stamp="$(date +%Y%m%d-%H%M%S)"
mkdir -p "$BACKUP_DIR"
pg_dump --format=custom --no-owner --file="$BACKUP_DIR/tracker-$stamp.dump" "$DATABASE_URL"
tar --create --gzip --file="$BACKUP_DIR/media-$stamp.tar.gz" --directory="$MEDIA_ROOT" .
tar --create --gzip --file="$BACKUP_DIR/private-$stamp.tar.gz" --directory="$PRIVATE_MEDIA_ROOT" .
# The drill: a backup is only a backup once it has been restored.
drill="$(mktemp -d)"
trap 'rm -rf "$drill"' EXIT
mkdir "$drill/media" "$drill/private"
tar --extract --gzip --file="$BACKUP_DIR/media-$stamp.tar.gz" --directory="$drill/media"
tar --extract --gzip --file="$BACKUP_DIR/private-$stamp.tar.gz" --directory="$drill/private"
.venv/bin/python manage.py verify_backup --dump "$BACKUP_DIR/tracker-$stamp.dump" \
    --files "$drill/private" --files "$drill/media"
find "$BACKUP_DIR" -name 'tracker-*.dump' -mtime "+$KEEP" -delete
find "$BACKUP_DIR" -name 'media-*.tar.gz' -mtime "+$KEEP" -delete
find "$BACKUP_DIR" -name 'private-*.tar.gz' -mtime "+$KEEP" -delete
