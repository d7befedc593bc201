package hudson.util;

import java.io.IOException;

/**
 * Stand-in for {@code core/src/main/java/hudson/util/FormValidation.java} (the real class also implements
 * Stapler's {@code HttpResponse}).
 */
public abstract class FormValidation extends IOException {
    private static final long serialVersionUID = 1L;

    private FormValidation() {
        super();
    }

    public static FormValidation ok() {
        throw new UnsupportedOperationException("stand-in");
    }

    /** An error; the real implementation HTML-escapes the message. */
    public static FormValidation error(final String message) {
        throw new UnsupportedOperationException("stand-in");
    }
}
