package dev.veil.approval.client;

/**
 * What became of records sent to the audit log in the background (execution outcomes), since the client started.
 *
 * @param accepted  taken into the outbox
 * @param delivered recorded by the server (exactly once each, retries included)
 * @param retries   sends repeated because the server was unavailable
 * @param dropped   never recorded: outbox full or closed, refused by the server, or undeliverable within the
 *                  horizon; each drop is also logged
 * @param queued    waiting now
 */
public record DeliveryStats(long accepted, long delivered, long retries, long dropped, long queued) {
}
