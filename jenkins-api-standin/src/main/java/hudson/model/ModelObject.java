package hudson.model;

/** Stand-in for {@code core/src/main/java/hudson/model/ModelObject.java}: an object with a display name. */
public interface ModelObject {
    String getDisplayName();
}
