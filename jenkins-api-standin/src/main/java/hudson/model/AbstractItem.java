package hudson.model;

/** Stand-in for {@code core/src/main/java/hudson/model/AbstractItem.java}. */
public abstract class AbstractItem extends Actionable implements Item {
}
