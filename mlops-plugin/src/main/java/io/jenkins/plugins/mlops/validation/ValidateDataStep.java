package io.jenkins.plugins.mlops.validation;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.mlops.util.FormOptions;
import io.jenkins.plugins.mlops.util.JenkinsFacade;
import io.jenkins.plugins.mlops.util.MlopsStepDescriptor;
import io.jenkins.plugins.mlops.util.ParameterText;
import io.mlops.validation.drift.DriftMethod;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

import java.util.Arrays;

/**
 * The {@code validateData} Pipeline step, and the one place where the parameters of data validation are declared
 * (with its {@code config.jelly} and {@code help-*.html}).
 *
 * <p>The freestyle {@link ValidateDataBuilder} does not repeat them: it holds an instance of this step as its only
 * property and renders it with {@code <f:property field="step"/>}. A shared base class is impossible (a Pipeline
 * step must extend {@link Step}, a freestyle step {@link hudson.tasks.Builder}), and sharing through an interface
 * does not bind: Stapler ({@code RequestImpl.findDataBoundSetter}) and structs ({@code DescribableModel}) look for
 * {@code @DataBoundSetter}s along the superclass chain only, never in interfaces.
 */
public final class ValidateDataStep extends Step {
    static final String FUNCTION = "validateData";
    static final String DISPLAY_NAME = "Validate ML dataset";

    private final String data;
    private String schema;
    private String reference;
    private String format;
    private String reportDir = ValidationParameters.DEFAULT_REPORT_DIR;
    private String driftMethod;
    private Double driftThreshold;
    private boolean unstableOnFailure;

    /**
     * Creates the step.
     *
     * @param data the dataset to validate, relative to the workspace
     */
    @DataBoundConstructor
    public ValidateDataStep(final String data) {
        this.data = ParameterText.blankToNull(data);
    }

    public String getData() {
        return data;
    }

    @CheckForNull
    public String getSchema() {
        return schema;
    }

    @DataBoundSetter
    public void setSchema(final String schema) {
        this.schema = ParameterText.blankToNull(schema);
    }

    @CheckForNull
    public String getReference() {
        return reference;
    }

    @DataBoundSetter
    public void setReference(final String reference) {
        this.reference = ParameterText.blankToNull(reference);
    }

    @CheckForNull
    public String getFormat() {
        return format;
    }

    @DataBoundSetter
    public void setFormat(final String format) {
        this.format = ParameterText.blankToNull(format);
    }

    public String getReportDir() {
        return reportDir;
    }

    @DataBoundSetter
    public void setReportDir(final String reportDir) {
        this.reportDir = ParameterText.blankToDefault(reportDir, ValidationParameters.DEFAULT_REPORT_DIR);
    }

    @CheckForNull
    public String getDriftMethod() {
        return driftMethod;
    }

    @DataBoundSetter
    public void setDriftMethod(final String driftMethod) {
        this.driftMethod = ParameterText.blankToNull(driftMethod);
    }

    @CheckForNull
    public Double getDriftThreshold() {
        return driftThreshold;
    }

    @DataBoundSetter
    public void setDriftThreshold(final Double driftThreshold) {
        this.driftThreshold = driftThreshold;
    }

    public boolean isUnstableOnFailure() {
        return unstableOnFailure;
    }

    @DataBoundSetter
    public void setUnstableOnFailure(final boolean unstableOnFailure) {
        this.unstableOnFailure = unstableOnFailure;
    }

    /** The parameters as the serializable value that travels to the agent. */
    ValidationParameters toParameters() {
        return new ValidationParameters(data, schema, reference, format, reportDir, driftMethod, driftThreshold);
    }

    /** How the outcome changes the build result. */
    ValidationGate gate() {
        return new ValidationGate(unstableOnFailure);
    }

    @Override
    public StepExecution start(final StepContext context) {
        return new ValidateDataExecution(context, this);
    }

    /** Registers {@code validateData} and fills and checks its form fields. */
    @Extension
    public static final class DescriptorImpl extends MlopsStepDescriptor {
        public DescriptorImpl() {
            this(new JenkinsFacade());
        }

        DescriptorImpl(final JenkinsFacade jenkins) {
            super(jenkins, FUNCTION, DISPLAY_NAME, ValidationParameters.DEFAULT_REPORT_DIR);
        }

        /**
         * Lists the dataset formats.
         *
         * @param item the job being configured, or {@code null} in the global snippet generator
         * @return the formats, or nothing without read permission
         */
        @POST
        public ListBoxModel doFillFormatItems(@AncestorInPath @CheckForNull final Item item) {
            if (!jenkins().hasPermission(Item.READ, item)) {
                return new ListBoxModel();
            }
            return FormOptions.dataFormats();
        }

        /**
         * Lists the drift tests.
         *
         * @param item the job being configured, or {@code null} in the global snippet generator
         * @return the drift tests, or nothing without read permission
         */
        @POST
        public ListBoxModel doFillDriftMethodItems(@AncestorInPath @CheckForNull final Item item) {
            if (!jenkins().hasPermission(Item.READ, item)) {
                return new ListBoxModel();
            }
            return FormOptions.choices("As the schema says (auto by default)",
                    Arrays.stream(DriftMethod.values()).map(DriftMethod::id));
        }

        /**
         * Checks the drift threshold, since an unparsable number would otherwise silently bind as "not set".
         *
         * @param value the text in the form
         * @param item  the job being configured, or {@code null} in the global snippet generator
         * @return an error for anything but a positive number
         */
        @POST
        public FormValidation doCheckDriftThreshold(@QueryParameter final String value,
                @AncestorInPath @CheckForNull final Item item) {
            var text = ParameterText.blankToNull(value);
            if (text == null || !jenkins().hasPermission(Item.READ, item)) {
                return FormValidation.ok();
            }
            try {
                double threshold = Double.parseDouble(text);
                if (threshold > 0 && Double.isFinite(threshold)) {
                    return FormValidation.ok();
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            return FormValidation.error("Expected a number greater than 0, such as 0.05 for a p-value or 0.1 for a distance");
        }
    }
}
