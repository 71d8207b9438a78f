package dev.veil.analyzer;

/**
 * A statement with every literal replaced by {@code ?}: statements differing only in literals share a fingerprint.
 *
 * @param normalized the normalized text: literals as {@code ?}, comments dropped, unquoted words lower-cased,
 *                   tokens separated by single spaces
 * @param hash       hex SHA-256 of {@code normalized}
 * @param redacted   the statement as written with literals replaced by {@code ?} and comments removed
 */
public record Fingerprint(String normalized, String hash, String redacted) { }
