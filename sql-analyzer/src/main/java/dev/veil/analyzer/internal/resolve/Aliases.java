package dev.veil.analyzer.internal.resolve;

import java.util.List;

/**
 * The outputs a bare name may bind to: {@code bare} applies to a name that is the whole item (parentheses
 * aside), {@code nested} to a name inside an expression. {@code sourceAllowed}: whether a reference bound to an
 * output may be given the output's qualified source.
 */
record Aliases(List<Out> outputs, Binding bare, Binding nested, boolean sourceAllowed) { }
