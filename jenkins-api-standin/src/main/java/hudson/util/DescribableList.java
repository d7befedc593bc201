// Checked against jenkinsci/jenkins tag jenkins-2.541.3: core/src/main/java/hudson/util/DescribableList.java
package hudson.util;

import hudson.model.Describable;
import hudson.model.Descriptor;

/**
 * Stand-in for {@code core/src/main/java/hudson/util/DescribableList.java}: a persisted list of describables, such as
 * the configured clouds.
 *
 * @param <T> the type of the elements
 * @param <D> the type of their descriptors
 */
public class DescribableList<T extends Describable<T>, D extends Descriptor<T>> extends PersistedList<T> {
    protected DescribableList() {
        super();
    }
}
