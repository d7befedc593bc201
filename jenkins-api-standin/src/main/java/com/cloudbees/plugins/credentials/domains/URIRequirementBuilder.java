// Checked against jenkinsci/credentials-plugin at commit d96751bc (2026-04-22, build 1504); the BOM bom-2.541.x
// 6916.v15ec97679743 pins 1511.v2e3cb_0008ef0, seven commits later. Every member declared here dates from 2.1 or
// earlier. Source:
// src/main/java/com/cloudbees/plugins/credentials/domains/URIRequirementBuilder.java
package com.cloudbees.plugins.credentials.domains;

import edu.umd.cs.findbugs.annotations.CheckForNull;

import java.util.List;

/**
 * Stand-in for {@code credentials: .../credentials/domains/URIRequirementBuilder.java}: the domain requirements of
 * a URL (scheme, host name and port, path), so that credentials restricted to a domain are found for it.
 */
public class URIRequirementBuilder {
    private URIRequirementBuilder() {
        // stand-in: the plugin uses the factory
    }

    public static URIRequirementBuilder fromUri(@CheckForNull final String uri) {
        throw new UnsupportedOperationException("stand-in");
    }

    public List<DomainRequirement> build() {
        throw new UnsupportedOperationException("stand-in");
    }
}
