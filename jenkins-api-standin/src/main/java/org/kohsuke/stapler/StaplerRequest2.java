// Checked against jenkinsci/stapler 2050.v425108fd5089 (the version core 2.541.3 uses):
// core/src/main/java/org/kohsuke/stapler/StaplerRequest2.java
package org.kohsuke.stapler;

import net.sf.json.JSONObject;

/**
 * Stand-in for {@code stapler: core/src/main/java/org/kohsuke/stapler/StaplerRequest2.java} (the real interface
 * extends Jakarta's {@code HttpServletRequest}, which the plugin does not use).
 */
public interface StaplerRequest2 {
    /** Sets the {@code @DataBoundSetter} properties of an existing object from submitted form data. */
    void bindJSON(Object bean, JSONObject src);
}
