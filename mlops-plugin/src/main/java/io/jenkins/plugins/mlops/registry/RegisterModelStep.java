package io.jenkins.plugins.mlops.registry;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import io.jenkins.plugins.mlops.util.JenkinsFacade;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

import static io.jenkins.plugins.mlops.util.ParameterText.blankToDefault;
import static io.jenkins.plugins.mlops.util.ParameterText.blankToNull;

/**
 * The {@code registerModel} Pipeline step, and the one place where the parameters of model registration are
 * declared (with its {@code config.jelly} and {@code help-*.html}; {@code server} and {@code localRegistry} are
 * {@link RegistryStep}'s). The freestyle {@link RegisterModelBuilder} holds an instance as its only property, for
 * the reasons given on {@code ValidateDataStep}.
 */
public final class RegisterModelStep extends RegistryStep {
    static final String FUNCTION = "registerModel";
    static final String DISPLAY_NAME = "Register ML model";

    private final String name;
    private String modelPath;
    private String source;
    private String runId;
    private String experiment;
    private String alias;
    private String description;
    private String tags;
    private String evaluation;
    private String reportDir = RegistrationParameters.DEFAULT_REPORT_DIR;

    /**
     * Creates the step.
     *
     * @param name the registered model's name
     */
    @DataBoundConstructor
    public RegisterModelStep(final String name) {
        this.name = blankToNull(name);
    }

    public String getName() {
        return name;
    }

    @CheckForNull
    public String getModelPath() {
        return modelPath;
    }

    @DataBoundSetter
    public void setModelPath(final String modelPath) {
        this.modelPath = blankToNull(modelPath);
    }

    @CheckForNull
    public String getSource() {
        return source;
    }

    @DataBoundSetter
    public void setSource(final String source) {
        this.source = blankToNull(source);
    }

    @CheckForNull
    public String getRunId() {
        return runId;
    }

    @DataBoundSetter
    public void setRunId(final String runId) {
        this.runId = blankToNull(runId);
    }

    @CheckForNull
    public String getExperiment() {
        return experiment;
    }

    @DataBoundSetter
    public void setExperiment(final String experiment) {
        this.experiment = blankToNull(experiment);
    }

    @CheckForNull
    public String getAlias() {
        return alias;
    }

    @DataBoundSetter
    public void setAlias(final String alias) {
        this.alias = blankToNull(alias);
    }

    @CheckForNull
    public String getDescription() {
        return description;
    }

    @DataBoundSetter
    public void setDescription(final String description) {
        this.description = blankToNull(description);
    }

    /** More version tags, {@code key=value} one per line or comma-separated. */
    @CheckForNull
    public String getTags() {
        return tags;
    }

    @DataBoundSetter
    public void setTags(final String tags) {
        this.tags = blankToNull(tags);
    }

    @CheckForNull
    public String getEvaluation() {
        return evaluation;
    }

    @DataBoundSetter
    public void setEvaluation(final String evaluation) {
        this.evaluation = blankToNull(evaluation);
    }

    public String getReportDir() {
        return reportDir;
    }

    @DataBoundSetter
    public void setReportDir(final String reportDir) {
        this.reportDir = blankToDefault(reportDir, RegistrationParameters.DEFAULT_REPORT_DIR);
    }

    /** The parameters as the serializable value that travels to the agent. */
    RegistrationParameters toParameters() {
        return new RegistrationParameters(name, modelPath, source, runId, experiment, alias, description, tags,
                evaluation, getServer(), getLocalRegistry(), reportDir);
    }

    @Override
    public StepExecution start(final StepContext context) {
        return new RegisterModelExecution(context, this);
    }

    /** Registers {@code registerModel}; its form's server drop-down is {@link RegistryStepDescriptor}'s. */
    @Extension
    @Symbol(FUNCTION)
    public static final class DescriptorImpl extends RegistryStepDescriptor {
        public DescriptorImpl() {
            this(new JenkinsFacade());
        }

        DescriptorImpl(final JenkinsFacade jenkins) {
            super(jenkins, FUNCTION, DISPLAY_NAME, RegistrationParameters.DEFAULT_REPORT_DIR);
        }
    }
}
