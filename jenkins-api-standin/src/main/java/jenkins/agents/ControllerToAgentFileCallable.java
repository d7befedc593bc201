package jenkins.agents;

import hudson.FilePath;
import org.jenkinsci.remoting.RoleChecker;

/**
 * Stand-in for {@code core/src/main/java/jenkins/agents/ControllerToAgentFileCallable.java} (since 2.485): a file
 * callable the controller may send to an agent; unlike {@code MasterToSlaveFileCallable} it can be a record.
 */
public interface ControllerToAgentFileCallable<T> extends FilePath.FileCallable<T> {
    @Override
    default void checkRoles(final RoleChecker checker) throws SecurityException {
        throw new UnsupportedOperationException("stand-in");
    }
}
