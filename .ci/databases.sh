# Source this file (bash): starts local PostgreSQL and MariaDB if they are down, (re)creates the integration-test
# role and database `veil_it` on both, and exports the VEIL_IT_* variables the integration tests read.

wait_for() { # name, command...
  local name=$1; shift
  for _ in $(seq 1 60); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  echo "ci: $name did not come up" >&2
  return 1
}

# --- PostgreSQL ------------------------------------------------------------------------------------------------
if ! pg_isready -h 127.0.0.1 -p 5432 >/dev/null 2>&1; then
  echo "ci: starting PostgreSQL"
  # started without our open descriptors: a server must not hold a lock or pipe of the shell that started it
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&-
fi
wait_for PostgreSQL pg_isready -h 127.0.0.1 -p 5432

psql_admin() { psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
# A plain (non-superuser) role, as an application would have: the tests must not rely on superuser powers.
psql_admin -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'veil_it') THEN CREATE ROLE veil_it LOGIN; END IF; END \$\$;"
psql_admin -c "DROP DATABASE IF EXISTS veil_it WITH (FORCE);"
psql_admin -c "CREATE DATABASE veil_it OWNER veil_it;"

# --- MariaDB ---------------------------------------------------------------------------------------------------
if ! mariadb-admin -h 127.0.0.1 -P 3306 -u root ping >/dev/null 2>&1; then
  echo "ci: starting MariaDB"
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&-
fi
wait_for MariaDB mariadb-admin -h 127.0.0.1 -P 3306 -u root ping

MARIADB_TEST_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
mariadb -h 127.0.0.1 -P 3306 -u root <<SQL
DROP DATABASE IF EXISTS veil_it;
CREATE DATABASE veil_it CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE USER IF NOT EXISTS 'veil_it'@'%' IDENTIFIED BY '${MARIADB_TEST_PASSWORD}';
ALTER USER 'veil_it'@'%' IDENTIFIED BY '${MARIADB_TEST_PASSWORD}';
CREATE USER IF NOT EXISTS 'veil_it'@'localhost' IDENTIFIED BY '${MARIADB_TEST_PASSWORD}';
ALTER USER 'veil_it'@'localhost' IDENTIFIED BY '${MARIADB_TEST_PASSWORD}';
GRANT ALL PRIVILEGES ON veil_it.* TO 'veil_it'@'%';
GRANT ALL PRIVILEGES ON veil_it.* TO 'veil_it'@'localhost';
FLUSH PRIVILEGES;
SQL

export VEIL_IT_PG_URL="jdbc:postgresql://127.0.0.1:5432/veil_it"
export VEIL_IT_PG_USER="veil_it"
export VEIL_IT_PG_PASSWORD=""
export VEIL_IT_MARIADB_URL="jdbc:mariadb://127.0.0.1:3306/veil_it"
export VEIL_IT_MARIADB_USER="veil_it"
export VEIL_IT_MARIADB_PASSWORD="${MARIADB_TEST_PASSWORD}"
