package io.jenkins.plugins.mlops.registry;

import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.mlops.util.FormValidations;
import io.jenkins.plugins.mlops.util.JenkinsFacade;
import io.mlops.util.InputException;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.StaplerRequest2;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockConstruction;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class MlopsConfigurationTest {
    @Test
    void shouldFindAServerByNameAndListTheNamesWhenThereIsNone() {
        var configuration = configured(new MlflowServer("production", "https://mlflow.example.com"),
                new MlflowServer("staging", "http://mlflow-staging:5000"));

        assertThat(configuration.server("staging").getUrl()).isEqualTo("http://mlflow-staging:5000");
        assertThat(configuration.getServerNames()).containsExactly("production", "staging");
        assertThatThrownBy(() -> configuration.server("prod")).isInstanceOf(InputException.class)
                .hasMessage("server: no MLflow server is named 'prod': expected one of 'production', 'staging' "
                        + "(Manage Jenkins » System » MLflow servers), or no server for the embedded local registry");
    }

    @Test
    void shouldSaySoWhenNoServerIsConfigured() {
        assertThatThrownBy(() -> new MlopsConfiguration(false).server("production"))
                .isInstanceOf(InputException.class)
                .hasMessage("server: no MLflow server is named 'production': none is configured (Manage Jenkins » "
                        + "System » MLflow servers); leave server empty for the embedded local registry");
    }

    @Test
    void shouldSaveWhatConfigurationAsCodeOrAGroovyScriptSets() {
        var configuration = spy(new MlopsConfiguration(false));
        var servers = new ArrayList<>(List.of(new MlflowServer("production", "https://mlflow.example.com")));

        configuration.setServers(servers);
        servers.clear();

        verify(configuration).save();
        assertThat(configuration.getServers()).extracting(MlflowServer::getName).containsExactly("production");
        assertThat(configuration.getServers()).isUnmodifiable();
        configuration.setServers(null);
        assertThat(configuration.getServers()).isEmpty();
    }

    @Test
    void shouldForgetRemovedServersWhenTheFormSendsNone() throws Exception {
        var configuration = spy(configured(new MlflowServer("production", "https://mlflow.example.com")));
        var request = mock(StaplerRequest2.class);
        var form = mock(JSONObject.class);

        assertThat(configuration.configure(request, form)).isTrue();

        assertThat(configuration.getServers()).isEmpty();
        verify(request).bindJSON(configuration, form);
        verify(configuration).save();
    }

    @Test
    void shouldBindTheServersTheFormSends() throws Exception {
        var configuration = spy(configured(new MlflowServer("old", "https://old.example.com")));
        var request = mock(StaplerRequest2.class);
        var form = mock(JSONObject.class);
        doAnswer(invocation -> {
            configuration.setServers(List.of(new MlflowServer("new", "https://new.example.com")));
            return null;
        }).when(request).bindJSON(configuration, form);

        configuration.configure(request, form);

        assertThat(configuration.getServerNames()).containsExactly("new");
        verify(configuration, times(2)).save();
    }

    @Test
    void shouldBeConfigurableAsCodeUnderItsSymbol() {
        assertThat(MlopsConfiguration.class.getAnnotation(Symbol.class).value()).containsExactly("mlops");
        assertThat(new MlopsConfiguration(false).getDisplayName()).isEqualTo("MLOps");
    }

    @Test
    void shouldCheckTheServerFieldsForAdministratorsOnly() {
        var admin = new MlflowServer.DescriptorImpl(facade(true));
        var user = new MlflowServer.DescriptorImpl(facade(false));
        var ok = mock(FormValidation.class);
        try (var ignored = FormValidations.mockFactories(ok)) {

            assertThat(admin.doCheckUrl(" https://mlflow.example.com ")).isSameAs(ok);
            assertThat(admin.doCheckUrl("ftp://mlflow.example.com").getMessage()).contains("http or https");
            assertThat(admin.doCheckUrl(" ").getMessage()).startsWith("Expected the tracking server's URL");
            assertThat(admin.doCheckName("production")).isSameAs(ok);
            assertThat(admin.doCheckName(" ").getMessage()).startsWith("Give the server a name");
            assertThat(user.doCheckUrl("ftp://mlflow.example.com")).isSameAs(ok);
            assertThat(user.doCheckName("")).isSameAs(ok);
        }
        assertThat(admin.getDisplayName()).isEqualTo("MLflow server");
    }

    @Test
    void shouldListNoCredentialsToUsersWhoMayNotAdministerJenkins() {
        var jenkins = facade(false);

        assertThat(new MlflowServer.DescriptorImpl(jenkins).doFillCredentialsIdItems("mlflow-token"))
                .isInstanceOf(ListBoxModel.class).isEmpty();
        verify(jenkins).hasPermission(Jenkins.ADMINISTER, null);
    }

    @Test
    void shouldListSecretTextAndUsernamePasswordCredentialsKeepingTheCurrentOne() {
        try (var models = mockConstruction(StandardListBoxModel.class, (model, context) -> {
            when(model.includeEmptyValue()).thenReturn(model);
            when(model.include(any(), any())).thenReturn(model);
            when(model.includeCurrentValue(anyString())).thenReturn(model);
        })) {
            var items = new MlflowServer.DescriptorImpl(facade(true)).doFillCredentialsIdItems("mlflow-token");

            var model = models.constructed().get(0);
            assertThat(items).isSameAs(model);
            var inOrder = inOrder(model);
            inOrder.verify(model).includeEmptyValue();
            inOrder.verify(model).include(null, StringCredentials.class);
            inOrder.verify(model).include(null, StandardUsernamePasswordCredentials.class);
            inOrder.verify(model).includeCurrentValue("mlflow-token");
        }
    }

    private static MlopsConfiguration configured(final MlflowServer... servers) {
        var configuration = new MlopsConfiguration(false);
        configuration.setServers(List.of(servers));
        return configuration;
    }

    private static JenkinsFacade facade(final boolean administrator) {
        var jenkins = mock(JenkinsFacade.class);
        when(jenkins.hasPermission(Jenkins.ADMINISTER, null)).thenReturn(administrator);
        return jenkins;
    }
}
