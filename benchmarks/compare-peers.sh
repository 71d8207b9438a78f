#!/usr/bin/env bash
# The peer comparison (README, section "Performance"): Veil next to the vendor driver alone, the vendor driver sending
# Veil's rewritten SQL, P6Spy and ShardingSphere-JDBC, on PostgreSQL, MariaDB and H2, interleaved round by round.
# Builds what it needs, starts and provisions the local PostgreSQL and MariaDB servers as the integration tests do
# (unless VEIL_BENCH_PG_URL and VEIL_BENCH_MARIADB_URL name other ones), and writes
# benchmarks/results/<date>.md and .json. About 12 minutes on 2 cores; arguments go to the comparison
# (--help lists them, --smoke runs one short round of everything).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${VEIL_BENCH_PG_URL:-}" ] || [ -z "${VEIL_BENCH_MARIADB_URL:-}" ]; then
  # shellcheck source=../.ci/databases.sh
  source .ci/databases.sh >/dev/null
fi

mvn -B -q -pl benchmarks -am package -Pbenchmarks -DskipTests
exec java -Xms2g -Xmx2g -Dveil.bench.command="bash benchmarks/compare-peers.sh${*:+ $*}" \
  -cp benchmarks/target/benchmarks.jar dev.veil.benchmarks.peers.PeerComparison "$@"
