// Checked against jenkinsci/jenkins tag jenkins-2.541.3: core/src/main/java/hudson/util/Secret.java
package hudson.util;

import edu.umd.cs.findbugs.annotations.NonNull;

import java.io.Serializable;

/** Stand-in for {@code core/src/main/java/hudson/util/Secret.java}: a value that is stored encrypted. */
public final class Secret implements Serializable {
    private static final long serialVersionUID = 1L;

    private Secret() {
        // stand-in: the plugin only receives secrets from credentials
    }

    @NonNull
    public String getPlainText() {
        throw new UnsupportedOperationException("stand-in");
    }
}
