package io.jenkins.plugins.mlops.registry;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.mlops.util.ParameterText;
import io.jenkins.plugins.mlops.util.WorkspacePaths;
import io.mlops.registry.RegistrationRequest;
import io.mlops.util.InputException;
import io.mlops.util.KeyValueText;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import static io.jenkins.plugins.mlops.util.ParameterText.blankToDefault;
import static io.jenkins.plugins.mlops.util.ParameterText.blankToNull;

/**
 * The parameters of one {@code registerModel} call as plain text: the value that the controller sends to the agent,
 * where {@link #toRequest(Path, RegistrationContext)} turns it into the engine's {@link RegistrationRequest} inside
 * the workspace. It names the registry; the registry itself, with the server's secret, travels apart
 * ({@link RegistryTarget}).
 *
 * @param name          the registered model's name
 * @param modelPath     the model directory or file in the workspace, or {@code null} when {@code source} is given
 * @param source        an existing model, {@code runs:/...} or {@code models:/...}, or {@code null}
 * @param runId         the run to upload {@code modelPath} into, or {@code null} for a run of this build
 * @param experiment    the experiment of a new run, or {@code null} for the model's name
 * @param alias         the alias to point at the new version, or {@code null}
 * @param description   the version's description, or {@code null}
 * @param tags          more version tags, {@code key=value} one per line or comma-separated, or {@code null}
 * @param evaluation    the report.json of an evaluation in the workspace, or {@code null} for the build's own
 * @param server        the name of a configured MLflow server, or {@code null} for the local registry
 * @param localRegistry the local registry's directory in the workspace, or {@code null} for the default
 * @param reportDir     where the reports are written, relative to the workspace
 */
record RegistrationParameters(@CheckForNull String name, @CheckForNull String modelPath,
        @CheckForNull String source, @CheckForNull String runId, @CheckForNull String experiment,
        @CheckForNull String alias, @CheckForNull String description, @CheckForNull String tags,
        @CheckForNull String evaluation, @CheckForNull String server, @CheckForNull String localRegistry,
        String reportDir) implements Serializable {
    static final String DEFAULT_REPORT_DIR = "mlops-reports/register-model";
    private static final long serialVersionUID = 1L;

    RegistrationParameters {
        name = blankToNull(name);
        modelPath = blankToNull(modelPath);
        source = blankToNull(source);
        runId = blankToNull(runId);
        experiment = blankToNull(experiment);
        alias = blankToNull(alias);
        description = blankToNull(description);
        tags = blankToNull(tags);
        evaluation = blankToNull(evaluation);
        server = blankToNull(server);
        localRegistry = blankToNull(localRegistry);
        reportDir = blankToDefault(reportDir, DEFAULT_REPORT_DIR);
    }

    /**
     * Expands build variables in every text parameter (freestyle builds; Pipeline scripts interpolate themselves).
     *
     * @param variables replaces {@code $VAR} and {@code ${VAR}} references
     * @return the expanded parameters
     */
    RegistrationParameters expand(final UnaryOperator<String> variables) {
        var x = ParameterText.expansion(variables);
        return new RegistrationParameters(x.apply(name), x.apply(modelPath), x.apply(source), x.apply(runId),
                x.apply(experiment), x.apply(alias), x.apply(description), x.apply(tags), x.apply(evaluation),
                x.apply(server), x.apply(localRegistry), x.apply(reportDir));
    }

    /**
     * Translates the parameters into the engine request, resolving every path inside the workspace.
     *
     * @param workspace the workspace on the machine that runs the engine
     * @param context   what the build adds: its source, lineage and latest evaluation
     * @return the request
     * @throws InputException when a parameter is missing, malformed or points outside the workspace
     */
    RegistrationRequest toRequest(final Path workspace, final RegistrationContext context) {
        if (name == null) {
            throw new InputException("name: no model name given: expected the registered model's name, such as "
                    + "churn-classifier");
        }
        var paths = new WorkspacePaths(workspace);
        var report = evaluation != null ? paths.resolve("evaluation", evaluation)
                : context.evaluation() == null ? null : context.evaluation().find(paths);
        return new RegistrationRequest(name, paths.resolveOptional("modelPath", modelPath), source, runId,
                experiment, alias, description, KeyValueText.TAGS.parse("tags", tags), report, context.lineage(), context.build(),
                paths.resolve("reportDir", reportDir));
    }

    /** One line for the build log: what is registered where. */
    String describe() {
        var text = new StringBuilder(String.valueOf(name)).append(" from ")
                .append(modelPath != null ? modelPath : String.valueOf(source));
        if (alias != null) {
            text.append(" as @").append(alias);
        }
        return text.append(" in ").append(RegistryTarget.describe(server)).toString();
    }
}
