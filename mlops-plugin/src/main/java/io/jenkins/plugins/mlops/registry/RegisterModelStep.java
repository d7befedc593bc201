package io.jenkins.plugins.mlops.registry;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.mlops.util.FormOptions;
import io.jenkins.plugins.mlops.util.JenkinsFacade;
import io.jenkins.plugins.mlops.util.MlopsStepDescriptor;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.verb.POST;

import static io.jenkins.plugins.mlops.util.ParameterText.blankToNull;

/**
 * The {@code registerModel} Pipeline step, and the one place where the parameters of model registration are
 * declared (with its {@code config.jelly} and {@code help-*.html}). The freestyle {@link RegisterModelBuilder} holds
 * an instance as its only property, for the reasons given on {@code ValidateDataStep}.
 */
public final class RegisterModelStep extends Step {
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
    private String server;
    private String localRegistry;
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

    /** The name of a configured MLflow server; none for the embedded local registry. */
    @CheckForNull
    public String getServer() {
        return server;
    }

    @DataBoundSetter
    public void setServer(final String server) {
        this.server = blankToNull(server);
    }

    @CheckForNull
    public String getLocalRegistry() {
        return localRegistry;
    }

    @DataBoundSetter
    public void setLocalRegistry(final String localRegistry) {
        this.localRegistry = blankToNull(localRegistry);
    }

    public String getReportDir() {
        return reportDir;
    }

    @DataBoundSetter
    public void setReportDir(final String reportDir) {
        var dir = blankToNull(reportDir);
        this.reportDir = dir == null ? RegistrationParameters.DEFAULT_REPORT_DIR : dir;
    }

    /** The parameters as the serializable value that travels to the agent. */
    RegistrationParameters toParameters() {
        return new RegistrationParameters(name, modelPath, source, runId, experiment, alias, description, tags,
                evaluation, server, localRegistry, reportDir);
    }

    @Override
    public StepExecution start(final StepContext context) {
        return new RegisterModelExecution(context, this);
    }

    /** Registers {@code registerModel} and fills its form fields. */
    @Extension
    @Symbol(FUNCTION)
    public static final class DescriptorImpl extends MlopsStepDescriptor {
        public DescriptorImpl() {
            this(new JenkinsFacade());
        }

        DescriptorImpl(final JenkinsFacade jenkins) {
            super(jenkins, FUNCTION, DISPLAY_NAME, RegistrationParameters.DEFAULT_REPORT_DIR);
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
