package io.mlops.bench;

import io.mlops.cli.Main;

import java.util.Arrays;

/**
 * The untimed run that makes the children's class-data-sharing archive (see {@link ChildJvm#makeArchive}): loads
 * the classes of both measured programs by running them on small files, the tokeniser first, then the command
 * line, whose exit ends the JVM and writes the archive.
 */
public final class ArchiveTraining {
    private ArchiveTraining() {
    }

    /** {@code ArchiveTraining <csv file> <mlops arguments...>}. */
    public static void main(final String[] args) throws Exception {
        TokenizeOnly.main(new String[] {args[0]});
        Main.main(Arrays.copyOfRange(args, 1, args.length));
    }
}
