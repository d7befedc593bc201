package io.jenkins.plugins.mlops.registry;

import io.jenkins.plugins.mlops.util.JenkinsFacade;
import io.jenkins.plugins.mlops.util.PipelineResultHandler;
import io.jenkins.plugins.mlops.util.StepCall;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs {@code registerModel} in a Pipeline and returns the version as a map. Not resumable, like the other steps:
 * registration is idempotent per build (a version carries the build's URL), so after a controller restart the stage
 * can be run again and returns the version the first attempt made.
 */
final class RegisterModelExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    // Not restored after a restart: the execution is not resumable, so it never runs again after one.
    private final transient RegisterModelStep step;

    RegisterModelExecution(final StepContext context, final RegisterModelStep step) {
        super(context);
        this.step = step;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        var context = getContext();
        var call = StepCall.of(context);
        var registration = new ModelRegistration(call, new JenkinsFacade());
        var summary = registration.register(step.toParameters());
        RegistrationGate.apply(summary, new PipelineResultHandler(context), call.log());
        return toResult(summary);
    }

    /**
     * The value {@code registerModel} returns to the script. A plain mutable JDK map, since it lives on in the
     * Pipeline program state and in sandboxed scripts.
     */
    static Map<String, Object> toResult(final RegistrationSummary summary) {
        var result = new LinkedHashMap<String, Object>();
        result.put("name", summary.name());
        result.put("version", summary.version());
        result.put("alias", summary.alias());
        result.put("uri", summary.uri());
        result.put("created", summary.created());
        result.put("summary", summary.summary());
        result.put("reportDir", summary.reportDir());
        return result;
    }
}
