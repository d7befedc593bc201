package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

/**
 * Stand-in for {@code core/src/main/java/hudson/model/Item.java} (only its {@link AccessControlled} side). The
 * permission constant is {@code null} here: it is not a compile-time constant, so the plugin reads the real one.
 */
public interface Item extends AccessControlled {
    Permission READ = null;
}
