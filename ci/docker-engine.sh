#!/usr/bin/env bash
# A private Docker engine for the container tests: start | stop | status | env.
#
# Installs Debian's docker.io when dockerd is missing, starts dockerd as root with its own socket,
# data and exec roots and no iptables rules (this machine has no netfilter for it), waits until it
# answers, and stops it by the pid it wrote. Nothing is pulled: every image the tests use is built
# here (ci/images.sh).
#
#   ci/docker-engine.sh start    # prints the DOCKER_HOST to export
#   eval "$(ci/docker-engine.sh env)"
#   ci/docker-engine.sh stop
#
# FARMHAND_DOCKER_ROOT (default /tmp/farmhand-docker) holds the socket, pid file, log and data.
set -euo pipefail

root="${FARMHAND_DOCKER_ROOT:-/tmp/farmhand-docker}"
sock="$root/docker.sock"
pidfile="$root/dockerd.pid"
log="$root/dockerd.log"

env_lines() {
  echo "export DOCKER_HOST=unix://$sock"
  echo "export TESTCONTAINERS_RYUK_DISABLED=true"
  echo "export TESTCONTAINERS_HOST_OVERRIDE=localhost"
}

running() {
  [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null
}

answers() {
  DOCKER_HOST="unix://$sock" docker version --format '{{.Server.Version}}' >/dev/null 2>&1
}

start() {
  if [ "$(id -u)" != 0 ]; then
    echo "docker-engine: dockerd must be started as root (uid is $(id -u))" >&2
    return 1
  fi
  if ! command -v dockerd >/dev/null 2>&1 || ! command -v docker >/dev/null 2>&1; then
    echo "docker-engine: installing docker.io" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq docker.io >/dev/null
  fi
  mkdir -p "$root/data" "$root/exec"
  if running && answers; then
    echo "docker-engine: already running (pid $(cat "$pidfile"))" >&2
    env_lines
    return 0
  fi
  rm -f "$sock"
  # setsid: the daemon leaves the caller's process group, so a Ctrl-C on the caller does not
  # reach it; it is stopped by its pid only.
  setsid dockerd \
    --host "unix://$sock" \
    --data-root "$root/data" \
    --exec-root "$root/exec" \
    --pidfile "$pidfile" \
    --iptables=false --ip6tables=false \
    >"$log" 2>&1 </dev/null &
  local deadline=$((SECONDS + 60))
  until answers; do
    if [ $SECONDS -ge $deadline ]; then
      echo "docker-engine: dockerd did not answer on $sock within 60 s; last lines of $log:" >&2
      tail -n 20 "$log" >&2 || true
      stop || true
      return 1
    fi
    sleep 0.5
  done
  echo "docker-engine: dockerd $(DOCKER_HOST="unix://$sock" docker version --format '{{.Server.Version}}') running (pid $(cat "$pidfile"), socket $sock)" >&2
  env_lines
}

stop() {
  if ! [ -f "$pidfile" ]; then
    echo "docker-engine: not running (no $pidfile)" >&2
    unmount_leftovers
    return 0
  fi
  local pid
  pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    local deadline=$((SECONDS + 30))
    while kill -0 "$pid" 2>/dev/null; do
      if [ $SECONDS -ge $deadline ]; then
        echo "docker-engine: dockerd $pid still running after 30 s, killing it" >&2
        kill -KILL "$pid" 2>/dev/null || true
        break
      fi
      sleep 0.2
    done
    echo "docker-engine: stopped dockerd (pid $pid)" >&2
  fi
  rm -f "$pidfile"
  unmount_leftovers
}

# dockerd leaves its network namespace mounted under the exec root; unmount it so the folder can go.
unmount_leftovers() {
  # nothing left mounted is the usual case: grep's "no match" must not fail the stop (set -e, pipefail)
  { grep -o " $root/exec/[^ ]*" /proc/mounts 2>/dev/null || true; } | while read -r m; do umount "$m" 2>/dev/null || true; done
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if running && answers; then echo "running (pid $(cat "$pidfile"))"; else echo "not running"; exit 1; fi ;;
  env) env_lines ;;
  *) echo "usage: $0 start|stop|status|env" >&2; exit 2 ;;
esac
