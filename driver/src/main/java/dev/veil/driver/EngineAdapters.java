package dev.veil.driver;

import java.util.List;

/**
 * Registers Veil with the data engines present when the driver loads: the Spark dialects of the {@code veil-spark-*}
 * modules, which the self-contained jar carries. Each adapter checks itself whether its engine (and version) is on the
 * class path; one that is absent, or fails, leaves the driver as it is.
 */
final class EngineAdapters {

    /** Entry points, each a class with a static {@code registerIfPresent()}. */
    private static final List<String> ADAPTERS = List.of(
            "dev.veil.spark.v3.SparkRegistration",
            "dev.veil.spark.v4.SparkRegistration");

    private EngineAdapters() {
    }

    static void registerPresent() {
        ClassLoader loader = EngineAdapters.class.getClassLoader();
        for (String adapter : ADAPTERS) {
            try {
                Class.forName(adapter, true, loader).getMethod("registerIfPresent").invoke(null);
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                // adapter not packaged, or its engine absent or of another version: nothing to register
            }
        }
    }
}
