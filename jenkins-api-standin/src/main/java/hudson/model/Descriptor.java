package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;

/**
 * Stand-in for {@code core/src/main/java/hudson/model/Descriptor.java}: the metadata and form handling of a
 * {@link Describable}. The constructors do nothing here, so that plugin descriptors can be created in unit tests.
 */
public abstract class Descriptor<T extends Describable<T>> {
    protected Descriptor() {
        // stand-in: the real constructor infers the described class from the enclosing class
    }

    @NonNull
    public String getDisplayName() {
        throw new UnsupportedOperationException("stand-in");
    }

    /** Tells Jenkins that the help of {@code fieldName} is the help of another class's field (since 1.425). */
    protected void addHelpFileRedirect(final String fieldName, final Class<? extends Describable> owner,
            final String fieldNameToRedirectTo) {
        throw new UnsupportedOperationException("stand-in");
    }
}
