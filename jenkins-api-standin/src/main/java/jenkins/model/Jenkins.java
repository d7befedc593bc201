package jenkins.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.security.AccessControlled;

/** Stand-in for {@code core/src/main/java/jenkins/model/Jenkins.java}: the controller singleton. */
public class Jenkins implements AccessControlled {
    private Jenkins() {
        // stand-in: only Jenkins creates itself
    }

    @NonNull
    public static Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException("stand-in");
    }
}
