package io.jenkins.plugins.mlops.training;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.Builder;
import io.jenkins.plugins.mlops.util.MlopsBuilderDescriptor;
import io.jenkins.plugins.mlops.util.RunResultHandler;
import io.mlops.util.InputException;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

import java.io.IOException;
import java.util.Objects;

/**
 * The freestyle build step "Train ML model". Its only property is a {@link TrainModelStep}, which declares the
 * parameters, the form and the help once for both. It blocks the build's executor until the training ends, with
 * either runner (a Kubernetes training is followed from the controller, a local one runs on the agent), and does
 * not survive a controller restart; the Pipeline step does, on Kubernetes.
 */
public final class TrainModelBuilder extends Builder implements SimpleBuildStep {
    private final TrainModelStep step;
    private transient TrainingServices services;

    /**
     * Creates the build step.
     *
     * @param step the training parameters
     */
    @DataBoundConstructor
    public TrainModelBuilder(final TrainModelStep step) {
        this.step = Objects.requireNonNull(step, "step");
    }

    TrainModelBuilder(final TrainModelStep step, final TrainingServices services) {
        this(step);
        this.services = services;
    }

    public TrainModelStep getStep() {
        return step;
    }

    @Override
    public void perform(@NonNull final Run<?, ?> run, @NonNull final FilePath workspace, @NonNull final EnvVars env,
            @NonNull final Launcher launcher, @NonNull final TaskListener listener)
            throws InterruptedException, IOException {
        TrainingParameters parameters;
        TrainingParameters.Runner runner;
        try {
            parameters = step.toParameters().expand(env::expand);
            runner = parameters.runnerKind();
        } catch (InputException e) {
            throw new AbortException(TrainModelStep.FUNCTION + ": " + e.getMessage());
        }
        var training = new ModelTraining(run, env, listener, services == null ? new TrainingServices() : services);
        var summary = runner == TrainingParameters.Runner.LOCAL
                ? training.trainLocally(parameters, workspace)
                : training.trainOnKubernetes(parameters, workspace);
        TrainingGate.apply(summary, new RunResultHandler(run), listener.getLogger());
    }

    /** Offers the build step in freestyle jobs; the symbol serves Job DSL and the generic {@code step} step. */
    @Extension
    @Symbol("trainMlModel")
    public static final class DescriptorImpl extends MlopsBuilderDescriptor {
        public DescriptorImpl() {
            super(TrainModelStep.class, TrainModelStep.DISPLAY_NAME);
        }
    }
}
