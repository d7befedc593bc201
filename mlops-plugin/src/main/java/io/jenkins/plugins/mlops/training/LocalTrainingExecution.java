package io.jenkins.plugins.mlops.training;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.mlops.util.PipelineResultHandler;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

import java.util.Map;

/**
 * Runs {@code trainModel} with the {@code local} runner in a Pipeline: the command runs on the agent of the
 * enclosing {@code node} block, while a background thread of the controller waits for it. Not resumable, like the
 * other data steps: a local process cannot outlive the agent connection that reads its output, so after a controller
 * restart the step fails (the base class's {@code onResume}) and the stage can be run again. Trainings that must
 * survive a restart run on Kubernetes ({@link TrainModelExecution}).
 */
final class LocalTrainingExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    private final TrainingParameters parameters;
    // Not restored after a restart: the execution is not resumable, so it never runs again after one.
    private final transient TrainingServices services;

    LocalTrainingExecution(final StepContext context, final TrainingParameters parameters) {
        this(context, parameters, new TrainingServices());
    }

    LocalTrainingExecution(final StepContext context, final TrainingParameters parameters,
            final TrainingServices services) {
        super(context);
        this.parameters = parameters;
        this.services = services;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        var context = getContext();
        var workspace = context.get(FilePath.class);
        if (workspace == null) {
            throw new AbortException(TrainModelStep.FUNCTION + ": the local runner trains in a workspace: call "
                    + "trainModel inside a node block, or train on Kubernetes with an image (runner: 'kubernetes')");
        }
        var listener = context.get(TaskListener.class);
        var training = new ModelTraining(context.get(Run.class), context.get(EnvVars.class), listener, services);
        var summary = training.trainLocally(parameters, workspace);
        TrainingGate.apply(summary, new PipelineResultHandler(context), listener.getLogger());
        return summary.toResult();
    }
}
