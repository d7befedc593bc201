package io.jenkins.plugins.mlops.registry;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.Builder;
import io.jenkins.plugins.mlops.util.JenkinsFacade;
import io.jenkins.plugins.mlops.util.MlopsBuilderDescriptor;
import io.jenkins.plugins.mlops.util.RunResultHandler;
import io.jenkins.plugins.mlops.util.StepCall;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

import java.io.IOException;
import java.util.Objects;

/**
 * The freestyle build step "Register ML model". Its only property is a {@link RegisterModelStep}, which declares
 * the parameters, the form and the help once for both.
 */
public final class RegisterModelBuilder extends Builder implements SimpleBuildStep {
    private final RegisterModelStep step;

    /**
     * Creates the build step.
     *
     * @param step the registration parameters
     */
    @DataBoundConstructor
    public RegisterModelBuilder(final RegisterModelStep step) {
        this.step = Objects.requireNonNull(step, "step");
    }

    public RegisterModelStep getStep() {
        return step;
    }

    @Override
    public void perform(@NonNull final Run<?, ?> run, @NonNull final FilePath workspace, @NonNull final EnvVars env,
            @NonNull final Launcher launcher, @NonNull final TaskListener listener)
            throws InterruptedException, IOException {
        var parameters = step.toParameters().expand(env::expand);
        var call = new StepCall(run, workspace, env, listener);
        var summary = new ModelRegistration(call, new JenkinsFacade()).register(parameters);
        RegistrationGate.apply(summary, new RunResultHandler(run), listener.getLogger());
    }

    /** Offers the build step in freestyle jobs; the symbol serves Job DSL and the generic {@code step} step. */
    @Extension
    @Symbol("registerMlModel")
    public static final class DescriptorImpl extends MlopsBuilderDescriptor {
        public DescriptorImpl() {
            super(RegisterModelStep.class, RegisterModelStep.DISPLAY_NAME);
        }
    }
}
