package hudson.remoting;

/** Stand-in for {@code remoting: src/main/java/hudson/remoting/VirtualChannel.java}; the plugin only receives it. */
public interface VirtualChannel {
}
