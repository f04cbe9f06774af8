#!/usr/bin/env bash
# Runs the pgTAP suite (supabase/tests/*.sql) against a throwaway PostgreSQL cluster:
# platform base, migrations in name order, seed, then pg_prove. Exit code = test result.
#
#   scripts/test-pgtap.sh                 all test files
#   scripts/test-pgtap.sh 04_appointments one file (name or path), extra pg_prove flags allowed
#   KEEP_CLUSTER=1 scripts/test-pgtap.sh  leave the cluster running and print its URL
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cluster=$(mktemp -d "${TMPDIR:-/tmp}/reperes-pgtap.XXXXXX")

cleanup() {
  if [ "${KEEP_CLUSTER:-}" = "1" ]; then
    echo "cluster kept in $cluster (stop with: scripts/pg-cluster.sh stop $cluster)" >&2
  else
    "$root/scripts/pg-cluster.sh" stop "$cluster" || true
  fi
}
trap cleanup EXIT

url=$("$root/scripts/pg-cluster.sh" start "$cluster")
url=${url#DATABASE_URL=}
[ "${KEEP_CLUSTER:-}" = "1" ] && echo "DATABASE_URL=$url" >&2

apply() {
  psql "$url" -X -q -v ON_ERROR_STOP=1 -c 'set client_min_messages = warning' -f "$1" >/dev/null
}

apply "$root/supabase/local/bootstrap.sql"
for migration in $(find "$root/supabase/migrations" -maxdepth 1 -name '*.sql' | LC_ALL=C sort); do
  apply "$migration"
done
apply "$root/supabase/seed.sql"
for seed in $(find "$root/supabase/seed" -maxdepth 1 -name '*.sql' 2>/dev/null | LC_ALL=C sort); do
  apply "$seed"
done
psql "$url" -X -q -v ON_ERROR_STOP=1 -c 'create extension if not exists pgtap' >/dev/null

tests=()
flags=()
for arg in "$@"; do
  case "$arg" in
    -*) flags+=("$arg") ;;
    *.sql) tests+=("$arg") ;;
    *) tests+=("$root/supabase/tests/$arg.sql") ;;
  esac
done
if [ ${#tests[@]} -eq 0 ]; then
  mapfile -t tests < <(find "$root/supabase/tests" -maxdepth 1 -name '*.sql' | LC_ALL=C sort)
fi

port=${url##*:}
port=${port%%/*}
# pg_prove exits non-zero when any test fails or a file dies; `set -e` keeps that code.
pg_prove --host 127.0.0.1 --port "$port" --username postgres --dbname reperes \
  --set ON_ERROR_STOP=1 "${flags[@]}" "${tests[@]}"
