package io.jenkins.plugins.mlops.util;

import io.mlops.util.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkspacePathsTest {
    @Test
    void shouldResolveRelativePathsInsideTheWorkspace(@TempDir final Path workspace) {
        var paths = new WorkspacePaths(workspace);

        assertThat(paths.resolve("data", "data/train.csv")).isEqualTo(workspace.resolve("data/train.csv"));
    }

    @Test
    void shouldAcceptDotDotThatStaysInside(@TempDir final Path workspace) {
        var paths = new WorkspacePaths(workspace);

        assertThat(paths.resolve("data", "data/../train.csv")).isEqualTo(workspace.resolve("train.csv"));
    }

    @Test
    void shouldAcceptAbsolutePathsInsideTheWorkspace(@TempDir final Path workspace) {
        var inside = workspace.resolve("train.csv").toString();

        assertThat(new WorkspacePaths(workspace).resolve("data", inside)).isEqualTo(workspace.resolve("train.csv"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../secret.csv", "data/../../secret.csv", "/etc/passwd"})
    void shouldRejectPathsThatLeaveTheWorkspace(final String escape, @TempDir final Path workspace) {
        var paths = new WorkspacePaths(workspace);

        assertThatThrownBy(() -> paths.resolve("schema", escape))
                .isInstanceOf(InputException.class)
                .hasMessage("schema: '" + escape + "' is outside the workspace: "
                        + "expected a path relative to the workspace that stays inside it");
    }

    @Test
    void shouldRejectASiblingDirectorySharingTheWorkspacePrefix(@TempDir final Path workspace) {
        var sibling = workspace.resolveSibling(workspace.getFileName() + "-other").resolve("x.csv").toString();

        assertThatThrownBy(() -> new WorkspacePaths(workspace).resolve("data", sibling))
                .isInstanceOf(InputException.class);
    }

    @Test
    void shouldLeaveOptionalPathsUnset(@TempDir final Path workspace) {
        assertThat(new WorkspacePaths(workspace).resolveOptional("reference", null)).isNull();
    }

    @Test
    void shouldRelativizeWithForwardSlashes(@TempDir final Path workspace) {
        var paths = new WorkspacePaths(workspace);

        assertThat(paths.relativize(workspace.resolve("mlops-reports/validate-data")))
                .isEqualTo("mlops-reports/validate-data");
        assertThat(paths.relativize(workspace)).isEqualTo(".");
    }

    @Test
    void shouldShowEnginePathsInsideTheWorkspaceRelativeToIt(@TempDir final Path workspace) {
        var paths = new WorkspacePaths(workspace);

        assertThat(paths.display(workspace.resolve("data/train.csv").toString())).isEqualTo("data/train.csv");
        assertThat(paths.display("data/train.csv")).isEqualTo("data/train.csv");
        assertThat(paths.display("/srv/shared/reference.csv")).isEqualTo("/srv/shared/reference.csv");
        assertThat(paths.display("models:/churn@champion")).isEqualTo("models:/churn@champion");
        assertThat(paths.display("bad\u0000path")).isEqualTo("bad\u0000path");
    }
}
