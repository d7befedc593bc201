// Checked against jenkinsci/jenkins tag jenkins-2.541.3: core/src/main/java/hudson/slaves/Cloud.java
package hudson.slaves;

import hudson.ExtensionPoint;
import hudson.model.Actionable;
import hudson.model.Describable;
import hudson.security.AccessControlled;

/**
 * Stand-in for {@code core/src/main/java/hudson/slaves/Cloud.java}: a configured cloud (Manage Jenkins » Clouds),
 * such as a Kubernetes cluster, identified by its unique {@link #name}.
 */
public abstract class Cloud extends Actionable implements ExtensionPoint, Describable<Cloud>, AccessControlled {
    /** The cloud's unique name among {@code Jenkins.clouds}. */
    public String name;

    protected Cloud(final String name) {
        // stand-in: the real constructor rejects an empty name
        this.name = name;
    }
}
