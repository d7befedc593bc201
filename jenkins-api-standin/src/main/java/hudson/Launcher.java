package hudson;

/** Stand-in for {@code core/src/main/java/hudson/Launcher.java}; the plugin only receives it. */
public abstract class Launcher {
    private Launcher() {
        // stand-in: the real constructors are protected and never called by the plugin
    }
}
