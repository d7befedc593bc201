package io.jenkins.plugins.mlops.evaluation;

import io.jenkins.plugins.mlops.util.JenkinsFacade;
import io.jenkins.plugins.mlops.util.PipelineResultHandler;
import io.jenkins.plugins.mlops.util.StepCall;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs {@code evaluateModel} in a Pipeline and returns its outcome as a map. Not resumable, like
 * {@code validateData}: evaluation reads files already in the workspace and finishes in seconds to minutes, so
 * after a controller restart the step fails and the stage can be run again.
 */
final class EvaluateModelExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    // Not restored after a restart: the execution is not resumable, so it never runs again after one.
    private final transient EvaluateModelStep step;

    EvaluateModelExecution(final StepContext context, final EvaluateModelStep step) {
        super(context);
        this.step = step;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        var context = getContext();
        var call = StepCall.of(context);
        var evaluation = new ModelEvaluation(call, new JenkinsFacade());
        var summary = evaluation.evaluate(step.toParameters());
        step.gate().apply(summary, new PipelineResultHandler(context), call.log());
        return toResult(summary);
    }

    /**
     * The value {@code evaluateModel} returns to the script. Plain mutable JDK collections, since the map lives on
     * in the Pipeline program state and in sandboxed scripts.
     */
    static Map<String, Object> toResult(final EvaluationSummary summary) {
        var result = new LinkedHashMap<String, Object>();
        result.put("status", summary.status().name());
        result.put("summary", summary.summary());
        result.put("metrics", summary.metricsForScript());
        result.put("comparisons", summary.comparisonsForScript());
        result.put("failedGates", new ArrayList<>(summary.failedGates()));
        result.put("reportDir", summary.reportDir());
        return result;
    }
}
