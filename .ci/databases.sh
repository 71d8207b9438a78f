# Starts the local PostgreSQL and MariaDB servers if they are down, and waits until both accept connections.
# Run it (`bash .ci/databases.sh`) or source it; it needs root, and a machine set up like CI (the Debian packages
# postgresql-15 and mariadb-server). It creates no database and exports nothing: the integration tests create, use
# and drop a database of their own (see the README, "Test databases").

veil_ci_wait_for() { # name, command...
  local name=$1; shift
  for _ in $(seq 1 60); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  echo "ci: $name did not come up" >&2
  return 1
}

veil_ci_start_databases() {
  if ! pg_isready -h 127.0.0.1 -p 5432 >/dev/null 2>&1; then
    echo "ci: starting PostgreSQL"
    # started without the caller's open descriptors, so a server never holds a lock or pipe of the shell that ran this
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start \
      3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&- || return 1
  fi
  veil_ci_wait_for PostgreSQL pg_isready -h 127.0.0.1 -p 5432 || return 1

  if ! mariadb-admin -h 127.0.0.1 -P 3306 -u root ping >/dev/null 2>&1; then
    echo "ci: starting MariaDB"
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd \
      3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&- || return 1
  fi
  veil_ci_wait_for MariaDB mariadb-admin -h 127.0.0.1 -P 3306 -u root ping || return 1
}

veil_ci_start_databases
veil_ci_status=$?
unset -f veil_ci_wait_for veil_ci_start_databases
# `return` when sourced, `exit` when run
return $veil_ci_status 2>/dev/null || exit $veil_ci_status
