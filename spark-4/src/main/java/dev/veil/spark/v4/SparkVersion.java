package dev.veil.spark.v4;

/** The version of the Spark visible to a class loader, or an empty string when there is none. */
final class SparkVersion {

    private SparkVersion() {
    }

    static String current(ClassLoader loader) {
        try {
            // the Scala object org.apache.spark.package: its name is a Java keyword, so it is read by reflection
            Class<?> spark = Class.forName("org.apache.spark.package$", true, loader);
            Object module = spark.getField("MODULE$").get(null);
            return (String) spark.getMethod("SPARK_VERSION").invoke(module);
        } catch (ReflectiveOperationException | LinkageError e) {
            return "";
        }
    }
}
