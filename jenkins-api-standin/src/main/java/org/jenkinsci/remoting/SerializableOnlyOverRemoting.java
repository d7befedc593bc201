package org.jenkinsci.remoting;

import java.io.Serializable;

/** Stand-in for {@code remoting: src/main/java/org/jenkinsci/remoting/SerializableOnlyOverRemoting.java}. */
public interface SerializableOnlyOverRemoting extends Serializable {
}
