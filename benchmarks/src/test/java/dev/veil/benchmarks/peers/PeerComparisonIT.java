package dev.veil.benchmarks.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smoke run of the peer comparison: one short round of every workload for every contender on PostgreSQL,
 * MariaDB and H2, on a small table. It proves the harness works — every contender ran and produced a number, the
 * reports were written — and asserts nothing about speed.
 */
class PeerComparisonIT {

    @Test
    void everyContenderRunsEveryWorkloadOnEveryDatabaseAndTheReportIsWritten(@TempDir Path out) throws Exception {
        Comparison run = PeerComparison.run(RunSettings.smoke(), System.getenv(), new PrintStream(
                PrintStream.nullOutputStream()));

        assertThat(run.failures()).isEmpty();
        assertThat(run.contenders()).extracting(Comparison.Named::key)
                .containsExactly("vendor", "vendor-veil-sql", "veil", "veil-driver", "p6spy", "shardingsphere");
        assertThat(run.measurements()).hasSize(RunSettings.ALL_DATABASES.size() * Workloads.all().size());
        for (Measurement measurement : run.measurements()) {
            for (Measurement.Cell cell : measurement.cells()) {
                assertThat(cell.operationsPerSecond())
                        .as("%s / %s / %s", measurement.database(), measurement.workload(), cell.contender())
                        .hasSize(1).allSatisfy(value -> assertThat(value).isPositive());
                assertThat(cell.cpuMicrosPerOperation())
                        .as("client CPU of %s / %s / %s", measurement.database(), measurement.workload(),
                                cell.contender())
                        .hasSize(1).allSatisfy(value -> assertThat(value).isPositive());
            }
        }
        assertThat(run.databases()).containsOnlyKeys(RunSettings.ALL_DATABASES);
        assertThat(run.p6spyLog()).as("P6Spy logs every statement by default").isPositive();

        Path markdown = Report.write(run, out);
        assertThat(Files.readString(markdown)).contains("| PostgreSQL | prepared point select, masked e-mail |")
                .contains("| MariaDB |").contains("| H2 |").contains("Client CPU per operation")
                .doesNotContain("failed");
        assertThat(out.resolve(run.date() + ".json")).isNotEmptyFile();
    }
}
