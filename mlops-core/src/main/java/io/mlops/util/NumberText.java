package io.mlops.util;

import java.util.Locale;

/** The locale in which numbers become text in reports, messages and logs. */
public final class NumberText {
    /**
     * {@link Locale#US}: the same digits, {@code ,} grouping, {@code .} decimal point and exponent as
     * {@link Locale#ROOT}, so output does not depend on the machine's locale; and the JDK's {@link java.util.Formatter}
     * takes a fast path for it instead of loading locale data, about 40 ms of a short command-line run.
     */
    public static final Locale LOCALE = Locale.US;

    private NumberText() {
    }
}
