package hudson.model;

/** Stand-in for {@code core/src/main/java/hudson/model/AbstractDescribableImpl.java}. */
@Deprecated(since = "2.505")
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {
}
