package dev.veil.analyzer.internal.resolve;

import java.util.List;
import java.util.Set;

import dev.veil.analyzer.ColumnUse;
import dev.veil.analyzer.FunctionUse;
import dev.veil.analyzer.Hazard;
import dev.veil.analyzer.TableName;

/** Lineage of each column of a view, computed from its definition. */
record ViewInfo(List<Lin> columns, Set<TableName> reads, List<FunctionUse> functions, List<Hazard> hazards,
                List<ColumnUse> uses) { }
