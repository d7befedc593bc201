package io.jenkins.plugins.mlops.util;

import hudson.util.FormValidation;
import org.mockito.MockedStatic;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.when;

/** {@link FormValidation}'s factories for tests of form checks, since the offline stand-in's throw. */
public final class FormValidations {
    private FormValidations() {
    }

    /**
     * Mocks the factories until the returned mock is closed: {@code ok()} returns {@code ok}, {@code error(message)}
     * a new mock whose {@code getMessage()} is the message.
     *
     * @param ok what {@code FormValidation.ok()} returns
     * @return the static mock, to close
     */
    public static MockedStatic<FormValidation> mockFactories(final FormValidation ok) {
        var validation = mockStatic(FormValidation.class);
        validation.when(FormValidation::ok).thenReturn(ok);
        validation.when(() -> FormValidation.error(anyString())).thenAnswer(invocation -> {
            var error = mock(FormValidation.class);
            when(error.getMessage()).thenReturn(invocation.getArgument(0));
            return error;
        });
        return validation;
    }
}
