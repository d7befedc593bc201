// Checked against jenkinsci/jenkins tag jenkins-2.541.3: core/src/main/java/hudson/model/Hudson.java
package hudson.model;

import jenkins.model.Jenkins;

/**
 * Stand-in for {@code core/src/main/java/hudson/model/Hudson.java}, only for {@link CloudList}, the declared type of
 * {@code Jenkins.clouds}. (The real class extends {@code Jenkins}; the plugin never uses a {@code Hudson} as such.)
 */
public class Hudson {
    private Hudson() {
        // stand-in: only Jenkins creates itself
    }

    /** The configured clouds: {@code Jenkins.clouds}. */
    public static class CloudList extends Jenkins.CloudList {
        public CloudList() {
            super();
        }
    }
}
