// Checked against jenkinsci/jenkins tag jenkins-2.541.3: core/src/main/java/hudson/model/Run.java
package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;

import java.io.File;

/** Stand-in for {@code core/src/main/java/hudson/model/Run.java}: one build of a job. */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable
        implements ExtensionPoint {
    /** Sets the result; it can only get worse. */
    public void setResult(@NonNull final Result r) {
        throw new UnsupportedOperationException("stand-in");
    }

    /** The build directory on the controller. */
    public @NonNull File getRootDir() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public void addAction(@NonNull final Action a) {
        throw new UnsupportedOperationException("stand-in");
    }

    /** The build number. */
    public int getNumber() {
        throw new UnsupportedOperationException("stand-in");
    }

    /** When the build started (left the queue), in milliseconds since the epoch. */
    public final long getStartTimeInMillis() {
        throw new UnsupportedOperationException("stand-in");
    }

    /** The build before this one, or {@code null} for the first. */
    public @CheckForNull RunT getPreviousBuild() {
        throw new UnsupportedOperationException("stand-in");
    }
}
