package io.jenkins.plugins.mlops.util;

import hudson.model.Result;
import hudson.model.Run;

/** Sets the result of a freestyle build directly on the {@link Run}. */
public final class RunResultHandler implements ResultHandler {
    private final Run<?, ?> run;

    public RunResultHandler(final Run<?, ?> run) {
        this.run = run;
    }

    @Override
    public void setResult(final Result result) {
        run.setResult(result);
    }
}
