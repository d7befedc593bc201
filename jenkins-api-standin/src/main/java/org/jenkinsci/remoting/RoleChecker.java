package org.jenkinsci.remoting;

/** Stand-in for {@code remoting: src/main/java/org/jenkinsci/remoting/RoleChecker.java}. */
public abstract class RoleChecker {
}
