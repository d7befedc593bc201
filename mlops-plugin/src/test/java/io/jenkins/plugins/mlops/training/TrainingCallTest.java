package io.jenkins.plugins.mlops.training;

import io.mlops.registry.BuildInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingCallTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "churn|1||churn-42",
            "churn|2||churn-42-2",
            "team/ML Churn_v2|1||team-ml-churn-v2-42",
            "churn|1|Fine Tune!|fine-tune-42",
            "---|1||training-42",
            "a-very-long-folder-name/and-an-even-longer-job-name-for-training|1||"
                    + "a-very-long-folder-name-and-an-even-longer-job-na-42",
            "a-very-long-folder-name/and-an-even-longer-job-name-for-training|3||"
                    + "a-very-long-folder-name-and-an-even-longer-job-42-3"})
    void shouldNameTheTrainingUniquelyPerBuildAndCallAsADnsLabel(final String job, final int call,
            final String requested, final String expected) {
        var name = new TrainingCall(job, 42, call, BuildInfo.NONE, null, List.of()).trainingName(requested);

        assertThat(name).isEqualTo(expected).hasSizeLessThanOrEqualTo(TrainingCall.MAX_NAME)
                .matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    }
}
