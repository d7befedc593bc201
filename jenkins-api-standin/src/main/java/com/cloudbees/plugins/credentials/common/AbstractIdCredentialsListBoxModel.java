// Checked against jenkinsci/credentials-plugin at commit d96751bc (2026-04-22, build 1504); the BOM bom-2.541.x
// 6916.v15ec97679743 pins 1511.v2e3cb_0008ef0, seven commits later. Every member declared here dates from 2.1 or
// earlier. Source:
// src/main/java/com/cloudbees/plugins/credentials/common/AbstractIdCredentialsListBoxModel.java
package com.cloudbees.plugins.credentials.common;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import hudson.util.ListBoxModel;

/**
 * Stand-in for {@code credentials: .../credentials/common/AbstractIdCredentialsListBoxModel.java} (since 1.6): a
 * drop-down of credential ids, filled by the credentials providers.
 */
public abstract class AbstractIdCredentialsListBoxModel<T extends AbstractIdCredentialsListBoxModel<T, C>,
        C extends IdCredentials> extends ListBoxModel {
    private static final long serialVersionUID = 1L;

    @NonNull
    protected abstract String describe(@NonNull C c);

    /** Adds the "none" entry (since 2.1.0). */
    @NonNull
    public AbstractIdCredentialsListBoxModel<T, C> includeEmptyValue() {
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * Adds the credentials of a type that the current user can see in a context, Jenkins itself when the item is
     * {@code null} (since 2.1.0).
     */
    public AbstractIdCredentialsListBoxModel<T, C> include(@CheckForNull final Item context,
            @NonNull final Class<? extends C> type) {
        throw new UnsupportedOperationException("stand-in");
    }

    /** Keeps the saved id selectable even when the current user cannot see it (since 2.1.0). */
    public AbstractIdCredentialsListBoxModel<T, C> includeCurrentValue(@NonNull final String value) {
        throw new UnsupportedOperationException("stand-in");
    }
}
