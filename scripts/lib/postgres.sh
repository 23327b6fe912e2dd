# Sourced by scripts/test and scripts/bench. start_throwaway_postgres installs Debian's
# postgresql if needed, starts a cluster on 127.0.0.1 in a temporary directory and sets
# PG_ADMIN_URL; stop_throwaway_postgres stops it and removes the directory.
PGTMP=""

apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

start_throwaway_postgres() {
  apt_install postgresql postgresql-contrib
  local pgbin=/usr/lib/postgresql/15/bin
  PGTMP=$(mktemp -d)
  chown postgres:postgres "$PGTMP"
  local port=$((54000 + RANDOM % 900))
  runuser -u postgres -- "$pgbin/initdb" -D "$PGTMP" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$PGTMP" -l "$PGTMP/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $PGTMP -c max_connections=300 ${PG_EXTRA_SETTINGS:-}" start >/dev/null
  PG_ADMIN_URL="postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
}

stop_throwaway_postgres() {
  if [ -n "$PGTMP" ]; then
    runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$PGTMP" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PGTMP"
    PGTMP=""
  fi
}

# The URL of database $2 on the server of URL $1.
postgres_database_url() {
  python3 -c 'import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print(u.urlunsplit(p._replace(path="/" + sys.argv[2])))' "$1" "$2"
}
