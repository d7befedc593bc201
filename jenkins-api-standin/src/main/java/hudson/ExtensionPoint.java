package hudson;

/** Stand-in for {@code core/src/main/java/hudson/ExtensionPoint.java}: marks an extensible type. */
public interface ExtensionPoint {
}
