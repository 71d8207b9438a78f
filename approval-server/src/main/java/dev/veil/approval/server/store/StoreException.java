package dev.veil.approval.server.store;

/** The store could not do what was asked; the server answers 503 and the driver's statement does not run. */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
