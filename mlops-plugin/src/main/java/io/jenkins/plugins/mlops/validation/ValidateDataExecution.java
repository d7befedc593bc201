package io.jenkins.plugins.mlops.validation;

import io.jenkins.plugins.mlops.util.PipelineResultHandler;
import io.jenkins.plugins.mlops.util.StepCall;
import io.mlops.validation.ValidationSummary;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs {@code validateData} in a Pipeline and returns its outcome as a map.
 *
 * <p>A {@link SynchronousNonBlockingStepExecution}: the validation blocks a background thread, never the Pipeline
 * VM thread, and it is deliberately not resumable. Validation reads files already in the workspace and finishes in
 * minutes, so after a controller restart the step fails (the base class's {@code onResume}) and the stage can be run
 * again, unlike {@code trainModel} and {@code canaryDeploy}, which must survive a restart.
 */
final class ValidateDataExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    // Not restored after a restart: the execution is not resumable, so it never runs again after one.
    private final transient ValidateDataStep step;

    ValidateDataExecution(final StepContext context, final ValidateDataStep step) {
        super(context);
        this.step = step;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        var context = getContext();
        var call = StepCall.of(context);
        var validation = new DatasetValidation(call);
        var summary = validation.validate(step.toParameters());
        step.gate().apply(summary, new PipelineResultHandler(context), call.log());
        return toResult(summary);
    }

    /**
     * The value {@code validateData} returns to the script. Plain mutable JDK collections, since the map lives on in
     * the Pipeline program state and in sandboxed scripts.
     */
    static Map<String, Object> toResult(final ValidationSummary summary) {
        var result = new LinkedHashMap<String, Object>();
        result.put("status", summary.status().name());
        result.put("rows", summary.rows());
        result.put("failedChecks", summary.failedChecks());
        result.put("failedCheckNames", new ArrayList<>(summary.failedCheckNames()));
        result.put("driftedColumns", new ArrayList<>(summary.driftedColumns()));
        result.put("reportDir", summary.reportDir());
        result.put("summary", summary.summary());
        return result;
    }
}
