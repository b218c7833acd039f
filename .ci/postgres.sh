# A throwaway PostgreSQL cluster on 127.0.0.1 for the tests; source this file, then `pg_start`.
# Installs Debian's postgresql when it is missing. Run as root (CI is).

PG_PORT="${PG_PORT:-55432}"

pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

pg_start() {
  if [ -z "$(pg_bin)" ]; then
    echo "Installing PostgreSQL from Debian's packages ..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 postgresql >/dev/null
  fi
  PG_BIN="$(pg_bin)"
  PG_DIR="$(mktemp -d /tmp/mitdenken-pg.XXXXXX)"
  chown postgres:postgres "$PG_DIR"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DIR/data" --auth=trust -U postgres >/dev/null
  trap pg_stop EXIT
  # The port may be taken for a moment (it lies in the ephemeral range the tests' own
  # connections use): try the next ones before giving up.
  local port started=""
  for port in $(seq "$PG_PORT" $((PG_PORT + 9))); do
    # fsync off: a test cluster that dies is thrown away anyway.
    if runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -w -l "$PG_DIR/log" \
      -o "-h 127.0.0.1 -p $port -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" \
      start >/dev/null; then
      started=1
      PG_PORT="$port"
      break
    fi
  done
  if [ -z "$started" ]; then
    tail -n 20 "$PG_DIR/log" >&2
    return 1
  fi
  export MITDENKEN_TEST_POSTGRES="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
  echo "PostgreSQL running at $MITDENKEN_TEST_POSTGRES"
}

pg_stop() {
  if [ -n "${PG_DIR:-}" ]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}
