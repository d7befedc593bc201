// Checked against jenkinsci/json-lib (org.kohsuke.stapler:json-lib 2.4-jenkins-15, the version core 2.541.3 uses):
// src/main/java/net/sf/json/JSONObject.java
package net.sf.json;

/**
 * Stand-in for {@code json-lib: src/main/java/net/sf/json/JSONObject.java}, the submitted form data; the plugin
 * only passes it on. (The real class extends {@code AbstractJSON} and implements {@code JSON},
 * {@code Map<String, Object>} and {@code Comparable}.)
 */
public final class JSONObject {
    private JSONObject() {
        // stand-in: the plugin only receives form data
    }
}
