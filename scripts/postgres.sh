#!/usr/bin/env bash
# Runs a throwaway PostgreSQL 15 server for Dovetail's PostgreSQL mode and its tests.
#
#   scripts/postgres.sh start    install (if needed), initialise and start the server, then print the connection string
#   scripts/postgres.sh stop     stop the server
#   scripts/postgres.sh status   print whether the server accepts connections
#   scripts/postgres.sh env      print an export line for DOVETAIL_TEST_POSTGRES, for use with eval
#
# Settings: DOVETAIL_PG_DIR (data folder, default /tmp/dovetail-postgres) and DOVETAIL_PG_PORT (default 54329).
# Runs as root. The server itself runs as the postgres OS user, because initdb and postgres reject root.
set -euo pipefail

PG_BIN=/usr/lib/postgresql/15/bin
DATA_DIR="${DOVETAIL_PG_DIR:-/tmp/dovetail-postgres}"
PORT="${DOVETAIL_PG_PORT:-54329}"
SOCKET_DIR="$DATA_DIR/socket"
LOG_FILE="$DATA_DIR/server.log"
ROLE=dovetail
PASSWORD=dovetail
DATABASE=dovetail
READY_TIMEOUT_SECONDS=30

connection_string() {
    echo "Host=127.0.0.1;Port=$PORT;Username=$ROLE;Password=$PASSWORD;Database=$DATABASE"
}

as_postgres() {
    runuser -u postgres -- "$@"
}

install_if_missing() {
    if [[ -x "$PG_BIN/initdb" ]]; then
        return
    fi

    echo "Installing PostgreSQL 15 from Debian's packages." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    # policy-rc.d keeps the package's own cluster service from starting: this script runs its own server.
    local policy=/usr/sbin/policy-rc.d
    local created_policy=false
    if [[ ! -e "$policy" ]]; then
        printf '#!/bin/sh\nexit 101\n' > "$policy"
        chmod +x "$policy"
        created_policy=true
    fi
    local install_status=0
    apt-get install -y postgresql || install_status=$?
    if [[ "$created_policy" == true ]]; then
        rm -f "$policy"
    fi
    if (( install_status != 0 )); then
        echo "error: apt-get install -y postgresql failed with exit code $install_status." >&2
        exit "$install_status"
    fi

    if [[ ! -x "$PG_BIN/initdb" ]]; then
        echo "error: $PG_BIN/initdb is missing after installing the postgresql package; PostgreSQL 15 is required." >&2
        exit 1
    fi
}

initialise_if_missing() {
    if [[ -f "$DATA_DIR/PG_VERSION" ]]; then
        return
    fi

    mkdir -p "$DATA_DIR"
    chown postgres:postgres "$DATA_DIR"
    chmod 700 "$DATA_DIR"
    as_postgres "$PG_BIN/initdb" --pgdata="$DATA_DIR" --username=postgres --auth-local=trust \
        --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    as_postgres mkdir -p "$SOCKET_DIR"
}

is_running() {
    [[ -f "$DATA_DIR/PG_VERSION" ]] && as_postgres "$PG_BIN/pg_ctl" status --pgdata="$DATA_DIR" >/dev/null 2>&1
}

is_ready() {
    "$PG_BIN/pg_isready" --host=127.0.0.1 --port="$PORT" --timeout=2 >/dev/null 2>&1
}

wait_until_ready() {
    local waited=0
    until is_ready; do
        if (( waited >= READY_TIMEOUT_SECONDS )); then
            echo "error: PostgreSQL did not accept connections on 127.0.0.1:$PORT within ${READY_TIMEOUT_SECONDS}s; see $LOG_FILE." >&2
            exit 1
        fi
        sleep 1
        waited=$((waited + 1))
    done
}

run_sql() {
    as_postgres "$PG_BIN/psql" --host="$SOCKET_DIR" --port="$PORT" --username=postgres --dbname=postgres \
        --no-psqlrc --quiet --tuples-only --no-align --set=ON_ERROR_STOP=1 "$@"
}

create_role_and_database() {
    if [[ "$(run_sql --command="SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != "1" ]]; then
        run_sql --command="CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD' CREATEDB"
    fi
    # Tests drop their databases WITH (FORCE), which must end every session in them. Without this membership the
    # role may end only its own sessions, and a drop that meets a server process such as an autovacuum worker fails.
    if [[ "$(run_sql --command="SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member WHERE r.rolname = '$ROLE' AND m.roleid = 'pg_signal_backend'::regrole")" != "1" ]]; then
        run_sql --command="GRANT pg_signal_backend TO $ROLE"
    fi
    if [[ "$(run_sql --command="SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")" != "1" ]]; then
        run_sql --command="CREATE DATABASE $DATABASE OWNER $ROLE"
    fi
}

start() {
    install_if_missing
    initialise_if_missing

    if ! is_running; then
        as_postgres mkdir -p "$SOCKET_DIR"
        as_postgres "$PG_BIN/pg_ctl" start --pgdata="$DATA_DIR" --log="$LOG_FILE" --silent \
            --options="-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$SOCKET_DIR"
    fi

    wait_until_ready
    create_role_and_database
    connection_string
}

stop() {
    if is_running; then
        as_postgres "$PG_BIN/pg_ctl" stop --pgdata="$DATA_DIR" --mode=fast --silent
        echo "PostgreSQL stopped." >&2
    else
        echo "PostgreSQL is not running." >&2
    fi
}

status() {
    if is_running && is_ready; then
        echo "PostgreSQL is running on 127.0.0.1:$PORT (data folder $DATA_DIR)."
    else
        echo "PostgreSQL is not running on 127.0.0.1:$PORT."
        return 3
    fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    env) echo "export DOVETAIL_TEST_POSTGRES=\"$(connection_string)\"" ;;
    *)
        echo "usage: $0 start|stop|status|env" >&2
        exit 2
        ;;
esac
