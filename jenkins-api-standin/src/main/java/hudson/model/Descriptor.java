// Checked against jenkinsci/jenkins tag jenkins-2.541.3: core/src/main/java/hudson/model/Descriptor.java
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * Stand-in for {@code core/src/main/java/hudson/model/Descriptor.java}: the metadata and form handling of a
 * {@link Describable}. The constructors do nothing here, so that plugin descriptors can be created in unit tests.
 * (The real class also implements {@code Loadable}, {@code Saveable} and {@code OnMaster}.)
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

    /** Takes the submitted configuration of this descriptor (since 2.475). */
    public boolean configure(final StaplerRequest2 req, final JSONObject json) throws FormException {
        throw new UnsupportedOperationException("stand-in");
    }

    /** Writes this descriptor to {@code $JENKINS_HOME/<id>.xml}, unless inside a {@code BulkChange}. */
    public synchronized void save() {
        throw new UnsupportedOperationException("stand-in");
    }

    /** Reads this descriptor from {@code $JENKINS_HOME/<id>.xml} when the file exists. */
    public synchronized void load() {
        throw new UnsupportedOperationException("stand-in");
    }

    /** A form submission that Jenkins shows as an error (the real class also implements {@code HttpResponse}). */
    public static final class FormException extends Exception {
        private static final long serialVersionUID = 1L;

        public FormException(final String message, final String formField) {
            super(message);
        }
    }
}
