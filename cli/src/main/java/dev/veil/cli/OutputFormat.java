package dev.veil.cli;

import java.io.PrintWriter;
import java.util.Locale;

/** How {@code veil run} prints results. */
enum OutputFormat {
    /** Text tables for people, with the number of rows each statement returned or changed. */
    TABLE {
        @Override
        ResultWriter writer(PrintWriter out) {
            return new TableResultWriter(out);
        }
    },
    /** RFC 4180 CSV: a header line, then one line per row; result sets separated by an empty line. */
    CSV {
        @Override
        ResultWriter writer(PrintWriter out) {
            return new CsvResultWriter(out);
        }
    },
    /** One JSON value per line: an array of row objects per result set, {"updateCount": n} per change. */
    JSON {
        @Override
        ResultWriter writer(PrintWriter out) {
            return new JsonResultWriter(out);
        }
    };

    abstract ResultWriter writer(PrintWriter out);

    /** As help lists it and the option takes it (in any case). */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
