// Checked against jenkinsci/jenkins tag jenkins-2.541.3: core/src/main/java/jenkins/util/Timer.java
package jenkins.util;

import edu.umd.cs.findbugs.annotations.NonNull;

import java.util.concurrent.ScheduledExecutorService;

/**
 * Stand-in for {@code core/src/main/java/jenkins/util/Timer.java}: the controller's shared scheduler for short,
 * periodic work (such as a step polling an external system). Tasks must not block it for long.
 */
public class Timer {
    private Timer() {
        // stand-in: the plugin never creates one (the real class has the implicit constructor)
    }

    /** The shared scheduler, created on first use. */
    @NonNull
    public static synchronized ScheduledExecutorService get() {
        throw new UnsupportedOperationException("stand-in");
    }
}
