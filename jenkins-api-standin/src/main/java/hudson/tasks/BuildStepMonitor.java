package hudson.tasks;

/** Stand-in for {@code core/src/main/java/hudson/tasks/BuildStepMonitor.java} (constants only). */
public enum BuildStepMonitor {
    NONE, STEP, BUILD
}
