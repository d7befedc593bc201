// Checked against jenkinsci/jenkins tag jenkins-2.541.3: core/src/main/java/jenkins/model/Jenkins.java
package jenkins.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Descriptor;
import hudson.model.Hudson;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import hudson.slaves.Cloud;
import hudson.util.DescribableList;

/** Stand-in for {@code core/src/main/java/jenkins/model/Jenkins.java}: the controller singleton. */
public class Jenkins implements AccessControlled {
    /**
     * Overall/Administer. {@code null} here: it is not a compile-time constant, so the plugin reads the real one
     * (as {@code Item.READ}).
     */
    public static final Permission ADMINISTER = null;

    /** The configured clouds (Manage Jenkins » Clouds), in their order. {@code null} here: only read through it. */
    public final Hudson.CloudList clouds = null;

    private Jenkins() {
        // stand-in: only Jenkins creates itself
    }

    @NonNull
    public static Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException("stand-in");
    }

    /** The descriptor of exactly this class, such as a {@link GlobalConfiguration}; {@code null} when none. */
    public <T extends Descriptor> T getDescriptorByType(final Class<T> type) {
        throw new UnsupportedOperationException("stand-in");
    }

    /** A configured cloud by its name, or {@code null}. */
    public Cloud getCloud(final String name) {
        throw new UnsupportedOperationException("stand-in");
    }

    /** The list type of {@link #clouds}. */
    public static class CloudList extends DescribableList<Cloud, Descriptor<Cloud>> {
        public CloudList() {
            super();
        }
    }
}
