package io.jenkins.plugins.mlops.validation;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.Builder;
import io.jenkins.plugins.mlops.util.MlopsBuilderDescriptor;
import io.jenkins.plugins.mlops.util.RunResultHandler;
import io.jenkins.plugins.mlops.util.StepCall;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

import java.io.IOException;
import java.util.Objects;

/**
 * The freestyle build step "Validate ML dataset". Its only property is a {@link ValidateDataStep}, which declares
 * the parameters, the form and the help once for both (see there for why a wrapper and not a base class).
 */
public final class ValidateDataBuilder extends Builder implements SimpleBuildStep {
    private final ValidateDataStep step;

    /**
     * Creates the build step.
     *
     * @param step the validation parameters
     */
    @DataBoundConstructor
    public ValidateDataBuilder(final ValidateDataStep step) {
        this.step = Objects.requireNonNull(step, "step");
    }

    public ValidateDataStep getStep() {
        return step;
    }

    @Override
    public void perform(@NonNull final Run<?, ?> run, @NonNull final FilePath workspace, @NonNull final EnvVars env,
            @NonNull final Launcher launcher, @NonNull final TaskListener listener)
            throws InterruptedException, IOException {
        var parameters = step.toParameters().expand(env::expand);
        var summary = new DatasetValidation(new StepCall(run, workspace, env, listener)).validate(parameters);
        step.gate().apply(summary, new RunResultHandler(run), listener.getLogger());
    }

    /** Offers the build step in freestyle jobs; the symbol serves Job DSL and the generic {@code step} step. */
    @Extension
    @Symbol("validateMlDataset")
    public static final class DescriptorImpl extends MlopsBuilderDescriptor {
        public DescriptorImpl() {
            super(ValidateDataStep.class, ValidateDataStep.DISPLAY_NAME);
        }
    }
}
