package dev.veil.driver.pipeline;

import dev.veil.driver.config.Settings;
import dev.veil.driver.config.VeilConfig;

/** What Veil knows about one connection: its settings and the pipeline its statements take. */
public final class Session {

    private final VeilConfig config;
    private final StatementPipeline pipeline;

    public Session(VeilConfig config, StatementPipeline pipeline) {
        this.config = config;
        this.pipeline = pipeline;
    }

    public VeilConfig config() {
        return config;
    }

    public StatementPipeline pipeline() {
        return pipeline;
    }

    public boolean allowUnwrap() {
        return config.get(Settings.ALLOW_UNWRAP);
    }
}
