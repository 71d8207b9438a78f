package dev.veil.approval.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class UsageEventShipperTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ApprovalClientConfig config(URI url) {
        return ApprovalClientConfig.of(url, "driver-token-0123456789").withRequestTimeout(Duration.ofSeconds(5));
    }

    private static int eventsReceived(FakeServer server) throws Exception {
        int events = 0;
        for (FakeServer.Received received : server.received()) {
            events += JSON.readTree(received.body()).path("events").size();
        }
        return events;
    }

    @Test
    void shipsEventsInBatchesWithTheDriverToken() throws Exception {
        try (FakeServer server = new FakeServer(request -> new FakeServer.Answer(202, "{}"))) {
            UsageEventShipper shipper = UsageEventShipper.start(config(server.url()), 100, 10,
                    Duration.ofMillis(50));
            for (int i = 0; i < 25; i++) {
                assertThat(shipper.offer(Map.of("kind", "query", "n", i))).isTrue();
            }
            shipper.close();

            assertThat(eventsReceived(server)).isEqualTo(25);
            assertThat(server.received()).allSatisfy(received -> {
                assertThat(received.path()).isEqualTo("/api/v1/usage-events");
                assertThat(received.authorization()).isEqualTo("Bearer driver-token-0123456789");
                assertThat(JSON.readTree(received.body()).path("events").size()).isBetween(1, 10);
            });
            assertThat(shipper.stats()).isEqualTo(new UsageEventShipper.Stats(25, 25, 0, 0));
        }
    }

    @Test
    void neverBlocksWhenTheQueueIsFullAndCountsWhatItDrops() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch firstArrived = new CountDownLatch(1);
        try (FakeServer server = new FakeServer(request -> {
            firstArrived.countDown();
            release.await(20, TimeUnit.SECONDS);
            return new FakeServer.Answer(202, "{}");
        })) {
            UsageEventShipper shipper = UsageEventShipper.start(config(server.url()), 2, 1, Duration.ofMillis(10));
            shipper.offer(Map.of("n", 0));
            assertThat(firstArrived.await(20, TimeUnit.SECONDS)).isTrue();
            // the shipper is stuck on the first batch: two events fit in the queue, the rest are dropped
            assertThat(shipper.offer(Map.of("n", 1))).isTrue();
            assertThat(shipper.offer(Map.of("n", 2))).isTrue();
            assertThat(shipper.offer(Map.of("n", 3))).isFalse();
            assertThat(shipper.offer(Map.of("n", 4))).isFalse();

            release.countDown();
            shipper.close();

            assertThat(shipper.stats()).isEqualTo(new UsageEventShipper.Stats(3, 3, 2, 0));
            assertThat(shipper.offer(Map.of("n", 5))).as("closed").isFalse();
        }
    }

    @Test
    void anUnreachableServerLosesEventsButNeverFailsTheCaller() {
        FakeServer gone = new FakeServer(request -> new FakeServer.Answer(202, "{}"));
        URI url = gone.url();
        gone.close();
        UsageEventShipper shipper = UsageEventShipper.start(
                config(url).withConnectTimeout(Duration.ofSeconds(1)), 10, 10, Duration.ofMillis(10));
        for (int i = 0; i < 3; i++) {
            shipper.offer(Map.of("n", i));
        }
        shipper.close();

        UsageEventShipper.Stats stats = shipper.stats();
        assertThat(stats.accepted()).isEqualTo(3);
        assertThat(stats.shipped()).isZero();
        assertThat(stats.dropped()).isEqualTo(3);
        assertThat(stats.failedBatches()).isPositive();
    }

    @Test
    void anEventThatIsNotJsonIsDroppedAloneAndTheRestShipped() throws Exception {
        try (FakeServer server = new FakeServer(request -> new FakeServer.Answer(202, "{}"))) {
            UsageEventShipper shipper = UsageEventShipper.start(config(server.url()), 10, 10,
                    Duration.ofMillis(200));
            shipper.offer(Map.of("n", 1));
            shipper.offer(Map.of("n", new Object()));
            shipper.offer(Map.of("n", 3));
            shipper.close();

            assertThat(eventsReceived(server)).isEqualTo(2);
            JsonNode first = JSON.readTree(server.received().get(0).body()).path("events");
            assertThat(first.get(0).path("n").asInt()).isEqualTo(1);
            assertThat(shipper.stats().dropped()).isEqualTo(1);
            assertThat(shipper.stats().shipped()).isEqualTo(2);
        }
    }
}
