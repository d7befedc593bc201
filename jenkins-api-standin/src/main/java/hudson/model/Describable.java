package hudson.model;

/** Stand-in for {@code core/src/main/java/hudson/model/Describable.java} (default method since 2.505). */
public interface Describable<T extends Describable<T>> {
    default Descriptor<T> getDescriptor() {
        throw new UnsupportedOperationException("stand-in");
    }
}
