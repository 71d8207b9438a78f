package dev.veil.analyzer;

/**
 * A column a {@code CREATE TABLE} defines.
 *
 * @param name     its name, unquoted and folded as the dialect folds it
 * @param typeName its type's name as written, without arguments, e.g. {@code TEXT}, {@code VARCHAR}
 */
public record DefinedColumn(String name, String typeName) { }
