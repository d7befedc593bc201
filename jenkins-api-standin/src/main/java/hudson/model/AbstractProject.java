package hudson.model;

/** Stand-in for {@code core/src/main/java/hudson/model/AbstractProject.java}. */
public abstract class AbstractProject<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Job<P, R> {
}
