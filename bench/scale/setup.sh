#!/usr/bin/env bash
# Creates the scale database in a throwaway cluster and fills it:
#
#   bench/scale/setup.sh <cluster dir> [scale]      (scale 1 = the budget's volumes)
#
# Prints DATABASE_URL=… on its last line. The cluster stays up for run.ts and load.ts;
# remove it with scripts/pg-cluster.sh stop <cluster dir>. Run it under the team's heavy
# lock on shared machines: it keeps both cores busy for a few minutes.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
dir=$1
scale=${2:-1}

url=$("$root/scripts/pg-cluster.sh" start "$dir")
url=${url#DATABASE_URL=}

# Memory settings of a small production instance (the defaults are for a laptop demo:
# 128 MB of shared buffers would measure the disk, not the queries).
psql "$url" -X -q -v ON_ERROR_STOP=1 \
  -c "alter system set shared_buffers = '1GB'" \
  -c "alter system set effective_cache_size = '4GB'" \
  -c "alter system set maintenance_work_mem = '256MB'" \
  -c "alter system set work_mem = '16MB'" \
  -c "alter system set max_wal_size = '4GB'" \
  -c "alter system set random_page_cost = 1.1"
bindir=${PG_BINDIR:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | head -n 1)}
if [ "$(id -u)" -eq 0 ]; then
  runuser -u postgres -- "$bindir/pg_ctl" -D "$dir/data" -w -t 60 -l "$dir/postgres.log" restart >/dev/null
else
  "$bindir/pg_ctl" -D "$dir/data" -w -t 60 -l "$dir/postgres.log" restart >/dev/null
fi

start=$(date +%s)
DATABASE_URL=$url npx tsx "$root/bench/scale/migrate.ts" >/dev/null
echo "schema + seed: $(( $(date +%s) - start )) s" >&2
start=$(date +%s)
psql "$url" -X -q -v ON_ERROR_STOP=1 -v scale="$scale" -f "$root/bench/scale/generate.sql" >&2
echo "generation: $(( $(date +%s) - start )) s" >&2
echo "DATABASE_URL=$url"
