package io.jenkins.plugins.mlops.evaluation;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.mlops.registry.RegistryStep;
import io.jenkins.plugins.mlops.util.FormOptions;
import io.jenkins.plugins.mlops.util.JenkinsFacade;
import io.mlops.evaluation.EvaluationRequest;
import io.mlops.evaluation.Task;
import io.mlops.util.InputException;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

import java.util.Arrays;

import static io.jenkins.plugins.mlops.util.ParameterText.blankToDefault;
import static io.jenkins.plugins.mlops.util.ParameterText.blankToNull;

/**
 * The {@code evaluateModel} Pipeline step, and the one place where the parameters of model evaluation are declared
 * (with its {@code config.jelly} and {@code help-*.html}; {@code server} and {@code localRegistry}, which name the
 * registry of {@code baseline}, are {@link RegistryStep}'s, shared with {@code registerModel}). The freestyle
 * {@link EvaluateModelBuilder} holds an instance as its only property, for the reasons given on
 * {@code ValidateDataStep}.
 */
public final class EvaluateModelStep extends RegistryStep {
    static final String FUNCTION = "evaluateModel";
    static final String DISPLAY_NAME = "Evaluate ML model";

    private final String predictions;
    private final String task;
    private String gates;
    private String baselinePredictions;
    private String baselineMetrics;
    private String baseline;
    private String format;
    private String positiveLabel;
    private String slices;
    private String sensitive;
    private int minSliceSize = EvaluationRequest.DEFAULT_MIN_SLICE_SIZE;
    private int resamples = EvaluationRequest.DEFAULT_RESAMPLES;
    private long seed = EvaluationRequest.DEFAULT_SEED;
    private String labelColumn;
    private String predictionColumn;
    private String scoreColumn;
    private String idColumn;
    private String reportDir = EvaluationParameters.DEFAULT_REPORT_DIR;
    private boolean unstableOnFailure;

    /**
     * Creates the step.
     *
     * @param predictions the candidate model's predictions, relative to the workspace
     * @param task        binary, multiclass or regression
     */
    @DataBoundConstructor
    public EvaluateModelStep(final String predictions, final String task) {
        this.predictions = blankToNull(predictions);
        this.task = blankToNull(task);
    }

    public String getPredictions() {
        return predictions;
    }

    public String getTask() {
        return task;
    }

    @CheckForNull
    public String getGates() {
        return gates;
    }

    @DataBoundSetter
    public void setGates(final String gates) {
        this.gates = blankToNull(gates);
    }

    @CheckForNull
    public String getBaselinePredictions() {
        return baselinePredictions;
    }

    @DataBoundSetter
    public void setBaselinePredictions(final String baselinePredictions) {
        this.baselinePredictions = blankToNull(baselinePredictions);
    }

    @CheckForNull
    public String getBaselineMetrics() {
        return baselineMetrics;
    }

    @DataBoundSetter
    public void setBaselineMetrics(final String baselineMetrics) {
        this.baselineMetrics = blankToNull(baselineMetrics);
    }

    /** The production model in the registry: {@code models:/NAME@ALIAS} or {@code models:/NAME/VERSION}. */
    @CheckForNull
    public String getBaseline() {
        return baseline;
    }

    @DataBoundSetter
    public void setBaseline(final String baseline) {
        this.baseline = blankToNull(baseline);
    }

    @CheckForNull
    public String getFormat() {
        return format;
    }

    @DataBoundSetter
    public void setFormat(final String format) {
        this.format = blankToNull(format);
    }

    @CheckForNull
    public String getPositiveLabel() {
        return positiveLabel;
    }

    @DataBoundSetter
    public void setPositiveLabel(final String positiveLabel) {
        this.positiveLabel = blankToNull(positiveLabel);
    }

    /** The slice columns, comma-separated. */
    @CheckForNull
    public String getSlices() {
        return slices;
    }

    @DataBoundSetter
    public void setSlices(final String slices) {
        this.slices = blankToNull(slices);
    }

    /** The sensitive attributes, comma-separated. */
    @CheckForNull
    public String getSensitive() {
        return sensitive;
    }

    @DataBoundSetter
    public void setSensitive(final String sensitive) {
        this.sensitive = blankToNull(sensitive);
    }

    public int getMinSliceSize() {
        return minSliceSize;
    }

    @DataBoundSetter
    public void setMinSliceSize(final int minSliceSize) {
        this.minSliceSize = minSliceSize;
    }

    public int getResamples() {
        return resamples;
    }

    @DataBoundSetter
    public void setResamples(final int resamples) {
        this.resamples = resamples;
    }

    public long getSeed() {
        return seed;
    }

    @DataBoundSetter
    public void setSeed(final long seed) {
        this.seed = seed;
    }

    @CheckForNull
    public String getLabelColumn() {
        return labelColumn;
    }

    @DataBoundSetter
    public void setLabelColumn(final String labelColumn) {
        this.labelColumn = blankToNull(labelColumn);
    }

    @CheckForNull
    public String getPredictionColumn() {
        return predictionColumn;
    }

    @DataBoundSetter
    public void setPredictionColumn(final String predictionColumn) {
        this.predictionColumn = blankToNull(predictionColumn);
    }

    @CheckForNull
    public String getScoreColumn() {
        return scoreColumn;
    }

    @DataBoundSetter
    public void setScoreColumn(final String scoreColumn) {
        this.scoreColumn = blankToNull(scoreColumn);
    }

    @CheckForNull
    public String getIdColumn() {
        return idColumn;
    }

    @DataBoundSetter
    public void setIdColumn(final String idColumn) {
        this.idColumn = blankToNull(idColumn);
    }

    public String getReportDir() {
        return reportDir;
    }

    @DataBoundSetter
    public void setReportDir(final String reportDir) {
        this.reportDir = blankToDefault(reportDir, EvaluationParameters.DEFAULT_REPORT_DIR);
    }

    public boolean isUnstableOnFailure() {
        return unstableOnFailure;
    }

    @DataBoundSetter
    public void setUnstableOnFailure(final boolean unstableOnFailure) {
        this.unstableOnFailure = unstableOnFailure;
    }

    /** The parameters as the serializable value that travels to the agent. */
    EvaluationParameters toParameters() {
        return new EvaluationParameters(predictions, task, gates, baselinePredictions, baselineMetrics, baseline,
                getServer(), getLocalRegistry(), format, positiveLabel, slices, sensitive, minSliceSize, resamples,
                seed, new EvaluationParameters.Columns(labelColumn, predictionColumn, scoreColumn, idColumn),
                reportDir);
    }

    /** How the outcome changes the build result. */
    EvaluationGate gate() {
        return new EvaluationGate(unstableOnFailure);
    }

    @Override
    public StepExecution start(final StepContext context) {
        return new EvaluateModelExecution(context, this);
    }

    /** Registers {@code evaluateModel} and fills and checks its form fields (the servers: {@link RegistryStep}). */
    @Extension
    public static final class DescriptorImpl extends RegistryStepDescriptor {
        public DescriptorImpl() {
            this(new JenkinsFacade());
        }

        DescriptorImpl(final JenkinsFacade jenkins) {
            super(jenkins, FUNCTION, DISPLAY_NAME, EvaluationParameters.DEFAULT_REPORT_DIR);
        }

        /**
         * Lists the tasks.
         *
         * @param item the job being configured, or {@code null} in the global snippet generator
         * @return the tasks, or nothing without read permission
         */
        @POST
        public ListBoxModel doFillTaskItems(@AncestorInPath @CheckForNull final Item item) {
            return jenkins().hasPermission(Item.READ, item)
                    ? FormOptions.choices(null, Arrays.stream(Task.values()).map(Task::id)) : new ListBoxModel();
        }

        /**
         * Lists the predictions formats.
         *
         * @param item the job being configured, or {@code null} in the global snippet generator
         * @return the formats, or nothing without read permission
         */
        @POST
        public ListBoxModel doFillFormatItems(@AncestorInPath @CheckForNull final Item item) {
            return jenkins().hasPermission(Item.READ, item) ? FormOptions.dataFormats() : new ListBoxModel();
        }

        /**
         * Checks that the baseline names a registered model, unless it holds a build variable.
         *
         * @param value the text in the form
         * @param item  the job being configured, or {@code null} in the global snippet generator
         * @return an error for anything but {@code models:/NAME@ALIAS} or {@code models:/NAME/VERSION}
         */
        @POST
        public FormValidation doCheckBaseline(@QueryParameter final String value,
                @AncestorInPath @CheckForNull final Item item) {
            var text = blankToNull(value);
            if (!jenkins().hasPermission(Item.READ, item) || text == null || text.contains("$")) {
                return FormValidation.ok();
            }
            try {
                EvaluationParameters.registeredModel(text);
                return FormValidation.ok();
            } catch (InputException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        /**
         * Checks the minimum slice size, since a form field bound to an {@code int} cannot say what was wrong.
         *
         * @param value the text in the form
         * @param item  the job being configured, or {@code null} in the global snippet generator
         * @return an error for anything but a positive whole number
         */
        @POST
        public FormValidation doCheckMinSliceSize(@QueryParameter final String value,
                @AncestorInPath @CheckForNull final Item item) {
            return jenkins().hasPermission(Item.READ, item) ? checkCount(value, 1) : FormValidation.ok();
        }

        /**
         * Checks the number of bootstrap resamples.
         *
         * @param value the text in the form
         * @param item  the job being configured, or {@code null} in the global snippet generator
         * @return an error for anything but a whole number of at least 0
         */
        @POST
        public FormValidation doCheckResamples(@QueryParameter final String value,
                @AncestorInPath @CheckForNull final Item item) {
            return jenkins().hasPermission(Item.READ, item) ? checkCount(value, 0) : FormValidation.ok();
        }

        private static FormValidation checkCount(final String value, final int minimum) {
            var text = blankToNull(value);
            if (text == null) {
                return FormValidation.ok();
            }
            try {
                if (Integer.parseInt(text) >= minimum) {
                    return FormValidation.ok();
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            return FormValidation.error("Expected a whole number of at least " + minimum);
        }
    }
}
