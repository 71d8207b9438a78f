package dev.veil.approval.client;

import java.util.List;
import java.util.Map;

/**
 * A batch of the driver's usage events, opaque JSON objects, as the usage endpoint accepts it.
 *
 * @param events the events, each a JSON object
 */
public record UsageEventBatch(List<Map<String, Object>> events) {

    public UsageEventBatch {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
