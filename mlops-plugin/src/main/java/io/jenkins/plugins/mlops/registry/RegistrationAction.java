package io.jenkins.plugins.mlops.registry;

import com.fasterxml.jackson.databind.JsonNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import io.jenkins.plugins.mlops.util.BuildReports;
import io.jenkins.plugins.mlops.util.StepAction;
import io.jenkins.plugins.mlops.util.WebLink;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code registerModel} call on the build page, "Model registration": the model version, its alias and links to
 * the registry (summary.jelly), and its own page with the version's tags (index.jelly). The summary is kept in
 * build.xml, the full report in the build directory ({@link StepAction}); the report is read as a JSON tree, since
 * only its tags are shown beyond the summary.
 */
public final class RegistrationAction extends StepAction<JsonNode> {
    /** The folder name of its report in the build directory, before the number. */
    static final String KIND = "registration";

    private final String name;
    private final String version;
    private final String alias;
    private final String uri;
    private final boolean created;
    private final String registry;
    private final String experimentUrl;
    private final String runUrl;
    private final String versionUrl;
    private final String evaluation;

    /**
     * Creates the action of one registration.
     *
     * @param id      the id from {@link BuildReports#newId()}
     * @param outcome the summary returned by the agent
     * @param run     the build it belongs to
     */
    RegistrationAction(final String id, final RegistrationSummary outcome, final Run<?, ?> run) {
        super(id, outcome.status(), outcome.summary(), outcome.reportDir(), run);
        this.name = outcome.name();
        this.version = outcome.version();
        this.alias = outcome.alias();
        this.uri = outcome.uri();
        this.created = outcome.created();
        this.registry = outcome.registry();
        this.experimentUrl = outcome.experimentUrl();
        this.runUrl = outcome.runUrl();
        this.versionUrl = outcome.versionUrl();
        this.evaluation = outcome.evaluation();
    }

    @Override
    protected String title() {
        return "Model registration";
    }

    @Override
    protected String subject() {
        return name;
    }

    @Override
    protected Class<JsonNode> reportType() {
        return JsonNode.class;
    }

    @Override
    public String getIconFileName() {
        return "symbol-cube";
    }

    public String getName() {
        return name;
    }

    public String getVersion() {
        return version;
    }

    @CheckForNull
    public String getAlias() {
        return alias;
    }

    /** {@code models:/NAME/VERSION}. */
    public String getUri() {
        return uri;
    }

    /** Whether this call created the version, rather than finding the one this build had registered. */
    public boolean isCreated() {
        return created;
    }

    public String getRegistry() {
        return registry;
    }

    /** The evaluation report the version was tagged from, relative to the workspace, or {@code null}. */
    @CheckForNull
    public String getEvaluation() {
        return evaluation;
    }

    /** The experiment, run and version in the registry's UI: http(s) links only. */
    public List<WebLink> getLinks() {
        var links = new LinkedHashMap<String, String>();
        links.put("MLflow experiment", experimentUrl);
        links.put("MLflow run", runUrl);
        links.put("Model version", versionUrl);
        return WebLink.of(links);
    }

    /** The tags on the version, from the full report; empty without it. */
    public Map<String, String> getTags() {
        var tags = new LinkedHashMap<String, String>();
        var report = getReport();
        if (report != null) {
            report.path("model").path("tags").properties()
                    .forEach(tag -> tags.put(tag.getKey(), tag.getValue().asText()));
        }
        return tags;
    }
}
