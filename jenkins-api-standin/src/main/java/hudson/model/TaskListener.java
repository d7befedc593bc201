package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

import java.io.PrintStream;

/**
 * Stand-in for {@code core/src/main/java/hudson/model/TaskListener.java}: the build log. Real listeners can be
 * sent to an agent, where their logger writes back to the controller.
 */
public interface TaskListener extends SerializableOnlyOverRemoting {
    @NonNull
    PrintStream getLogger();
}
