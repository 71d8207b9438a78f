package dev.veil.driver.events;

/** Where usage events go. {@link #accept} must never block a statement nor fail it. */
public interface UsageEventSink extends AutoCloseable {

    void accept(UsageEvent event);

    /** Events lost so far (queue full, write failure), for diagnostics. */
    long dropped();

    @Override
    void close();

    /** A sink that keeps nothing: the default when no audit destination is configured. */
    UsageEventSink NONE = new UsageEventSink() {
        @Override
        public void accept(UsageEvent event) {
        }

        @Override
        public long dropped() {
            return 0;
        }

        @Override
        public void close() {
        }
    };
}
