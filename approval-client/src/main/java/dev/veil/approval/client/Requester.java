package dev.veil.approval.client;

import java.util.Objects;

/**
 * Who asks for a statement to run.
 *
 * @param principal       the identity a reviewer sees and the one self-approval is checked against: the
 *                        {@code veil.requester} connection property, or the JDBC user when that is not set
 * @param jdbcUser        the database login, may be {@code null}
 * @param applicationName the client's application name (e.g. {@code ApplicationName}), may be {@code null}
 * @param host            the host the statement comes from, may be {@code null}; informational only, since the
 *                        partitions of one job run on many hosts
 */
public record Requester(String principal, String jdbcUser, String applicationName, String host) {

    public Requester {
        Objects.requireNonNull(principal, "principal");
        if (principal.isBlank()) {
            throw new IllegalArgumentException("principal must not be blank");
        }
    }
}
