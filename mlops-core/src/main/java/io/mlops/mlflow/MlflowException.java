package io.mlops.mlflow;

/**
 * A call to an MLflow server failed: the server answered with an error, or could not be reached after every
 * retry. The message names the endpoint, the HTTP status and MLflow's {@code error_code} and {@code message}
 * from the JSON error body; it never contains credentials, because the client never puts them anywhere but
 * in the {@code Authorization} header.
 */
public final class MlflowException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The HTTP status when no response arrived (connection refused, timeout). */
    public static final int NO_RESPONSE = 0;

    private final String endpoint;
    private final int status;
    private final String errorCode;

    /**
     * Creates an error.
     *
     * @param endpoint  the method and path that failed, e.g. {@code POST /api/2.0/mlflow/runs/create}
     * @param status    the HTTP status, or {@link #NO_RESPONSE}
     * @param errorCode MLflow's {@code error_code}, or an empty string
     * @param detail    what went wrong
     * @param cause     the underlying I/O error, or {@code null}
     */
    public MlflowException(final String endpoint, final int status, final String errorCode, final String detail,
            final Throwable cause) {
        super(format(endpoint, status, errorCode, detail), cause);
        this.endpoint = endpoint;
        this.status = status;
        this.errorCode = errorCode;
    }

    /** An error found before anything was sent (e.g. a call the server's version does not support). */
    public MlflowException(final String endpoint, final String detail) {
        this(endpoint, NO_RESPONSE, "", detail, null);
    }

    private static String format(final String endpoint, final int status, final String errorCode,
            final String detail) {
        var text = new StringBuilder("MLflow ").append(endpoint).append(" failed");
        if (status != NO_RESPONSE) {
            text.append(": HTTP ").append(status);
        }
        if (!errorCode.isEmpty()) {
            text.append(' ').append(errorCode);
        }
        text.append(": ").append(detail);
        if (status == 401) {
            text.append(" (the server did not accept the credentials: check the token, or the user name and "
                    + "password, configured for it)");
        }
        else if (status == 403) {
            text.append(" (the credentials are valid but lack the permission for this call)");
        }
        return text.toString();
    }

    /** The method and path that failed. */
    public String getEndpoint() {
        return endpoint;
    }

    /** The HTTP status, or {@link #NO_RESPONSE}. */
    public int getStatus() {
        return status;
    }

    /** MLflow's {@code error_code} (e.g. {@code RESOURCE_DOES_NOT_EXIST}), or an empty string. */
    public String getErrorCode() {
        return errorCode;
    }

    /**
     * Whether trying again may succeed: HTTP 429, a 5xx status, or no answer because of a connection error or
     * timeout.
     */
    public boolean isRetryable() {
        return status == 429 || status >= 500 && status <= 599 || status == NO_RESPONSE
                && getCause() instanceof java.io.IOException;
    }

    /** Whether the server said the resource does not exist. */
    public boolean isNotFound() {
        return status == 404 || "RESOURCE_DOES_NOT_EXIST".equals(errorCode);
    }
}
