#!/usr/bin/env bash
# Installs PostgreSQL and starts a private test cluster on 127.0.0.1:55432 for the JDBC contract
# tests, then writes the connection details to target/test-env/postgresql.properties (read by the
# tests; when that file is missing and CI=true the PostgreSQL tests fail instead of skipping).
# Idempotent, runs as root on Debian 12: a second run only makes sure the cluster is up.
set -euo pipefail
cd "$(dirname "$0")/../.."

port=55432
cluster_dir=/var/lib/syncer-test-postgresql
data_dir=$cluster_dir/data
socket_dir=$cluster_dir/run
password_file=$cluster_dir/test-password
database=syncer_test
role=syncer_test

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt-get -o DPkg::Lock::Timeout=600 update
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y postgresql
fi
bin_dir=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")

as_postgres() { runuser -u postgres -- "$@"; }

mkdir -p "$cluster_dir"
chown postgres:postgres "$cluster_dir"
chmod 700 "$cluster_dir"
if [ ! -f "$data_dir/PG_VERSION" ]; then
  # C collation: ORDER BY title behaves the same here as in the embedded stores' tests.
  as_postgres "$bin_dir/initdb" -D "$data_dir" --encoding=UTF8 --no-locale \
    --auth-local=peer --auth-host=scram-sha-256 >/dev/null
fi
as_postgres mkdir -p "$socket_dir"

if ! as_postgres "$bin_dir/pg_ctl" -D "$data_dir" status >/dev/null 2>&1; then
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port on 127.0.0.1 is taken by another process; the PostgreSQL test cluster needs it" >&2
    exit 1
  fi
  as_postgres "$bin_dir/pg_ctl" -D "$data_dir" -l "$cluster_dir/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$socket_dir" start >/dev/null
fi

if [ ! -s "$password_file" ]; then
  (umask 077; head -c 18 /dev/urandom | base64 | tr '+/' '-_' >"$password_file")
fi
password=$(cat "$password_file")

psql_admin() { as_postgres psql -h "$socket_dir" -p "$port" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
if [ -z "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$role'")" ]; then
  psql_admin -c "CREATE ROLE $role LOGIN"
fi
# Passed through a psql variable so the password is quoted by psql, not by the shell.
psql_admin -v pw="$password" <<'SQL'
ALTER ROLE syncer_test PASSWORD :'pw';
SQL
if [ -z "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$database'")" ]; then
  psql_admin -c "CREATE DATABASE $database OWNER $role"
fi

mkdir -p target/test-env
umask 077
cat >target/test-env/postgresql.properties <<PROPS
# Written by scripts/test-setup.d/20-postgresql.sh; a loopback-only test cluster.
url=jdbc:postgresql://127.0.0.1:$port/$database
user=$role
password=$password
PROPS
echo "PostgreSQL test cluster ready on 127.0.0.1:$port (database $database)"
