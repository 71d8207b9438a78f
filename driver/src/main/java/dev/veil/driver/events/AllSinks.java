package dev.veil.driver.events;

import java.util.ArrayList;
import java.util.List;

/** Several destinations for the same events. */
public final class AllSinks implements UsageEventSink {

    private final List<UsageEventSink> sinks;

    private AllSinks(List<UsageEventSink> sinks) {
        this.sinks = List.copyOf(sinks);
    }

    /** The sinks that keep something; {@link UsageEventSink#NONE} when none does. */
    public static UsageEventSink of(UsageEventSink... candidates) {
        List<UsageEventSink> kept = new ArrayList<>();
        for (UsageEventSink sink : candidates) {
            if (sink != UsageEventSink.NONE) {
                kept.add(sink);
            }
        }
        return kept.isEmpty() ? UsageEventSink.NONE : kept.size() == 1 ? kept.get(0) : new AllSinks(kept);
    }

    @Override
    public void accept(UsageEvent event) {
        for (UsageEventSink sink : sinks) {
            sink.accept(event);
        }
    }

    @Override
    public long dropped() {
        return sinks.stream().mapToLong(UsageEventSink::dropped).sum();
    }

    @Override
    public void close() {
        sinks.forEach(UsageEventSink::close);
    }
}
