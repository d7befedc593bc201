package io.jenkins.plugins.mlops.util;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.security.Permission;
import hudson.slaves.Cloud;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;

import java.util.List;
import java.util.Objects;

/**
 * The only place in the plugin that reaches the {@link Jenkins} singleton, so that everything else can be unit
 * tested with mocks (enforced by {@code PluginArchitectureTest}).
 */
public class JenkinsFacade {
    /**
     * Tells whether the current user has a permission on an item, or on Jenkins itself when there is no item (for
     * example in the global Pipeline snippet generator).
     *
     * @param permission the permission to check
     * @param item       the item the request is about, or {@code null}
     * @return whether the permission is granted
     */
    public boolean hasPermission(final Permission permission, @CheckForNull final Item item) {
        if (item == null) {
            return Jenkins.get().hasPermission(permission);
        }
        return item.hasPermission(permission);
    }

    /**
     * Returns the instance of a global configuration that Jenkins holds (one per {@code @Extension} class).
     *
     * @param type the configuration's class
     * @return the configuration
     */
    public <T extends GlobalConfiguration> T getGlobalConfiguration(final Class<T> type) {
        return Objects.requireNonNull(Jenkins.get().getDescriptorByType(type), type.getName());
    }

    /**
     * Returns a configured cloud (Manage Jenkins » Clouds) by its name.
     *
     * @param name the cloud's name
     * @return the cloud, or {@code null} when none has that name
     */
    @CheckForNull
    public Cloud getCloud(final String name) {
        return Jenkins.get().getCloud(name);
    }

    /**
     * Returns the configured clouds of a kind, in their order, as the Kubernetes plugin lists its own.
     *
     * @param type the cloud's class, such as {@code KubernetesCloud}
     * @return the clouds
     */
    public <T extends Cloud> List<T> getClouds(final Class<T> type) {
        return Jenkins.get().clouds.getAll(type);
    }
}
