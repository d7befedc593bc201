// Checked against jenkinsci/jenkins tag jenkins-2.541.3: core/src/main/java/hudson/util/PersistedList.java
package hudson.util;

import java.util.AbstractList;
import java.util.List;

/**
 * Stand-in for {@code core/src/main/java/hudson/util/PersistedList.java}: a list of configuration objects that saves
 * its owner when it changes, such as {@code Jenkins.clouds}.
 *
 * @param <T> the type of the elements
 */
public class PersistedList<T> extends AbstractList<T> {
    protected PersistedList() {
        // stand-in: the real list keeps its elements in a copy-on-write list
    }

    /** The elements of a type, in their order. */
    public <U extends T> List<U> getAll(final Class<U> type) {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public T get(final int index) {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public int size() {
        throw new UnsupportedOperationException("stand-in");
    }
}
