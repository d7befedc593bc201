package io.jenkins.plugins.mlops.evaluation;

/** Steps for tests, shared by the unit tests and the JenkinsRule tests. */
final class Steps {
    private Steps() {
    }

    /**
     * A step with every parameter set to something other than its default, but for the registered baseline, which
     * excludes {@code baselinePredictions} ({@link #registeredBaseline()}).
     */
    static EvaluateModelStep everyParameterSet() {
        var step = new EvaluateModelStep("eval/candidate.csv", "binary");
        step.setGates("eval/gates.yaml");
        step.setBaselinePredictions("eval/production.csv");
        step.setFormat("csv");
        step.setPositiveLabel("yes");
        step.setSlices("region, device");
        step.setSensitive("gender");
        step.setMinSliceSize(50);
        step.setResamples(200);
        step.setSeed(7);
        step.setLabelColumn("truth");
        step.setPredictionColumn("predicted");
        step.setScoreColumn("probability");
        step.setIdColumn("row_id");
        step.setReportDir("reports/model");
        step.setUnstableOnFailure(true);
        return step;
    }

    /** A step that compares with a registered model in a configured MLflow server. */
    static EvaluateModelStep registeredBaseline() {
        var step = new EvaluateModelStep("eval/candidate.csv", "binary");
        step.setBaseline("models:/churn@champion");
        step.setServer("production");
        step.setLocalRegistry("registry");
        return step;
    }
}
