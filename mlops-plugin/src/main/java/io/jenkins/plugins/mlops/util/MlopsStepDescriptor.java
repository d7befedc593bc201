package io.jenkins.plugins.mlops.util;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;

import java.util.Set;

/**
 * What the descriptors of the mlops Pipeline steps share: a function name and a display name, the context every
 * step needs (the build, its workspace, log and environment, whose commit goes into the lineage), the default
 * report directory shown in the empty form, and the {@link JenkinsFacade} through which their form endpoints check
 * permissions. A concrete descriptor is nested in its step, where Jenkins looks for it.
 */
public abstract class MlopsStepDescriptor extends StepDescriptor {
    private final transient JenkinsFacade jenkins;
    private final String function;
    private final String displayName;
    private final String defaultReportDir;

    /**
     * Creates the descriptor of a step.
     *
     * @param jenkins          reaches Jenkins for permissions and configuration
     * @param function         the Pipeline function name, such as {@code validateData}
     * @param displayName      the name in the snippet generator, such as "Validate ML dataset"
     * @param defaultReportDir the default of the step's {@code reportDir}
     */
    protected MlopsStepDescriptor(final JenkinsFacade jenkins, final String function, final String displayName,
            final String defaultReportDir) {
        super();
        this.jenkins = jenkins;
        this.function = function;
        this.displayName = displayName;
        this.defaultReportDir = defaultReportDir;
    }

    @Override
    public String getFunctionName() {
        return function;
    }

    @Override
    public String getDisplayName() {
        return displayName;
    }

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        return Set.of(Run.class, FilePath.class, TaskListener.class, EnvVars.class);
    }

    /** The default of {@code reportDir}, shown in the empty form. */
    public String getDefaultReportDir() {
        return defaultReportDir;
    }

    /** Jenkins, for the permission checks of the form endpoints. */
    protected JenkinsFacade jenkins() {
        return jenkins;
    }
}
