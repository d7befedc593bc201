package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;

import java.util.List;

/**
 * Stand-in for {@code core/src/main/java/hudson/model/Actionable.java} (the real class extends
 * {@code AbstractModelObject}, which the plugin does not use).
 */
public abstract class Actionable {
    public void addAction(@NonNull final Action a) {
        throw new UnsupportedOperationException("stand-in");
    }

    @NonNull
    public <T extends Action> List<T> getActions(final Class<T> type) {
        throw new UnsupportedOperationException("stand-in");
    }
}
