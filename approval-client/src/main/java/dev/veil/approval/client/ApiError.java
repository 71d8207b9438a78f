package dev.veil.approval.client;

/**
 * The body of every error response of the approval API.
 *
 * @param error what went wrong, in words fit for an operator; never a data value
 */
public record ApiError(String error) {
}
