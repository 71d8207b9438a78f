package dev.veil.driver.events;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.veil.approval.client.UsageEventShipper;
import java.util.Map;

/** Usage events shipped to the approval server's audit log; the shipper batches, never blocks, counts drops. */
public final class ApprovalServerSink implements UsageEventSink {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final UsageEventShipper shipper;

    public ApprovalServerSink(UsageEventShipper shipper) {
        this.shipper = shipper;
    }

    @Override
    public void accept(UsageEvent event) {
        shipper.offer(UsageEventJson.MAPPER.convertValue(event, MAP));
    }

    @Override
    public long dropped() {
        return shipper.stats().dropped();
    }

    /** The shipper is shared by every connection to the server and closes with the process. */
    @Override
    public void close() {
    }
}
