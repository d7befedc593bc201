package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;

import java.io.Serializable;

/**
 * Stand-in for {@code core/src/main/java/hudson/model/Result.java}. The five constants are distinct instances
 * that print their names (the real ones also carry an ordinal and a {@code BallColor}), so that tests can tell
 * them apart.
 */
public final class Result implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final @NonNull Result SUCCESS = new Result("SUCCESS");
    public static final @NonNull Result UNSTABLE = new Result("UNSTABLE");
    public static final @NonNull Result FAILURE = new Result("FAILURE");
    public static final @NonNull Result NOT_BUILT = new Result("NOT_BUILT");
    public static final @NonNull Result ABORTED = new Result("ABORTED");

    private final String name;

    private Result(final String name) {
        this.name = name;
    }

    @Override
    public @NonNull String toString() {
        return name;
    }
}
