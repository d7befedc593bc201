package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/** Stand-in for {@code core/src/main/java/hudson/model/Action.java}: something attached to a model object. */
public interface Action extends ModelObject {
    @CheckForNull
    String getIconFileName();

    @Override
    @CheckForNull
    String getDisplayName();

    @CheckForNull
    String getUrlName();
}
