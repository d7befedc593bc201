package io.jenkins.plugins.mlops.util;

import hudson.model.Result;

/**
 * Makes the build result worse without the caller knowing whether it runs in a freestyle build or a Pipeline.
 */
@FunctionalInterface
public interface ResultHandler {
    /**
     * Sets the result; a result better than the current one is ignored by Jenkins.
     *
     * @param result typically {@link Result#UNSTABLE}
     */
    void setResult(Result result);
}
