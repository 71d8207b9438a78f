package dev.veil.spark.v3;

/**
 * The entry point the Veil driver calls when it loads: registers the dialects when Spark 3 is on the class path, and
 * does nothing otherwise. It names no Spark class itself, so it loads without Spark.
 */
public final class SparkRegistration {

    private static final String MAJOR = "3.";

    private SparkRegistration() {
    }

    /** @return whether the dialects were registered */
    public static boolean registerIfPresent() {
        if (!SparkVersion.current(SparkRegistration.class.getClassLoader()).startsWith(MAJOR)) {
            return false;
        }
        VeilDialects.register();
        return true;
    }
}
