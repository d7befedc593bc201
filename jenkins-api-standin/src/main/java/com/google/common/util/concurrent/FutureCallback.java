// Checked against google/guava 33.5.0-jre (the version Jenkins 2.541.3's bom/pom.xml pins):
// guava/src/com/google/common/util/concurrent/FutureCallback.java
package com.google.common.util.concurrent;

/**
 * Stand-in for Guava's {@code FutureCallback}, which Jenkins core bundles: {@code StepContext} implements it, and
 * a step execution completes through it.
 *
 * @param <V> the type of the result
 */
public interface FutureCallback<V> {
    /** Called with the result of a successful computation. */
    void onSuccess(V result);

    /** Called when the computation failed or was cancelled. */
    void onFailure(Throwable t);
}
