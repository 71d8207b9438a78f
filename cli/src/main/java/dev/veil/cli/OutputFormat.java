package dev.veil.cli;

import java.io.PrintWriter;
import java.util.Locale;

/** How {@code veil run} prints results, and the other commands their reports. */
enum OutputFormat {
    /** Text tables for people, with the number of rows each statement returned or changed. */
    TABLE {
        @Override
        ResultWriter writer(PrintWriter out) {
            return new TableResultWriter(out);
        }

        @Override
        void report(Report report, PrintWriter out) {
            TablePrinter.print(report, out);
        }
    },
    /** RFC 4180 CSV: a header line, then one line per row; result sets separated by an empty line. */
    CSV {
        @Override
        ResultWriter writer(PrintWriter out) {
            return new CsvResultWriter(out);
        }

        @Override
        void report(Report report, PrintWriter out) {
            CsvResultWriter.write(report, out);
        }
    },
    /** One JSON value per line: an array of row objects per result set, {"updateCount": n} per change. */
    JSON {
        @Override
        ResultWriter writer(PrintWriter out) {
            return new JsonResultWriter(out);
        }

        @Override
        void report(Report report, PrintWriter out) {
            JsonResultWriter.write(report, out);
        }
    };

    abstract ResultWriter writer(PrintWriter out);

    /** Writes a report of a command (classify, check, usage, audit) in this format. */
    abstract void report(Report report, PrintWriter out);

    /** As help lists it and the option takes it (in any case). */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
