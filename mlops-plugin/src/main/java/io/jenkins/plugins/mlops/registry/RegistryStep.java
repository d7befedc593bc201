package io.jenkins.plugins.mlops.registry;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.mlops.util.FormOptions;
import io.jenkins.plugins.mlops.util.JenkinsFacade;
import io.jenkins.plugins.mlops.util.MlopsStepDescriptor;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.verb.POST;

import static io.jenkins.plugins.mlops.util.ParameterText.blankToNull;

/**
 * A step that works with a model registry ({@code registerModel} writes to it, {@code evaluateModel} reads its
 * baseline from it): the one place where the parameters {@code server} and {@code localRegistry} are declared, with
 * their help files, which Jenkins finds on this superclass for both steps. On the controller they become a
 * {@link RegistryTarget}.
 */
public abstract class RegistryStep extends Step {
    private String server;
    private String localRegistry;

    /** The name of a configured MLflow server; none for the embedded local registry. */
    @CheckForNull
    public String getServer() {
        return server;
    }

    @DataBoundSetter
    public void setServer(final String server) {
        this.server = blankToNull(server);
    }

    /** The embedded local registry's directory, relative to the workspace; none for the default. */
    @CheckForNull
    public String getLocalRegistry() {
        return localRegistry;
    }

    @DataBoundSetter
    public void setLocalRegistry(final String localRegistry) {
        this.localRegistry = blankToNull(localRegistry);
    }

    /** What the descriptors of registry steps share: the drop-down of the configured MLflow servers. */
    public abstract static class RegistryStepDescriptor extends MlopsStepDescriptor {
        /**
         * Creates the descriptor of a registry step.
         *
         * @param jenkins          reaches Jenkins for permissions and the configured servers
         * @param function         the Pipeline function name
         * @param displayName      the name in the snippet generator
         * @param defaultReportDir the default of the step's {@code reportDir}
         */
        protected RegistryStepDescriptor(final JenkinsFacade jenkins, final String function,
                final String displayName, final String defaultReportDir) {
            super(jenkins, function, displayName, defaultReportDir);
        }

        /**
         * Lists the configured MLflow servers after the embedded local registry.
         *
         * @param item the job being configured, or {@code null} in the global snippet generator
         * @return the servers, or nothing without read permission
         */
        @POST
        public ListBoxModel doFillServerItems(@AncestorInPath @CheckForNull final Item item) {
            if (!jenkins().hasPermission(Item.READ, item)) {
                return new ListBoxModel();
            }
            return FormOptions.choices("Embedded local registry",
                    jenkins().getGlobalConfiguration(MlopsConfiguration.class).getServerNames().stream());
        }
    }
}
