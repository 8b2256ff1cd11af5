#!/usr/bin/env bash
# Starts the local Redis and PostgreSQL the integration tests use, if they are not running yet.
# Both come preinstalled on the development and CI machines (Debian packages).
set -uo pipefail

redis_up() { (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null; }
pg_up() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }

if ! redis_up; then
  echo "starting redis-server" >&2
  mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log || echo "could not start redis-server" >&2
fi
if ! pg_up; then
  echo "starting postgresql" >&2
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || echo "could not start postgresql" >&2
fi
for _ in $(seq 1 30); do redis_up && pg_up && exit 0; sleep 1; done
echo "warning: redis or postgresql still not reachable; integration tests will fail under CI=true" >&2
exit 0
