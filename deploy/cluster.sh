#!/usr/bin/env bash
# FieldAid on several nodes, on this machine's loopback: one PostgreSQL, two application nodes with the prod
# profile, and nginx in front of them with sticky sessions (decision 032; README "Two nodes behind nginx").
#
#   deploy/cluster.sh start    build the jar when there is none, then start PostgreSQL, node 1, node 2 and nginx
#   deploy/cluster.sh stop     stop them all (the database's files stay, so the next start finds the data)
#   deploy/cluster.sh status   what runs, and whether each part answers
#
# Open http://localhost:8196. Everything listens on 127.0.0.1 only.
set -euo pipefail

# The one command that builds the runnable production jar. Change it here when the build changes.
BUILD_COMMAND="${FIELDAID_BUILD_COMMAND:-./mvnw -B -ntp -DskipTests package}"

HERE="$(cd "$(dirname "$0")/.." && pwd)"
RUN_DIR="${CLUSTER_RUN_DIR:-/tmp/cluster-run}"        # pid files, logs, nginx's configuration, credentials
PG_DIR="${CLUSTER_PG_DIR:-/tmp/cluster-pg}"           # the database cluster's files
NODE_DIR="${CLUSTER_NODE_DIR:-/tmp/cluster-node}"     # node N keeps its data directory in ${NODE_DIR}N
PG_PORT="${CLUSTER_PG_PORT:-8199}"
NODE_PORTS=("${CLUSTER_NODE1_PORT:-8194}" "${CLUSTER_NODE2_PORT:-8195}")
NGINX_PORT="${CLUSTER_NGINX_PORT:-8196}"
# How a node starts, before its arguments; by default the jar. The cluster test starts the build's classes instead.
NODE_COMMAND="${FIELDAID_NODE_COMMAND:-}"
START_TIMEOUT="${CLUSTER_START_TIMEOUT:-240}"

log() { echo "[cluster] $*"; }
die() { echo "[cluster] $*" >&2; exit 1; }

apt_install() {
  [ "$(id -u)" -eq 0 ] || die "$1 is missing; install it (apt-get install -y $1) or run this script as root"
  log "installing Debian's $1"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "$1" >/dev/null
}

pg_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$dir" ] && [ -x "$dir/initdb" ] || return 1
  echo "$dir"
}

# PostgreSQL refuses to run as root: as root, its commands run as the postgres user of Debian's package.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

java_major() {
  "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
}

find_java() {
  local candidate major
  for candidate in ${FIELDAID_JAVA:-} ${JAVA_HOME:+$JAVA_HOME/bin/java} "$(command -v java || true)" \
      /usr/lib/jvm/*/bin/java /opt/java/*/bin/java; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    major="$(java_major "$candidate")"
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then echo "$candidate"; return 0; fi
  done
  die "FieldAid needs Java 21 or newer; install one or set FIELDAID_JAVA to its java"
}

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

answers() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1" 2>/dev/null | grep -q '^[23]'; }

wait_for() { # url pidfile what
  local deadline=$((SECONDS + START_TIMEOUT))
  until answers "$1"; do
    alive "$2" || die "$3 stopped while starting; see its log in $RUN_DIR"
    [ "$SECONDS" -lt "$deadline" ] || die "$3 did not answer $1 within ${START_TIMEOUT}s; see $RUN_DIR"
    sleep 1
  done
}

random_secret() { tr -dc 'A-Za-z0-9' </dev/urandom | head -c 24 || true; }

# The passwords of the database's two roles and of the first administrator: chosen at the first start and kept in
# a file only root (or the user who started it) can read, unless given in the environment.
credentials() {
  local file="$RUN_DIR/credentials.env"
  if [ ! -f "$file" ]; then
    umask 077
    {
      echo "CLUSTER_OWNER_PASSWORD=${CLUSTER_OWNER_PASSWORD:-$(random_secret)}"
      echo "CLUSTER_APP_PASSWORD=${CLUSTER_APP_PASSWORD:-$(random_secret)}"
      echo "FIELDAID_ADMIN_USERNAME=${FIELDAID_ADMIN_USERNAME:-admin}"
      # the password policy wants a digit
      echo "FIELDAID_ADMIN_PASSWORD=${FIELDAID_ADMIN_PASSWORD:-$(random_secret)-7}"
    } >"$file"
  fi
  # shellcheck disable=SC1090
  . "$file"
}

start_postgres() {
  local bin
  bin="$(pg_bin)" || { apt_install postgresql; bin="$(pg_bin)"; }
  if [ ! -f "$PG_DIR/PG_VERSION" ]; then
    log "creating a database cluster in $PG_DIR"
    mkdir -p "$PG_DIR"
    [ "$(id -u)" -ne 0 ] || chown postgres: "$PG_DIR"
    chmod 700 "$PG_DIR"
    # Local socket connections (in the cluster's own directory) for the setup below; TCP needs a password.
    as_pg "$bin/initdb" -D "$PG_DIR" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 \
      --locale=C.UTF-8 >"$RUN_DIR/initdb.log"
  fi
  if as_pg "$bin/pg_ctl" -D "$PG_DIR" status >/dev/null 2>&1; then
    log "PostgreSQL already runs"
  else
    as_pg "$bin/pg_ctl" -D "$PG_DIR" -l "$PG_DIR/server.log" -w -t 60 \
      -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$PG_DIR" start >/dev/null
    log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"
  fi
  # Two roles: the owner, whom Flyway uses to change the schema, and the application's role, which gets only the
  # grants of the migrations' callback: no UPDATE or DELETE on the audit log (decision 032).
  as_pg "$bin/psql" -h "$PG_DIR" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
    -v owner_pw="$CLUSTER_OWNER_PASSWORD" -v app_pw="$CLUSTER_APP_PASSWORD" <<'SQL'
SELECT 'CREATE ROLE fieldaid_owner LOGIN' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fieldaid_owner')
\gexec
SELECT 'CREATE ROLE fieldaid_app LOGIN' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fieldaid_app')
\gexec
ALTER ROLE fieldaid_owner PASSWORD :'owner_pw';
ALTER ROLE fieldaid_app PASSWORD :'app_pw';
SELECT 'CREATE DATABASE fieldaid OWNER fieldaid_owner' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'fieldaid')
\gexec
REVOKE ALL ON DATABASE fieldaid FROM PUBLIC;
GRANT CONNECT ON DATABASE fieldaid TO fieldaid_owner, fieldaid_app;
\c fieldaid
ALTER SCHEMA public OWNER TO fieldaid_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
}

node_jar() {
  ls "$HERE"/target/fieldaid-*.jar 2>/dev/null | grep -v -- '-plain\|\.original' | head -n 1
}

start_node() { # index (0 or 1)
  local n=$(($1 + 1)) port="${NODE_PORTS[$1]}" pidfile command
  pidfile="$RUN_DIR/node$n.pid"
  if alive "$pidfile"; then log "node $n already runs"; return; fi
  mkdir -p "$NODE_DIR$n"
  if [ -n "$NODE_COMMAND" ]; then
    command="$NODE_COMMAND"
  else
    command="$JAVA -jar $(node_jar)"
  fi
  # The environment variables of the prod profile (README); the route ends each session id (NodeRoute).
  # shellcheck disable=SC2086
  env FIELDAID_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/fieldaid" \
      FIELDAID_DB_USER=fieldaid_app FIELDAID_DB_PASSWORD="$CLUSTER_APP_PASSWORD" \
      SPRING_FLYWAY_USER=fieldaid_owner SPRING_FLYWAY_PASSWORD="$CLUSTER_OWNER_PASSWORD" \
      FIELDAID_DATA_DIR="$NODE_DIR$n" FIELDAID_NODE_ROUTE="node$n" \
      FIELDAID_ADMIN_USERNAME="$FIELDAID_ADMIN_USERNAME" FIELDAID_ADMIN_PASSWORD="$FIELDAID_ADMIN_PASSWORD" \
      nohup $command --spring.profiles.active=prod,postgres --server.address=127.0.0.1 --server.port="$port" \
      --fieldaid.data-dir="$NODE_DIR$n" --server.forward-headers-strategy=native \
      >"$RUN_DIR/node$n.log" 2>&1 </dev/null &
  echo $! >"$pidfile"
  log "node $n starting on 127.0.0.1:$port (log $RUN_DIR/node$n.log)"
  wait_for "http://127.0.0.1:$port/login" "$pidfile" "node $n"
  log "node $n answers"
}

nginx_conf() {
  mkdir -p "$RUN_DIR/nginx-temp"
  cat >"$RUN_DIR/nginx.conf" <<EOF
# Written by deploy/cluster.sh. Sticky sessions by the route at the end of the session id (decision 032).
worker_processes 1;
pid $RUN_DIR/nginx.pid;
error_log $RUN_DIR/nginx-error.log warn;
events { worker_connections 1024; }
http {
    access_log $RUN_DIR/nginx-access.log;
    client_body_temp_path $RUN_DIR/nginx-temp/body;
    proxy_temp_path $RUN_DIR/nginx-temp/proxy;
    fastcgi_temp_path $RUN_DIR/nginx-temp/fastcgi;
    uwsgi_temp_path $RUN_DIR/nginx-temp/uwsgi;
    scgi_temp_path $RUN_DIR/nginx-temp/scgi;

    # A session id ends with the route of the node that made it (ABC123.node1); a visitor with none is new.
    map \$cookie_JSESSIONID \$fieldaid_nodes {
        ~\.node1\$  fieldaid_node1;
        ~\.node2\$  fieldaid_node2;
        default     fieldaid_new;
    }
    map \$http_upgrade \$connection_upgrade {
        default upgrade;
        ''      '';
    }
    # New visitors take turns; a session stays on its node, and goes to the other one only when its node is
    # down, where it finds no session and is asked to sign in again.
    upstream fieldaid_new   { server 127.0.0.1:${NODE_PORTS[0]}; server 127.0.0.1:${NODE_PORTS[1]}; }
    upstream fieldaid_node1 { server 127.0.0.1:${NODE_PORTS[0]}; server 127.0.0.1:${NODE_PORTS[1]} backup; }
    upstream fieldaid_node2 { server 127.0.0.1:${NODE_PORTS[1]}; server 127.0.0.1:${NODE_PORTS[0]} backup; }

    server {
        listen 127.0.0.1:$NGINX_PORT;
        client_max_body_size 20m;
        location / {
            proxy_pass http://\$fieldaid_nodes;
            proxy_http_version 1.1;
            proxy_set_header Host \$http_host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_set_header X-Forwarded-Port \$server_port;
            proxy_set_header Upgrade \$http_upgrade;
            proxy_set_header Connection \$connection_upgrade;
            # Vaadin's requests wait on the server at times (long polling if push is ever turned on); exports stream.
            proxy_read_timeout 1h;
            proxy_buffering off;
            proxy_connect_timeout 2s;
        }
    }
}
EOF
}

start_nginx() {
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || apt_install nginx
  local nginx
  nginx="$(command -v nginx || echo /usr/sbin/nginx)"
  nginx_conf
  if alive "$RUN_DIR/nginx.pid"; then
    "$nginx" -c "$RUN_DIR/nginx.conf" -p "$RUN_DIR" -s reload
  else
    "$nginx" -c "$RUN_DIR/nginx.conf" -p "$RUN_DIR"
  fi
  wait_for "http://127.0.0.1:$NGINX_PORT/login" "$RUN_DIR/nginx.pid" "nginx"
  log "nginx on http://localhost:$NGINX_PORT"
}

start() {
  mkdir -p "$RUN_DIR"
  credentials
  if [ -z "$NODE_COMMAND" ]; then
    JAVA="$(find_java)"
    if [ -z "$(node_jar)" ]; then
      log "building the jar: $BUILD_COMMAND"
      (cd "$HERE" && $BUILD_COMMAND) >"$RUN_DIR/build.log" 2>&1 || die "the build failed; see $RUN_DIR/build.log"
    fi
    log "jar: $(node_jar)"
  fi
  start_postgres
  # One after the other: the first applies the migrations (Flyway holds a lock in the database meanwhile).
  start_node 0
  start_node 1
  start_nginx
  log "FieldAid runs on http://localhost:$NGINX_PORT; the first administrator is $FIELDAID_ADMIN_USERNAME," \
    "password in $RUN_DIR/credentials.env"
}

stop_pid() { # pidfile what
  if alive "$1"; then
    local pid
    pid="$(cat "$1")"
    kill "$pid"
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    log "$2 stopped"
  fi
  rm -f "$1"
}

stop() {
  if alive "$RUN_DIR/nginx.pid"; then
    "$(command -v nginx || echo /usr/sbin/nginx)" -c "$RUN_DIR/nginx.conf" -p "$RUN_DIR" -s quit || true
    for _ in $(seq 1 10); do alive "$RUN_DIR/nginx.pid" || break; sleep 1; done
    log "nginx stopped"
  fi
  stop_pid "$RUN_DIR/node1.pid" "node 1"
  stop_pid "$RUN_DIR/node2.pid" "node 2"
  local bin
  if bin="$(pg_bin)" && [ -f "$PG_DIR/PG_VERSION" ] && as_pg "$bin/pg_ctl" -D "$PG_DIR" status >/dev/null 2>&1; then
    as_pg "$bin/pg_ctl" -D "$PG_DIR" -m fast -w stop >/dev/null
    log "PostgreSQL stopped (its files stay in $PG_DIR)"
  fi
}

status() {
  local bin up=0
  if bin="$(pg_bin)" && [ -f "$PG_DIR/PG_VERSION" ] && as_pg "$bin/pg_ctl" -D "$PG_DIR" status >/dev/null 2>&1; then
    echo "postgresql  running   127.0.0.1:$PG_PORT"
  else
    echo "postgresql  stopped"; up=1
  fi
  for i in 0 1; do
    local n=$((i + 1)) port="${NODE_PORTS[$i]}"
    if alive "$RUN_DIR/node$n.pid" && answers "http://127.0.0.1:$port/login"; then
      echo "node $n      running   127.0.0.1:$port (pid $(cat "$RUN_DIR/node$n.pid"))"
    else
      echo "node $n      stopped"; up=1
    fi
  done
  if alive "$RUN_DIR/nginx.pid" && answers "http://127.0.0.1:$NGINX_PORT/login"; then
    echo "nginx       running   http://localhost:$NGINX_PORT"
  else
    echo "nginx       stopped"; up=1
  fi
  return $up
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
