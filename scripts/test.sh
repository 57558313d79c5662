#!/usr/bin/env bash
# The whole test suite, from a fresh Debian machine with Go installed.
# Installs what the tests need (a C compiler for -race, Tesseract for photo OCR,
# poppler-utils for PDF policies, Chromium for browser tests, PostgreSQL for
# the server's store), starts PostgreSQL, then runs gofmt, go vet and go test.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v gcc >/dev/null 2>&1 || need_apt+=(gcc libc6-dev)
command -v tesseract >/dev/null 2>&1 || need_apt+=(tesseract-ocr tesseract-ocr-eng)
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v pg_ctlcluster >/dev/null 2>&1 || need_apt+=(postgresql)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "test.sh: please install: ${need_apt[*]}" >&2
  fi
fi

# PostgreSQL: start the Debian cluster and make a throwaway database for the
# store tests. Tests that need a tool fail (not skip) when SCRUBS_REQUIRE_TOOLS=1.
if [ -z "${SCRUBS_TEST_POSTGRES:-}" ] && command -v pg_ctlcluster >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  cluster=$(pg_lsclusters --no-header | awk 'NR==1{print $1" "$2}')
  if [ -n "$cluster" ]; then
    pg_ctlcluster $cluster start 2>/dev/null || true
    for _ in $(seq 1 30); do su postgres -c "psql -qAtc 'select 1'" >/dev/null 2>&1 && break; sleep 0.5; done
    su postgres -c "psql -qc \"do \\\$\\\$ begin if not exists (select from pg_roles where rolname='scrubs') then create role scrubs login password 'scrubs'; end if; end \\\$\\\$;\"" >/dev/null
    su postgres -c "psql -qAtc \"select 1 from pg_database where datname='scrubs_test'\"" | grep -q 1 \
      || su postgres -c "createdb -O scrubs scrubs_test"
    export SCRUBS_TEST_POSTGRES="postgres://scrubs:scrubs@127.0.0.1:5432/scrubs_test?sslmode=disable"
  fi
fi
if [ "$(id -u)" = 0 ]; then
  export SCRUBS_REQUIRE_TOOLS=1
fi

echo "== gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$unformatted" ]; then
  echo "gofmt would change:"; echo "$unformatted"; exit 1
fi
echo "== go vet"
go vet ./...
echo "== go test"
if command -v gcc >/dev/null 2>&1; then
  CGO_ENABLED=1 go test -race -count=1 -timeout 30m ./...
else
  go test -count=1 -timeout 30m ./...
fi
