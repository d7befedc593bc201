package io.mlops.data;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Writes dates and instants into a char buffer exactly as {@link LocalDate#toString()} and
 * {@link Instant#toString()} do, without creating a String per value. Years 0 to 9999 take the
 * fast path; others, which have signs and extra digits, go through the JDK.
 */
final class IsoTimeText {
    /** Longest text either method writes: {@code +1000000000-12-31T23:59:59.999999999Z}. */
    static final int MAX_CHARS = 40;

    private static final int SECONDS_PER_DAY = 86_400;
    /** Epoch days of 0000-01-01 and 10000-01-01, the range printed with four-digit years. */
    private static final long FIRST_FAST_DAY = -719_528L;
    private static final long END_FAST_DAY = 2_932_897L;

    private IsoTimeText() {
    }

    /**
     * Writes {@code yyyy-MM-dd}.
     *
     * @return the number of characters written from offset 0
     */
    static int date(final long epochDay, final char[] out) {
        if (epochDay < FIRST_FAST_DAY || epochDay >= END_FAST_DAY) {
            return copy(LocalDate.ofEpochDay(epochDay).toString(), out);
        }
        return writeDate(LocalDate.ofEpochDay(epochDay), out);
    }

    /**
     * Writes {@code yyyy-MM-ddTHH:mm:ss[.fff[fff[fff]]]Z} in UTC, with the fraction in groups of three
     * digits as long as it needs.
     *
     * @return the number of characters written from offset 0
     */
    static int instant(final long epochSecond, final int nano, final char[] out) {
        long epochDay = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
        if (epochDay < FIRST_FAST_DAY || epochDay >= END_FAST_DAY) {
            return copy(Instant.ofEpochSecond(epochSecond, nano).toString(), out);
        }
        int secondOfDay = Math.floorMod(epochSecond, SECONDS_PER_DAY);
        int at = writeDate(LocalDate.ofEpochDay(epochDay), out);
        out[at++] = 'T';
        at = twoDigits(secondOfDay / 3600, out, at);
        out[at++] = ':';
        at = twoDigits(secondOfDay / 60 % 60, out, at);
        out[at++] = ':';
        at = twoDigits(secondOfDay % 60, out, at);
        if (nano > 0) {
            out[at++] = '.';
            int remaining = nano;
            int divisor = 100_000_000;
            for (int digits = 0; remaining > 0 || digits % 3 != 0; digits++) {
                out[at++] = (char) ('0' + remaining / divisor);
                remaining %= divisor;
                divisor /= 10;
            }
        }
        out[at++] = 'Z';
        return at;
    }

    private static int writeDate(final LocalDate date, final char[] out) {
        int year = date.getYear();
        out[0] = (char) ('0' + year / 1000);
        out[1] = (char) ('0' + year / 100 % 10);
        out[2] = (char) ('0' + year / 10 % 10);
        out[3] = (char) ('0' + year % 10);
        out[4] = '-';
        twoDigits(date.getMonthValue(), out, 5);
        out[7] = '-';
        twoDigits(date.getDayOfMonth(), out, 8);
        return 10;
    }

    private static int twoDigits(final int value, final char[] out, final int at) {
        out[at] = (char) ('0' + value / 10);
        out[at + 1] = (char) ('0' + value % 10);
        return at + 2;
    }

    private static int copy(final String text, final char[] out) {
        text.getChars(0, text.length(), out, 0);
        return text.length();
    }
}
