package org.jenkinsci.remoting;

/** Stand-in for {@code remoting: src/main/java/org/jenkinsci/remoting/RoleSensitive.java}. */
public interface RoleSensitive {
    void checkRoles(RoleChecker checker) throws SecurityException;
}
