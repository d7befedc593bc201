package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;

/**
 * Stand-in for {@code core/src/main/java/hudson/security/AccessControlled.java} (without {@code getACL()}, which
 * nothing in the plugin implements).
 */
public interface AccessControlled {
    default boolean hasPermission(@NonNull final Permission permission) {
        throw new UnsupportedOperationException("stand-in");
    }
}
