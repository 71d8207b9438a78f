package dev.veil.approval.server.api;

/** Who is calling the REST API, as established from their bearer token. */
public sealed interface Caller {

    /** A driver: may create requests, wait on its own, report outcomes and usage. */
    record Driver(String name) implements Caller {
    }

    /** A reviewer: may list, read, approve and reject. */
    record ReviewerCaller(String identity) implements Caller {
    }
}
