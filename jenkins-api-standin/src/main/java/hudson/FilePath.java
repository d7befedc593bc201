package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.remoting.VirtualChannel;
import org.jenkinsci.remoting.RoleSensitive;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;

/** Stand-in for {@code core/src/main/java/hudson/FilePath.java}: a file on the controller or on an agent. */
public final class FilePath implements SerializableOnlyOverRemoting {
    private static final long serialVersionUID = 1L;

    private FilePath() {
        // stand-in: the plugin only receives FilePaths, so none of the real constructors is declared
    }

    /** Runs the callable where the file is: serialized to the agent, or in this JVM for a local file. */
    public <T> T act(final FileCallable<T> callable) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in");
    }

    public @NonNull FilePath child(final String relOrAbsolute) {
        throw new UnsupportedOperationException("stand-in");
    }

    public boolean isRemote() {
        throw new UnsupportedOperationException();
    }

    public boolean exists() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in");
    }

    /** Streams this file into the given (controller-side) stream. */
    public void copyTo(final OutputStream os) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in");
    }

    /** Work on the file's own node. */
    public interface FileCallable<T> extends Serializable, RoleSensitive {
        T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
    }
}
