package dev.veil.driver.stages;

import dev.veil.driver.pipeline.Execution;
import dev.veil.driver.pipeline.Stage;
import java.sql.SQLException;

/**
 * A statement that reads an untrusted column (policy {@code untrusted}) marks its session when it runs — before its
 * rows are read, as even a partly read result reaches the caller — so that the session's later writes, exports and
 * DDL wait for a reviewer ({@code UntrustedWriteRule}).
 */
public final class UntrustedReadStage implements Stage {

    @Override
    public <T> T execute(Execution<T> execution) throws SQLException {
        execution.plan().readsUntrusted().ifPresent(execution.session()::readUntrusted);
        return execution.proceed();
    }
}
