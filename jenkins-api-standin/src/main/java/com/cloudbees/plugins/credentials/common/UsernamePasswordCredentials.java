// Checked against jenkinsci/credentials-plugin at commit d96751bc (2026-04-22, build 1504); the BOM bom-2.541.x
// 6916.v15ec97679743 pins 1511.v2e3cb_0008ef0, seven commits later. Every member declared here dates from 2.1 or
// earlier. Source:
// src/main/java/com/cloudbees/plugins/credentials/common/UsernamePasswordCredentials.java
package com.cloudbees.plugins.credentials.common;

/**
 * Stand-in for {@code credentials: .../credentials/common/UsernamePasswordCredentials.java}: a user name and a password.
 */
public interface UsernamePasswordCredentials extends UsernameCredentials, PasswordCredentials {
}
