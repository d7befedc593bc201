// Checked against jenkinsci/jenkins tag jenkins-2.541.3: core/src/main/java/jenkins/model/GlobalConfiguration.java
package jenkins.model;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * Stand-in for {@code core/src/main/java/jenkins/model/GlobalConfiguration.java}: a section of the system
 * configuration page that is its own descriptor (since 1.425).
 */
public abstract class GlobalConfiguration extends Descriptor<GlobalConfiguration>
        implements ExtensionPoint, Describable<GlobalConfiguration> {
    protected GlobalConfiguration() {
        super();
    }

    @Override
    public final Descriptor<GlobalConfiguration> getDescriptor() {
        throw new UnsupportedOperationException("stand-in");
    }

    /** Binds the submitted form to the {@code @DataBoundSetter}s of this configuration. */
    @Override
    public boolean configure(final StaplerRequest2 req, final JSONObject json) throws FormException {
        throw new UnsupportedOperationException("stand-in");
    }
}
