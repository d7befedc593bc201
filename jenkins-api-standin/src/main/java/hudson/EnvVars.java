package hudson;

import java.util.TreeMap;

/** Stand-in for {@code core/src/main/java/hudson/EnvVars.java}: the environment of a build. */
public class EnvVars extends TreeMap<String, String> {
    private static final long serialVersionUID = 1L;

    public EnvVars() {
        super();
    }

    /** Expands {@code $VAR} and {@code ${VAR}} references. */
    public String expand(final String s) {
        throw new UnsupportedOperationException("stand-in");
    }
}
