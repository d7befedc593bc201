// Checked against jenkinsci/credentials-plugin at commit d96751bc (2026-04-22, build 1504); the BOM bom-2.541.x
// 6916.v15ec97679743 pins 1511.v2e3cb_0008ef0, seven commits later. Every member declared here dates from 2.1 or
// earlier. Source:
// src/main/java/com/cloudbees/plugins/credentials/CredentialsProvider.java
package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Run;

import java.util.List;

/**
 * Stand-in for {@code credentials: src/main/java/com/cloudbees/plugins/credentials/CredentialsProvider.java}: only
 * the static look-ups the plugin calls. (The real class extends {@code Descriptor<CredentialsProvider>} and
 * implements {@code ExtensionPoint}, {@code Describable} and {@code IconSpec}.)
 */
public abstract class CredentialsProvider {
    protected CredentialsProvider() {
        super();
    }

    /**
     * The credentials with an id that a build may use, as its job's default authentication sees them (since 1.16).
     *
     * @return the credentials, or {@code null} when there are none or the build may not use them
     */
    @CheckForNull
    public static <C extends IdCredentials> C findCredentialById(@NonNull final String id,
            @NonNull final Class<C> type, @NonNull final Run<?, ?> run,
            @CheckForNull final List<DomainRequirement> domainRequirements) {
        throw new UnsupportedOperationException("stand-in");
    }

    /** Records that a build used the credentials, for their usage fingerprint (since 2.1.1). */
    @CheckForNull
    @SuppressWarnings("rawtypes") // the real signature takes a raw Run
    public static <C extends Credentials> C track(@NonNull final Run build, @CheckForNull final C credentials) {
        throw new UnsupportedOperationException("stand-in");
    }
}
