package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;

import java.io.Serializable;

/**
 * Stand-in for {@code core/src/main/java/hudson/model/Result.java}. The five constants are distinct instances
 * (the real ones also carry a {@code BallColor}, omitted here), so that tests can tell them apart.
 */
public final class Result implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final @NonNull Result SUCCESS = new Result("SUCCESS", 0, true);
    public static final @NonNull Result UNSTABLE = new Result("UNSTABLE", 1, true);
    public static final @NonNull Result FAILURE = new Result("FAILURE", 2, true);
    public static final @NonNull Result NOT_BUILT = new Result("NOT_BUILT", 3, false);
    public static final @NonNull Result ABORTED = new Result("ABORTED", 4, false);

    private final String name;
    public final int ordinal;
    public final boolean completeBuild;

    private Result(final String name, final int ordinal, final boolean complete) {
        this.name = name;
        this.ordinal = ordinal;
        this.completeBuild = complete;
    }

    @Override
    public @NonNull String toString() {
        return name;
    }
}
