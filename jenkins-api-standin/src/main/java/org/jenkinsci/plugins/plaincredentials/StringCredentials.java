// Checked against jenkinsci/plain-credentials-plugin 199.v9f8e1f741799 (the version bom-2.541.x 6916.v15ec97679743
// pins; commit 9f8e1f741799): src/main/java/org/jenkinsci/plugins/plaincredentials/StringCredentials.java
package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;

/**
 * Stand-in for {@code plain-credentials: .../plaincredentials/StringCredentials.java}: "Secret text" credentials
 * (without the nested {@code NameProvider}).
 */
public interface StringCredentials extends StandardCredentials {
    @NonNull Secret getSecret();
}
