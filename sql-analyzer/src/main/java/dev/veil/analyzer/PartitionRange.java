package dev.veil.analyzer;

/**
 * A partition range predicate: the conjunct of a query's outermost WHERE that an engine adds to split one read into
 * partitions, a range of one column — Spark's {@code c < ? OR c IS NULL}, {@code c >= ? AND c < ?},
 * {@code c >= ?} and Flink's {@code c BETWEEN ? AND ?} (literals or parameters), alone or parenthesized next to other
 * conjuncts. It is recognized only where removing it widens the statement to rows it already reads: a select list of
 * plain columns, {@code *} or constants from one table or one derived table, without grouping, aggregates, windows,
 * LIMIT or OFFSET. The statement without it is the whole read.
 *
 * @param column           the partition column as written
 * @param unpartitionedSql the statement's text without the predicate
 * @param unpartitioned    the fingerprint of that text
 */
public record PartitionRange(String column, String unpartitionedSql, Fingerprint unpartitioned) { }
