# Production's topology on one machine, sourced by ./newsroom for `up --cluster`, `down` and `status`:
# the Kafka nodes that deploy/base/kafka declares (three, controller and broker in each, with its topics,
# replication factor and min.insync.replicas), two replicas of article-, media- and feed-service, and haproxy in
# front of each pair on the service's usual port, as a Kubernetes Service gives one address to its pods.
# Everything lives under $DATA/cluster (its own database, brokers' logs, media, logs and pid files).
#
# Ports (plus NEWSROOM_PORT_OFFSET): balancers 8081/8082/8083, replica n of a service on n*10000 + its port
# (article 18081 and 28081, media 18082 and 28082, feed 18083 and 28083), the desk 8084, Kafka node n on
# 9092 + 2(n-1) with its controller on the next port (9092..9097), haproxy's admin socket 9098, PostgreSQL 5432.

CLUSTER_REPLICAS=2
CLUSTER_SERVICES=(article media feed)
KAFKA_MANIFESTS="$ROOT/deploy/base/kafka/kafka.yaml,$ROOT/deploy/base/kafka/topics.yaml"

cluster_paths() { # switches DATA, RUN and LOGS to the cluster's own folder (also when DATA already is it)
  DATA="${1%/cluster}/cluster"; RUN="$DATA/run"; LOGS="$DATA/logs"; KAFKA_DATA="$DATA/kafka"
}

replica_port() { echo $(( ${PORT[$1]} + 10000 * $2 )); } # svc n
kafka_nodes() { ls -d "$KAFKA_DATA"/node-* 2>/dev/null | sed 's/.*node-//' | sort -n; }
cluster_bootstrap() { cat "$KAFKA_DATA/bootstrap.servers" 2>/dev/null; }

# Alive, like alive() in ./newsroom: the pid's command line must be the part's own.
replica_alive() { # svc n
  local pid; pid="$(cat "$RUN/$1-$2.pid" 2>/dev/null)" || return 1
  kill -0 "$pid" 2>/dev/null && [[ "$(ps -o args= -p "$pid" 2>/dev/null)" == *"-Dnewsroom.local.part=$1-$2 "* ]]
}
kafka_node_alive() { # n
  local pid; pid="$(cat "$KAFKA_DATA/node-$1/kafka.pid" 2>/dev/null)" || return 1
  kill -0 "$pid" 2>/dev/null && [[ "$(ps -o args= -p "$pid" 2>/dev/null)" == *kafka.Kafka*"$KAFKA_DATA/node-$1/"* ]]
}
balancer_alive() {
  local pid; pid="$(cat "$DATA/balancer/haproxy.pid" 2>/dev/null)" || return 1
  kill -0 "$pid" 2>/dev/null && [[ "$(ps -o args= -p "$pid" 2>/dev/null)" == *haproxy*"$DATA/balancer/haproxy.cfg"* ]]
}
cluster_running() {
  local n svc
  balancer_alive && return 0
  for n in $(kafka_nodes); do kafka_node_alive "$n" && return 0; done
  for svc in "${CLUSTER_SERVICES[@]}"; do for n in $(seq 1 $CLUSTER_REPLICAS); do replica_alive "$svc" "$n" && return 0; done; done
  alive desk
}

kafka_command() { # command [args]: the cluster commands of LocalPlatformCommand
  local command="$1"; shift
  java -cp "$PLATFORM_CP" dev.newsroom.local.LocalPlatformCommand "$command" "$KAFKA_DATA" "$KAFKA_LIB" \
    "$KAFKA_MANIFESTS" "$KAFKA_PORT" "$@"
}

start_kafka_cluster() {
  local start; start=$(now_ms)
  if ! setsid java -cp "$PLATFORM_CP" dev.newsroom.local.LocalPlatformCommand kafka-cluster-start "$KAFKA_DATA" \
      "$KAFKA_LIB" "$KAFKA_MANIFESTS" "$KAFKA_PORT" 2>"$LOGS/kafka-start.log" </dev/null; then
    fail "the Kafka cluster failed to start: $(head -n 1 "$LOGS/kafka-start.log")"
    return 1
  fi
  say "${GREEN}✓${OFF} kafka ×$(kafka_nodes | wc -l)          ready in $(elapsed "$start")   $(cluster_bootstrap) (topics as deploy/base/kafka declares them)"
}

# The environment replica n of a service runs with (into SERVICE_ENV): the single platform's, on the replica's own
# port, with the cluster's brokers and the replica's name as its Kafka group member id. Nothing else: every Kafka
# client setting comes from the service's application.properties, as in production (deploy's ClusterClientSettingsTest).
replica_env() { # svc n
  service_env "$1"
  local single=("${SERVICE_ENV[@]}") entry
  SERVICE_ENV=(QUARKUS_PROFILE=local)
  for entry in "${single[@]}"; do
    case "$entry" in QUARKUS_HTTP_PORT=*|KAFKA_BOOTSTRAP_SERVERS=*) ;; *) SERVICE_ENV+=("$entry") ;; esac
  done
  SERVICE_ENV+=("QUARKUS_HTTP_PORT=$(replica_port "$1" "$2")"
    "KAFKA_BOOTSTRAP_SERVERS=$(cluster_bootstrap || echo "127.0.0.1:$KAFKA_PORT,127.0.0.1:$((KAFKA_PORT + 2)),127.0.0.1:$((KAFKA_PORT + 4))")"
    "NEWSROOM_INSTANCE_ID=$1-$2")
}

# Starts replica n of a service and waits until it is ready (and, for consumers, holds partitions).
start_replica() { # svc n
  local svc="$1" n="$2" port start; port="$(replica_port "$1" "$2")"; start=$(now_ms)
  # in a namespace, the port on the host is the bridge to it (bench/partition), not a clash
  [ -n "${NEWSROOM_NETNS:-}" ] || require_port_free "$port" "$svc-service $n" || return 1
  replica_env "$svc" "$n"
  # NEWSROOM_NETNS: run the replica in that network namespace (the partition drill, bench/partition)
  local netns=(); [ -z "${NEWSROOM_NETNS:-}" ] || netns=(ip netns exec "$NEWSROOM_NETNS")
  # the single-node platform's JVM options, and its start-up archive when one fits (the replicas share it)
  service_jvm "$svc"
  env "MALLOC_ARENA_MAX=$MALLOC_ARENAS" "${SERVICE_ENV[@]}" setsid "${netns[@]}" java "-Dnewsroom.local.part=$svc-$n" "${JVM[@]}" \
    -jar "$ROOT/$svc-service/target/quarkus-app/quarkus-run.jar" >>"$LOGS/$svc-$n.log" 2>&1 </dev/null &
  echo $! >"$RUN/$svc-$n.pid"
  local deadline=$(( $(date +%s) + 120 ))
  until curl -fsS -o /dev/null "http://127.0.0.1:$port/q/health/ready" 2>/dev/null \
      && { [ "$svc" = media ] || curl -fsS "http://127.0.0.1:$port/q/metrics" 2>/dev/null | awk '
        /^kafka_consumer_coordinator_assigned_partitions\{/ { n++; if ($NF + 0 < 1) idle++ }
        END { exit !(n > 0 && idle == 0) }'; }; do
    if ! replica_alive "$svc" "$n"; then
      fail "$svc-service $n exited while starting: see $LOGS/$svc-$n.log"; show_log_tail "$svc" "$LOGS/$svc-$n.log"; return 1
    fi
    if [ "$(date +%s)" -gt "$deadline" ]; then
      fail "$svc-service $n not ready (or without partitions) after 120 s: see $LOGS/$svc-$n.log"
      show_log_tail "$svc" "$LOGS/$svc-$n.log"; return 1
    fi
    sleep 0.2
  done
  say "${GREEN}✓${OFF} $(printf '%-17s' "$svc-service $n") ready in $(elapsed "$start")   http://localhost:$port"
}

stop_replica() { # svc n [signal]
  local pid waited=0; replica_alive "$1" "$2" || return 0
  pid="$(cat "$RUN/$1-$2.pid")"
  kill "-${3:-TERM}" "$pid" 2>/dev/null || return 0
  while replica_alive "$1" "$2"; do
    [ "$waited" -lt 200 ] || { kill -KILL "$pid" 2>/dev/null; say "  $1-service $2 did not stop in 20 s: killed"; break; }
    sleep 0.1; waited=$((waited + 1))
  done
}

# haproxy, one process with a listener per service, each passing to the service's two replicas, round robin. A replica
# is taken out and put back at run time over haproxy's admin socket (no reload, no restart: the clients' kept-alive
# connections are with haproxy and outlive any change behind it, as with a Kubernetes Service). A GET or HEAD that
# finds a replica refusing, closing without an answer or answering 502/503/504 is sent to the other one; any other
# method is only sent again when its connection failed before the request went out, so a POST never reaches two
# replicas. No replica is marked down by checks: with two, one slow answer from the survivor of a restart would leave
# none (seen with nginx: 2 s of 502s to every POST), and a stopped replica refuses at once anyway. Requests answered
# with an error, retried or sent elsewhere are logged to errors.log.
balancer_admin_port() { echo $((9098 + OFFSET)); }

write_balancer_config() {
  local dir="$DATA/balancer"
  mkdir -p "$dir"
  {
    echo "global"
    echo "  nbthread 1"
    echo "  maxconn 8192"
    echo "  log stdout format raw local0"
    echo "  stats socket ipv4@127.0.0.1:$(balancer_admin_port) level admin"
    echo "defaults"
    echo "  mode http"
    echo "  log global"
    echo "  option dontlog-normal"
    echo "  log-format \"%tr %HM %HU %ST %b/%s retries=%rc termination=%tsc times=%TR/%Tw/%Tc/%Tr/%Ta\""
    echo "  maxconn 8192"
    echo "  timeout connect 5s"
    # readers' idle connections stay open, as a Service's do: closing one races with the next request on it. haproxy
    # (2.6) closes an idle client connection after `timeout client` whatever `http-keep-alive` says (measured: 60 s),
    # so both are long and `http-request` bounds a client that starts a request and stalls
    echo "  timeout client 1h"
    echo "  timeout http-request 10s"
    echo "  timeout http-keep-alive 1h"
    echo "  timeout server 60s"
    echo "  option forwardfor"
    echo "  retries 2"
    echo "  option redispatch 1"
    echo "  retry-on conn-failure empty-response junk-response 502 503 504"
    # idle connections to the replicas are closed well before the services' own 30 s idle timeout closes them
    echo "  default-server pool-purge-delay 5s"
    local svc n
    for svc in "${CLUSTER_SERVICES[@]}"; do
      echo "frontend $svc"
      echo "  bind 127.0.0.1:${PORT[$svc]}"
      echo "  default_backend $svc"
      echo "backend $svc"
      echo "  balance roundrobin"
      echo "  http-request disable-l7-retry unless METH_GET"
      for n in $(seq 1 $CLUSTER_REPLICAS); do
        echo "  server $svc-$n 127.0.0.1:$(replica_port "$svc" "$n")"
      done
    done
  } >"$dir/haproxy.cfg"
}

balancer_command() { # an admin socket command; prints haproxy's answer
  (exec 3<>"/dev/tcp/127.0.0.1/$(balancer_admin_port)" && printf '%s\n' "$1" >&3 && cat <&3) 2>/dev/null
}

start_balancer() {
  local haproxy; haproxy="$(command -v haproxy || echo /usr/sbin/haproxy)"
  [ -x "$haproxy" ] || { fail "haproxy not found: the cluster's load balancer (Debian: apt-get install haproxy)"; return 1; }
  require_port_free "$(balancer_admin_port)" "haproxy's admin socket" || return 1
  write_balancer_config
  local dir="$DATA/balancer"
  if ! "$haproxy" -c -q -f "$dir/haproxy.cfg" >"$LOGS/balancer-start.log" 2>&1; then
    fail "haproxy refused its configuration: $(grep -m 1 ALERT "$LOGS/balancer-start.log")"; return 1
  fi
  # in the foreground of its own session, so that its log (stdout) goes to errors.log and its pid is known
  setsid "$haproxy" -db -f "$dir/haproxy.cfg" >>"$dir/errors.log" 2>>"$LOGS/balancer.log" </dev/null &
  echo $! >"$dir/haproxy.pid"
  local waited=0
  until balancer_command "show info" 2>/dev/null | grep -q '^Pid:'; do
    balancer_alive && [ "$waited" -lt 100 ] || { fail "haproxy failed to start: see $dir/errors.log"; return 1; }
    sleep 0.1; waited=$((waited + 1))
  done
  say "${GREEN}✓${OFF} balancer (haproxy) article :${PORT[article]}  media :${PORT[media]}  feed :${PORT[feed]}, two replicas behind each"
}

# A replica stopped on purpose leaves the balancer first, as a Kubernetes pod leaves its Service's endpoints before
# it gets SIGTERM: haproxy sends it nothing new (drain), the requests it is answering finish, then it is put in
# maintenance and only then does it stop, so no request is cut off by the shutdown. It comes back once it is ready.
drain_replica() { # svc n
  balancer_alive || return 0
  balancer_command "set server $1/$1-$2 state drain" >/dev/null
  local waited=0
  while [ "$(replica_sessions "$1" "$2")" != 0 ] && [ "$waited" -lt 300 ]; do sleep 0.1; waited=$((waited + 1)); done
  balancer_command "set server $1/$1-$2 state maint" >/dev/null
}

undrain_replica() { # svc n
  balancer_alive || return 0
  balancer_command "set server $1/$1-$2 state ready" >/dev/null
}

replica_sessions() { # svc n: the requests haproxy has under way with that replica (scur of `show stat`)
  balancer_command "show stat" | awk -F, -v px="$1" -v sv="$1-$2" '$1 == px && $2 == sv { print $5 }'
}

stop_balancer() {
  balancer_alive || return 0
  local pid; pid="$(cat "$DATA/balancer/haproxy.pid")"
  kill -TERM "$pid" 2>/dev/null
  local waited=0
  while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 100 ]; do sleep 0.1; waited=$((waited + 1)); done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  rm -f "$DATA/balancer/haproxy.pid"
  return 0
}

cluster_up() { # detach
  local detach="$1" start svc n; start=$(now_ms)
  cluster_paths "$DATA"
  mkdir -p "$RUN" "$LOGS" "$DATA/media" "$KAFKA_DATA"
  if cluster_running; then fail "the cluster is already running (./newsroom status); stop it with ./newsroom down"; exit 1; fi
  build_if_missing
  local n_ports=() p
  for svc in "${CLUSTER_SERVICES[@]}"; do
    n_ports+=("${PORT[$svc]}")
    for n in $(seq 1 $CLUSTER_REPLICAS); do n_ports+=("$(replica_port "$svc" "$n")"); done
  done
  for p in "${n_ports[@]}" "${PORT[desk]}" "$(balancer_admin_port)" $(seq "$KAFKA_PORT" $((KAFKA_PORT + 5))); do require_port_free "$p" cluster || exit 1; done
  if [ -z "${NEWSROOM_DB_URL:-}" ]; then require_port_free "$DB_PORT" postgres || exit 1; fi
  trap 'say ""; say "stopping..."; cluster_down; exit 130' INT TERM
  local ok=1
  start_postgres && start_kafka_cluster || ok=0
  for svc in "${CLUSTER_SERVICES[@]}"; do
    for n in $(seq 1 $CLUSTER_REPLICAS); do [ "$ok" = 1 ] && { start_replica "$svc" "$n" || ok=0; }; done
  done
  [ "$ok" = 1 ] && { start_balancer || ok=0; }
  [ "$ok" = 1 ] && { start_service desk || ok=0; }
  if [ "$ok" = 0 ]; then say "stopping what was started..."; cluster_down >/dev/null; exit 1; fi
  say ""
  say "${BOLD}The newsroom cluster is up${OFF} in $(elapsed "$start"): production's topology, one address per service."
  say "  ${BOLD}desk           http://localhost:${PORT[desk]}${OFF}   sign in as editor/editor (or writer/writer)"
  say "  editors' API   http://localhost:${PORT[article]}/api/articles   (replicas :$(replica_port article 1) :$(replica_port article 2))"
  say "  media          http://localhost:${PORT[media]}/api/media        (replicas :$(replica_port media 1) :$(replica_port media 2))"
  say "  feeds          http://localhost:${PORT[feed]}/feeds/rss.xml     (replicas :$(replica_port feed 1) :$(replica_port feed 2))"
  say "  kafka          $(cluster_bootstrap)"
  say "  data           $DATA"
  if [ "$detach" = 1 ]; then
    trap - INT TERM
    say "Running in the background: ./newsroom status, ./newsroom down"
    return 0
  fi
  say "Press Ctrl-C to stop everything."
  while true; do sleep 1; done
}

cluster_down() {
  cluster_paths "${1:-$DATA}"
  local any=0 svc n pid waited
  if alive desk; then stop_part desk desk-service 20; say "■ desk-service stopped"; any=1; fi
  rm -f "$RUN/desk.pid"
  if balancer_alive; then stop_balancer; say "■ balancer stopped"; any=1; fi
  for svc in feed media article; do
    for n in $(seq 1 $CLUSTER_REPLICAS); do
      if replica_alive "$svc" "$n"; then stop_replica "$svc" "$n"; say "■ $svc-service $n stopped"; any=1; fi
      rm -f "$RUN/$svc-$n.pid"
    done
  done
  # All nodes at once: a node stopped alone waits for the quorum of the others to move its partitions.
  local nodes=()
  for n in $(kafka_nodes); do kafka_node_alive "$n" && { kill -TERM "$(cat "$KAFKA_DATA/node-$n/kafka.pid")"; nodes+=("$n"); }; done
  for n in "${nodes[@]}"; do
    pid="$(cat "$KAFKA_DATA/node-$n/kafka.pid")"; waited=0
    while kafka_node_alive "$n"; do
      [ "$waited" -lt 200 ] || { kill -KILL "$pid"; say "  kafka $n did not stop in 20 s (the last node of a quorum waits for the others): killed"; break; }
      sleep 0.1; waited=$((waited + 1))
    done
    say "■ kafka $n stopped"; any=1
  done
  if [ -f "$DATA/postgres/cluster/postmaster.pid" ] && [ -d "$PLATFORM_CLASSES" ]; then
    java -cp "$PLATFORM_CP" dev.newsroom.local.LocalPlatformCommand postgres-stop "$DATA/postgres" "$PG_DIST" \
      2>>"$LOGS/postgres-start.log" && say "■ postgres stopped" && any=1
  fi
  rm -f "$RUN/postgres.started"
  [ "$any" = 1 ]
}

# ./newsroom start|stop <part> while the cluster runs: kafka-1..3 (stop: SIGTERM, a controlled shutdown), or a
# replica (article-1, feed-2, ...); start returns once the part serves. What the drills restart parts with.
cluster_part() { # start|stop part
  cluster_paths "$DATA"
  local action="$1" part="${2:-}" n="${2##*-}" svc="${2%-*}"
  case "$action:$svc" in
    start:kafka)
      kafka_node_alive "$n" && { fail "kafka $n is already running"; exit 1; }
      local start; start=$(now_ms)
      setsid java -cp "$PLATFORM_CP" dev.newsroom.local.LocalPlatformCommand kafka-node-start "$KAFKA_DATA" "$KAFKA_LIB" \
        "$KAFKA_MANIFESTS" "$KAFKA_PORT" "$n" 2>>"$LOGS/kafka-start.log" </dev/null \
        || { fail "kafka $n failed to start: see $KAFKA_DATA/node-$n/kafka.log"; exit 1; }
      say "${GREEN}✓${OFF} kafka $n           ready in $(elapsed "$start")" ;;
    stop:kafka)
      kafka_node_alive "$n" || return 0
      local pid waited=0; pid="$(cat "$KAFKA_DATA/node-$n/kafka.pid")"; kill -TERM "$pid"
      while kafka_node_alive "$n"; do
        [ "$waited" -lt 600 ] || { kill -KILL "$pid"; say "  kafka $n did not stop in 60 s: killed"; break; }
        sleep 0.1; waited=$((waited + 1))
      done
      say "■ kafka $n stopped" ;;
    start:article|start:media|start:feed)
      replica_alive "$svc" "$n" && { fail "$part is already running"; exit 1; }
      start_replica "$svc" "$n" || exit 1
      undrain_replica "$svc" "$n" ;;
    stop:article|stop:media|stop:feed)
      drain_replica "$svc" "$n"
      stop_replica "$svc" "$n"; rm -f "$RUN/$part.pid"; say "■ $svc-service $n stopped" ;;
    *) fail "no cluster part '$part': use kafka-1..$(kafka_nodes | wc -l), article-1, article-2, media-1, ..., feed-2"; exit 2 ;;
  esac
}

cluster_status() {
  cluster_paths "$DATA"
  cluster_running || return 1
  local svc n row
  row() { printf '%-17s %-9s %s\n' "$@"; }
  say "cluster (production's topology, data: $DATA)"
  row PART STATE WHERE
  if [ -f "$DATA/postgres/cluster/postmaster.pid" ]; then row postgres running "127.0.0.1:$DB_PORT/newsroom"; fi
  for n in $(kafka_nodes); do
    if kafka_node_alive "$n"; then row "kafka $n" running "127.0.0.1:$((KAFKA_PORT + 2 * (n - 1)))  pid $(cat "$KAFKA_DATA/node-$n/kafka.pid")"
    else row "kafka $n" stopped ""; fi
  done
  for svc in "${CLUSTER_SERVICES[@]}"; do
    if balancer_alive; then row "$svc (haproxy)" running "http://localhost:${PORT[$svc]}"; else row "$svc (haproxy)" stopped ""; fi
    for n in $(seq 1 $CLUSTER_REPLICAS); do
      local port health=starting; port="$(replica_port "$svc" "$n")"
      if replica_alive "$svc" "$n"; then
        curl -fsS -o /dev/null "http://127.0.0.1:$port/q/health/ready" 2>/dev/null && health=ready
        row "  $svc-service $n" running "http://localhost:$port  pid $(cat "$RUN/$svc-$n.pid")  $health"
      else row "  $svc-service $n" stopped ""; fi
    done
  done
  if alive desk; then row desk-service running "http://localhost:${PORT[desk]}"; else row desk-service stopped ""; fi
}
