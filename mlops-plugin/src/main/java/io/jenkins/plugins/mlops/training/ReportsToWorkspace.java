package io.jenkins.plugins.mlops.training;

import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.mlops.util.WorkspacePaths;
import jenkins.agents.ControllerToAgentFileCallable;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Copies the reports of a training that ran on Kubernetes, which the controller wrote into the build directory,
 * into the report directory of the workspace, so that {@code archiveArtifacts} and {@code junit} find them there as
 * they find the other steps' reports. A few small files; a record, so it captures no enclosing instance.
 *
 * @param reportDir the report directory, relative to the workspace
 * @param files     the files' contents by name
 */
record ReportsToWorkspace(String reportDir, Map<String, byte[]> files)
        implements ControllerToAgentFileCallable<String> {
    private static final long serialVersionUID = 1L;

    ReportsToWorkspace {
        files = new LinkedHashMap<>(files);
    }

    /**
     * Writes the files.
     *
     * @return the report directory as users write it, relative to the workspace
     * @throws io.mlops.util.InputException when the directory is outside the workspace
     */
    @Override
    public String invoke(final File workspace, final VirtualChannel channel) throws IOException {
        var paths = new WorkspacePaths(workspace.toPath());
        var dir = paths.resolve("reportDir", reportDir);
        Files.createDirectories(dir);
        for (var file : files.entrySet()) {
            Files.write(dir.resolve(file.getKey()), file.getValue());
        }
        return paths.relativize(dir);
    }
}
