package hudson.model;

/** Stand-in for {@code core/src/main/java/hudson/model/BuildListener.java}. */
public interface BuildListener extends TaskListener {
}
