package dev.veil.driver.stages;

import dev.veil.analyzer.SqlAnalyzer;
import dev.veil.driver.decide.StandardRules;
import dev.veil.driver.pipeline.StatementPipeline;
import java.util.List;

/**
 * The stages every statement passes, in order. Planning runs the first five (and the record stage's refusal hook);
 * each execution runs only the rest, as each stage declares its {@link dev.veil.driver.pipeline.Stage.Phase phase}.
 */
public final class StandardPipeline {

    private StandardPipeline() {
    }

    /** @param analyzer the analyzer, shared by the process with its cache of analyses */
    public static StatementPipeline create(SqlAnalyzer analyzer) {
        return new StatementPipeline(List.of(
                // planning, once per statement text
                new AnalyzeStage(analyzer),                 // 1 parse, resolve, lineage
                new ClassifyStage(analyzer),                // 2 which touched columns are sensitive
                new DecideStage(StandardRules.create()),    // 3 allow · mask · refuse · hold for approval
                new EstimateStage(),                        //   … and hold large exports and writes
                new RewriteStage(),                         // 4 masks at each column reference
                // execution, every time, outermost first; the vendor call is innermost
                new RecordStage(),                          // one usage event per statement
                new ScrubStage(),                           // errors without values
                new ApprovalStage(),                        // wait for a reviewer when the plan says so
                new UntrustedReadStage(),                   // a read of untrusted text marks the session
                new UpkeepStage(),                          // catalog and session state after DDL/SET
                new ResultShapeStage(),                     // result columns as analyzed
                new RowGuardStage()));                      // no export past the threshold unapproved
    }
}
