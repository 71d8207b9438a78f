package dev.veil.approval.server.store;

import java.time.Instant;

/**
 * One audit record of a request, as its history shows it.
 *
 * @param at      when it was recorded
 * @param type    the record type ({@code REQUEST_APPROVED}, ...)
 * @param actor   who acted: a reviewer, a driver token's name, {@code server}
 * @param payload the record's JSON details
 */
public record RequestEvent(Instant at, String type, String actor, String payload) {
}
