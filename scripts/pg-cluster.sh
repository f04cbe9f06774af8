#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for tests and local runs.
#
#   scripts/pg-cluster.sh start <dir>   create + start a cluster in <dir>, create database "reperes",
#                                        print DATABASE_URL=postgres://postgres@127.0.0.1:<port>/reperes
#   scripts/pg-cluster.sh url <dir>     print the DATABASE_URL line of a running cluster
#   scripts/pg-cluster.sh stop <dir>    stop the cluster and remove <dir>
#
# Only the DATABASE_URL line goes to stdout, so callers can `eval "$(scripts/pg-cluster.sh start d)"`.
# Durability is switched off (fsync=off): the data is disposable by design.
# initdb refuses to run as root, so as root everything runs as the "postgres" user.
set -euo pipefail

usage() { echo "usage: $0 start|stop|url <dir>" >&2; exit 2; }
[ $# -eq 2 ] || usage
cmd=$1
dir=$2
marker=.pg-cluster

find_bindir() {
  if [ -n "${PG_BINDIR:-}" ]; then echo "$PG_BINDIR"; return; fi
  for v in 15 16 17 18; do
    if [ -x "/usr/lib/postgresql/$v/bin/initdb" ]; then echo "/usr/lib/postgresql/$v/bin"; return; fi
  done
  if command -v pg_config >/dev/null 2>&1; then pg_config --bindir; return; fi
  echo "pg-cluster: no PostgreSQL binaries found (set PG_BINDIR)" >&2
  exit 1
}

# Run a command as the cluster owner: "postgres" when we are root, ourselves otherwise.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

print_url() {
  local port
  port=$(cat "$dir/port")
  echo "DATABASE_URL=postgres://postgres@127.0.0.1:${port}/reperes"
}

start() {
  local bindir
  bindir=$(find_bindir)
  # `stop` removes the whole directory, so only a new or empty one is accepted.
  if [ -d "$dir" ] && [ -n "$(ls -A "$dir")" ]; then
    echo "pg-cluster: $dir is not empty; give a new or empty directory" >&2
    exit 1
  fi
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  touch "$dir/$marker"
  if [ "$(id -u)" -eq 0 ]; then
    chown -R postgres: "$dir"
    if ! runuser -u postgres -- test -w "$dir"; then
      echo "pg-cluster: user postgres cannot reach $dir (a parent directory is private); use a directory such as \$(mktemp -d)" >&2
      rm -rf "$dir"
      exit 1
    fi
  fi
  as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust --no-locale -E UTF8 --no-sync \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }

  local attempt port started=0
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
    port_in_use "$port" && continue
    if as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 start \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      >/dev/null 2>&1; then
      started=1
      break
    fi
  done
  if [ "$started" -ne 1 ]; then
    echo "pg-cluster: could not start PostgreSQL" >&2
    tail -n 20 "$dir/postgres.log" >&2 || true
    exit 1
  fi
  echo "$port" >"$dir/port"
  as_owner "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres reperes
  print_url
}

stop() {
  local bindir
  bindir=$(find_bindir)
  if [ ! -d "$dir" ]; then
    return 0
  fi
  if [ ! -e "$dir/$marker" ]; then
    echo "pg-cluster: $dir was not created by this script; not removing it" >&2
    exit 1
  fi
  if [ -e "$dir/data/postmaster.pid" ]; then
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  url) [ -e "$dir/port" ] || { echo "pg-cluster: no cluster in $dir" >&2; exit 1; }; print_url ;;
  *) usage ;;
esac
