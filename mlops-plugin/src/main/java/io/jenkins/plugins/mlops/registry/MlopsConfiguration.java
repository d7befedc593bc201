package io.jenkins.plugins.mlops.registry;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.mlops.util.InputException;
import jenkins.model.GlobalConfiguration;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The plugin's section of "Manage Jenkins » System": the MLflow tracking servers that {@code registerModel} and
 * {@code evaluateModel} can name. Configuration as Code reads and writes it through the {@code servers} property:
 * <pre>
 * unclassified:
 *   mlops:
 *     servers:
 *       - name: production
 *         url: https://mlflow.example.com
 *         credentialsId: mlflow-token
 * </pre>
 */
@Extension
@Symbol("mlops")
public class MlopsConfiguration extends GlobalConfiguration {
    private static final String WHERE = "Manage Jenkins » System » MLflow servers";

    // an ArrayList: XStream writes it without reflective access to the JDK's immutable lists
    private List<MlflowServer> servers = new ArrayList<>();
    // false only for instances made in unit tests, which have no JENKINS_HOME to load from or save to
    private final transient boolean persistent;

    /** Creates the configuration and loads it from {@code $JENKINS_HOME}. */
    public MlopsConfiguration() {
        this(true);
        load();
    }

    MlopsConfiguration(final boolean persistent) {
        super();
        this.persistent = persistent;
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return "MLOps";
    }

    public List<MlflowServer> getServers() {
        return List.copyOf(servers);
    }

    /**
     * Replaces the servers and saves the configuration (as Configuration as Code and the form set them).
     *
     * @param servers the servers, in the order the form shows them
     */
    @DataBoundSetter
    public void setServers(final List<MlflowServer> servers) {
        this.servers = new ArrayList<>(servers == null ? List.of() : servers);
        save();
    }

    /**
     * Takes the submitted form. A form without any server binds nothing at all (Stapler sets only properties the
     * form sends), so the list is emptied first, as warnings-ng's {@code GlobalConfigurationItem} does.
     */
    @Override
    public boolean configure(final StaplerRequest2 req, final JSONObject json) throws FormException {
        servers = new ArrayList<>();
        req.bindJSON(this, json);
        save();
        return true;
    }

    @Override
    public synchronized void save() {
        if (persistent) {
            super.save();
        }
    }

    /** The names of the servers, in their order. */
    public List<String> getServerNames() {
        return servers.stream().map(MlflowServer::getName).filter(Objects::nonNull).toList();
    }

    /**
     * Finds a server by name; with two of the same name, the first.
     *
     * @param name the name a step gives
     * @return the server
     * @throws InputException naming the configured servers when none has this name
     */
    MlflowServer server(final String name) {
        return servers.stream().filter(server -> name.equals(server.getName())).findFirst()
                .orElseThrow(() -> new InputException("server: no MLflow server is named '" + name + "': "
                        + (servers.isEmpty() ? "none is configured (" + WHERE + "); leave server empty"
                        : "expected one of " + getServerNames().stream().map(known -> "'" + known + "'")
                                .collect(Collectors.joining(", ")) + " (" + WHERE + "), or no server")
                        + " for the embedded local registry"));
    }
}
