#!/usr/bin/env bash
# Make what the tests need present on this machine, or say plainly what is missing.
# Under CI=true the test suite itself refuses to skip, so a missing piece fails the run.
set -u
say() { printf 'test-deps: %s\n' "$*" >&2; }

# Chromium for browser tests (Debian's package; Playwright's own download does not work offline).
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing Debian chromium for browser tests"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/tmp/marsad-apt.log 2>&1 \
      || say "could not install chromium (see /tmp/marsad-apt.log); browser tests will skip (fail under CI)"
  else
    say "chromium missing and not root: browser tests will skip (fail under CI)"
  fi
fi

# PostgreSQL for the contract suite.
PGHOST=127.0.0.1
if command -v pg_isready >/dev/null && ! pg_isready -q -h "$PGHOST" -p 5432; then
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    say "starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start >/dev/null 2>&1 || true
    sleep 2
  fi
fi
if command -v pg_isready >/dev/null && pg_isready -q -h "$PGHOST" -p 5432; then
  psql -h "$PGHOST" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='marsad_test'" 2>/dev/null | grep -q 1 \
    || psql -h "$PGHOST" -U postgres -c "CREATE DATABASE marsad_test" >/dev/null 2>&1 \
    || say "could not create database marsad_test"
else
  say "PostgreSQL not reachable at $PGHOST:5432: PostgreSQL contract tests will skip (fail under CI)"
fi
exit 0
