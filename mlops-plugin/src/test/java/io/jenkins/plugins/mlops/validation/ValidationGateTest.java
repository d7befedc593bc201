package io.jenkins.plugins.mlops.validation;

import hudson.AbortException;
import hudson.model.Result;
import io.jenkins.plugins.mlops.util.ResultHandler;
import io.mlops.report.Status;
import io.mlops.validation.ValidationSummary;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

class ValidationGateTest {
    private static final List<String> FAILED = List.of("min(age)", "nullable(income)");

    @Test
    void shouldLeaveTheBuildAloneWhenEverythingPassed() throws AbortException {
        var handler = mock(ResultHandler.class);

        new ValidationGate(false).apply(summary(Status.PASSED, 0, List.of()), handler, log());

        verifyNoInteractions(handler);
    }

    @Test
    void shouldFailTheBuildNamingTheFailedChecks() {
        var handler = mock(ResultHandler.class);

        assertThatThrownBy(() -> new ValidationGate(false).apply(summary(Status.FAILED, 2, FAILED), handler, log()))
                .isInstanceOf(AbortException.class)
                .hasMessage("validateData: 2 checks failed: min(age), nullable(income)");
        verifyNoInteractions(handler);
    }

    @Test
    void shouldMakeTheBuildUnstableWhenAskedToInsteadOfFailing() throws AbortException {
        var handler = mock(ResultHandler.class);
        var out = new ByteArrayOutputStream();

        new ValidationGate(true).apply(summary(Status.FAILED, 2, FAILED), handler, log(out));

        verify(handler).setResult(Result.UNSTABLE);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("validateData: 2 checks failed: min(age), nullable(income)");
    }

    @Test
    void shouldMakeTheBuildUnstableWhenInconclusive() throws AbortException {
        var handler = mock(ResultHandler.class);

        new ValidationGate(false).apply(summary(Status.INCONCLUSIVE, 0, List.of()), handler, log());

        verify(handler).setResult(Result.UNSTABLE);
    }

    @Test
    void shouldFailTheBuildWithTheOneLineCauseOfAnError() {
        var handler = mock(ResultHandler.class);

        assertThatThrownBy(() -> new ValidationGate(true).apply(summary(Status.ERROR, 0, List.of()), handler, log()))
                .isInstanceOf(AbortException.class)
                .hasMessage("validateData: the summary sentence.");
        verifyNoInteractions(handler);
    }

    @Test
    void shouldCountTheFailedChecksTheEngineDidNotName() {
        var names = Collections.nCopies(20, "pattern(email)");

        assertThat(ValidationGate.failureMessage(summary(Status.FAILED, 23, names))).endsWith(" and 3 more")
                .startsWith("validateData: 23 checks failed: pattern(email), ");
        assertThat(ValidationGate.failureMessage(summary(Status.FAILED, 1, List.of("rows"))))
                .isEqualTo("validateData: 1 check failed: rows");
    }

    private static ValidationSummary summary(final Status status, final int failed, final List<String> names) {
        return new ValidationSummary(status, "the summary sentence.", 1000, failed, names, List.of(),
                "mlops-reports/validate-data", null);
    }

    private static PrintStream log() {
        return log(new ByteArrayOutputStream());
    }

    private static PrintStream log(final ByteArrayOutputStream out) {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }
}
