package io.jenkins.plugins.mlops.registry;

/** Steps for tests, shared by the unit tests and the JenkinsRule tests. */
final class Steps {
    private Steps() {
    }

    /** A step with every parameter set to something other than its default. */
    static RegisterModelStep everyParameterSet() {
        var step = new RegisterModelStep("churn-classifier");
        step.setModelPath("build/model");
        step.setSource("runs:/abc123/model");
        step.setRunId("abc123");
        step.setExperiment("churn");
        step.setAlias("candidate");
        step.setDescription("Gradient boosting, June data");
        step.setTags("team=fraud\nticket=ML-123");
        step.setEvaluation("mlops-reports/evaluate-model/report.json");
        step.setServer("production");
        step.setLocalRegistry("registry");
        step.setReportDir("reports/register");
        return step;
    }
}
