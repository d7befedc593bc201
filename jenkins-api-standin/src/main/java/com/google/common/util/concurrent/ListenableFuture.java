// Checked against google/guava 33.5.0-jre (the version Jenkins 2.541.3's bom/pom.xml pins):
// guava/src/com/google/common/util/concurrent/ListenableFuture.java
package com.google.common.util.concurrent;

import java.util.concurrent.Executor;
import java.util.concurrent.Future;

/**
 * Stand-in for Guava's {@code ListenableFuture}, which Jenkins core bundles: what {@code StepContext.saveState()}
 * returns.
 *
 * @param <V> the type of the result
 */
public interface ListenableFuture<V> extends Future<V> {
    /** Runs the listener on the executor once the future is done. */
    void addListener(Runnable listener, Executor executor);
}
