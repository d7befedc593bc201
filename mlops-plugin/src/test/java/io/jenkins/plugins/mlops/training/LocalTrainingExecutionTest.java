package io.jenkins.plugins.mlops.training;

import hudson.AbortException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.spy;

class LocalTrainingExecutionTest {
    @Test
    void shouldAskForANodeBlockWithoutAWorkspace(@TempDir final Path buildDir) throws Exception {
        var fixture = new TrainingFixture(buildDir);
        var execution = spy(new LocalTrainingExecution(fixture.context(),
                new TrainModelStep("python train.py").toParameters(), fixture.services()));
        doReturn(fixture.context()).when(execution).getContext();

        assertThatThrownBy(execution::run).isInstanceOf(AbortException.class)
                .hasMessage("trainModel: the local runner trains in a workspace: call trainModel inside a node "
                        + "block, or train on Kubernetes with an image (runner: 'kubernetes')");
    }
}
