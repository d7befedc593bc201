package io.mlops.registry;

import io.mlops.util.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelUriTest {
    @Test
    void shouldParseAVersionReference() {
        var uri = ModelUri.parse("models:/churn model/12");

        assertThat(uri.kind()).isEqualTo(ModelUri.Kind.MODEL_VERSION);
        assertThat(uri.name()).isEqualTo("churn model");
        assertThat(uri.version()).isEqualTo("12");
        assertThat(uri).hasToString("models:/churn model/12");
    }

    @Test
    void shouldParseAnAliasReference() {
        var uri = ModelUri.parse(" models:/churn@champion ");

        assertThat(uri.kind()).isEqualTo(ModelUri.Kind.MODEL_ALIAS);
        assertThat(uri.name()).isEqualTo("churn");
        assertThat(uri.alias()).isEqualTo("champion");
        assertThat(uri.version()).isNull();
        assertThat(uri).hasToString("models:/churn@champion");
    }

    @Test
    void shouldParseARunReferenceWithAndWithoutAPath() {
        var withPath = ModelUri.parse("runs:/0123456789abcdef0123456789abcdef/model/sub/");
        var withoutPath = ModelUri.parse("runs:/0123456789abcdef0123456789abcdef");

        assertThat(withPath.kind()).isEqualTo(ModelUri.Kind.RUN);
        assertThat(withPath.runId()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(withPath.path()).isEqualTo("model/sub");
        assertThat(withPath).hasToString("runs:/0123456789abcdef0123456789abcdef/model/sub");
        assertThat(withoutPath.path()).isEmpty();
        assertThat(withoutPath).hasToString("runs:/0123456789abcdef0123456789abcdef");
    }

    @Test
    void shouldBuildTheReferenceOfAVersion() {
        assertThat(ModelUri.version("churn", "3")).hasToString("models:/churn/3");
        assertThat(ModelUri.parse(ModelUri.version("churn", "3").toString())).isEqualTo(ModelUri.version("churn",
                "3"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "churn", "models:/", "models:/churn", "models:/churn/", "models:/churn/0",
            "models:/churn/v1", "models:/churn/latest/1", "models:/latest", "models:/churn@", "models:/@champion", "models:/a/b/1@x/y", "runs:/",
            "runs:/abc/../secret", "runs:/abc/model\\x", "runs:/a b/model", "s3://bucket/model",
            "models:/churn/12345678901234567890"})
    void shouldRejectWhatIsNoReferenceNamingTheExpectedForms(final String text) {
        assertThatThrownBy(() -> ModelUri.parse(text)).isInstanceOf(InputException.class)
                .hasMessage("'" + text + "' is not a model reference: expected models:/NAME/VERSION, "
                        + "models:/NAME/latest, models:/NAME@ALIAS or runs:/RUN_ID/PATH");
    }

    @ParameterizedTest
    @ValueSource(strings = {"models:/churn/latest", "models:/churn/Latest", "models:/churn/LATEST"})
    void shouldReadTheLatestVersionInAnyCaseAsMlflowDoes(final String text) {
        var reference = ModelUri.parse(text);

        assertThat(reference.kind()).isEqualTo(ModelUri.Kind.MODEL_LATEST);
        assertThat(reference.name()).isEqualTo("churn");
        assertThat(reference.version()).isNull();
        assertThat(reference).hasToString("models:/churn/latest");
    }

    @Test
    void shouldRejectNull() {
        assertThatThrownBy(() -> ModelUri.parse(null)).isInstanceOf(InputException.class)
                .hasMessageContaining("is not a model reference");
    }

    @Test
    void shouldTellReferencesFromPaths() {
        assertThat(ModelUri.isReference("models:/churn/1")).isTrue();
        assertThat(ModelUri.isReference("runs:/abc/model")).isTrue();
        assertThat(ModelUri.isReference("model/")).isFalse();
        assertThat(ModelUri.isReference(null)).isFalse();
    }
}
