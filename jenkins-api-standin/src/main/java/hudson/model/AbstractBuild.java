package hudson.model;

/** Stand-in for {@code core/src/main/java/hudson/model/AbstractBuild.java}. */
public abstract class AbstractBuild<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Run<P, R> {
}
