package io.jenkins.plugins.mlops.validation;

/** Steps for tests, shared by the unit tests and the JenkinsRule tests. */
final class Steps {
    private Steps() {
    }

    /** A step with every parameter set to something other than its default. */
    static ValidateDataStep everyParameterSet() {
        var step = new ValidateDataStep("data/train.csv");
        step.setSchema("data/schema.yaml");
        step.setReference("data/reference.csv");
        step.setFormat("csv");
        step.setReportDir("reports/data");
        step.setDriftMethod("psi");
        step.setDriftThreshold(0.2);
        step.setUnstableOnFailure(true);
        return step;
    }
}
