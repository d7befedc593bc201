package hudson;

import java.io.IOException;

/**
 * Stand-in for {@code core/src/main/java/hudson/AbortException.java}: a build failure whose message is printed
 * without a stack trace.
 */
public class AbortException extends IOException {
    private static final long serialVersionUID = 1L;

    public AbortException() {
        super();
    }

    public AbortException(final String message) {
        super(message);
    }
}
