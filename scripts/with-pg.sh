#!/usr/bin/env bash
# Runs a command with DATABASE_URL pointing at a throwaway PostgreSQL 15
# cluster, removed afterwards:  scripts/with-pg.sh vitest run --project integration
set -euo pipefail
dir=$(mktemp -d)
trap 'scripts/pg-cluster.sh stop "$dir" >/dev/null 2>&1 || true' EXIT
eval "$(scripts/pg-cluster.sh start "$dir")"
export DATABASE_URL
"$@"
