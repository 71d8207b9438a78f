package dev.veil.driver.events;

/** Where usage events go. {@link #accept} must never block a statement nor fail it. */
public interface UsageEventSink extends AutoCloseable {

    void accept(UsageEvent event);

    /** Whether events sent here are kept; when not, no event need be built at all. */
    default boolean keepsEvents() {
        return true;
    }

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
        public boolean keepsEvents() {
            return false;
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
