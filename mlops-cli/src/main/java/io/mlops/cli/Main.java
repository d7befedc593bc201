package io.mlops.cli;

/** Entry point of the mlops command line. */
public final class Main {
    private Main() {
    }

    public static void main(final String[] args) {
        System.exit(0);
    }
}
