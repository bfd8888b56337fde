# A throw-away PostgreSQL server for the database tests and the benchmark (sourced): initdb into
# a temporary directory, pg_ctl start on a Unix socket there (no TCP), stopped by pg_stop.
# initdb refuses to run as root, so as root the server runs as nobody.
# pg_start PORT: 0 and PG_URL set (database postgres, user keyfig); 1 and PG_WHY set when the
# postgresql package is missing (PG_MISSING=1) or the server does not start.
pg_start() {
  PG_MISSING=0
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -1)
  if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
    PG_MISSING=1
    PG_WHY="the postgresql package is not installed (src/deps.sh installs it)"
    return 1
  fi
  PG=$(mktemp -d /tmp/keyfig-pg.XXXXXX)
  PG_AS=""
  if [ "$(id -u)" = 0 ]; then
    chown nobody "$PG"
    PG_AS="runuser -u nobody --"
  fi
  chmod 755 "$PG"
  PG_PORT=$1
  if ! $PG_AS "$PGBIN/initdb" -D "$PG/data" --no-locale -E UTF8 -A trust -U keyfig > "$PG/initdb.log" 2>&1 ||
     ! $PG_AS "$PGBIN/pg_ctl" -D "$PG/data" -w -l "$PG/server.log" \
         -o "-k $PG -c listen_addresses= -p $PG_PORT -c fsync=off" start > /dev/null 2>&1; then
    PG_WHY=$(cat "$PG/initdb.log" "$PG/server.log" 2> /dev/null | grep . | tail -1)
    pg_stop
    return 1
  fi
  PG_URL="postgresql://keyfig@/postgres?host=$PG&port=$PG_PORT"
}

# pg_sql SQL: run one statement as the server's superuser.
pg_sql() {
  $PG_AS "$PGBIN/psql" -q -h "$PG" -p "$PG_PORT" -U keyfig -d postgres -c "$1" > /dev/null
}

pg_stop() {
  [ -n "${PG:-}" ] || return 0
  $PG_AS "$PGBIN/pg_ctl" -D "$PG/data" -m immediate stop > /dev/null 2>&1
  rm -rf "$PG"
  PG=""
}
