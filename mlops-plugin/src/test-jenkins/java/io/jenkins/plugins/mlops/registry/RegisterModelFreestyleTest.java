package io.jenkins.plugins.mlops.registry;

import jenkins.model.GlobalConfiguration;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import java.util.List;

/** The "Register ML model" build step in real freestyle jobs (needs the Jenkins repository: {@code -Pjenkins}). */
@WithJenkins
class RegisterModelFreestyleTest {
    @Test
    void shouldKeepEveryParameterThroughTheSharedForm(final JenkinsRule j) throws Exception {
        // the server drop-down offers only configured servers
        GlobalConfiguration.all().get(MlopsConfiguration.class)
                .setServers(List.of(new MlflowServer("production", "https://mlflow.example.com")));
        var before = new RegisterModelBuilder(Steps.everyParameterSet());

        var after = j.configRoundtrip(before);

        j.assertEqualDataBoundBeans(before, after);
    }
}
