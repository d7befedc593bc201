package io.jenkins.plugins.mlops.registry;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.model.Run;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.mlops.util.JenkinsFacade;
import io.mlops.mlflow.MlflowCredentials;
import io.mlops.util.InputException;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

import static io.jenkins.plugins.mlops.util.ParameterText.blankToNull;

/**
 * An MLflow tracking server that administrators configure once ({@link MlopsConfiguration}) and steps name by
 * {@link #getName()}: its URL and the id of its credentials, never the secret itself. (It implements
 * {@link Describable} directly: {@code AbstractDescribableImpl} is deprecated since Jenkins 2.505.)
 */
public final class MlflowServer implements Describable<MlflowServer> {
    private final String name;
    private final String url;
    private String credentialsId;

    /**
     * Creates a server.
     *
     * @param name the name steps use, for example {@code production}
     * @param url  the tracking server's base URL, for example {@code https://mlflow.example.com}
     */
    @DataBoundConstructor
    public MlflowServer(final String name, final String url) {
        this.name = blankToNull(name);
        this.url = blankToNull(url);
    }

    public String getName() {
        return name;
    }

    public String getUrl() {
        return url;
    }

    /** The id of Secret text (bearer token) or Username with password (basic auth) credentials, or none. */
    @CheckForNull
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(final String credentialsId) {
        this.credentialsId = blankToNull(credentialsId);
    }

    /**
     * Looks up the server's credentials as a build may use them, on the controller.
     *
     * @param run the build that uses the server
     * @return the URL and the secret, for the agent
     * @throws InputException when the server has no URL, or its credentials are missing, not usable by this build or
     *                        of another kind
     */
    MlflowLogin login(final Run<?, ?> run) {
        if (url == null) {
            throw new InputException("MLflow server '" + name + "' has no URL: expected its tracking URL in the "
                    + "global configuration");
        }
        if (credentialsId == null) {
            return MlflowLogin.anonymous(url);
        }
        var credentials = CredentialsProvider.findCredentialById(credentialsId, StandardCredentials.class, run,
                URIRequirementBuilder.fromUri(url).build());
        if (credentials == null) {
            throw new InputException("MLflow server '" + name + "': no credentials '" + credentialsId
                    + "' that this build may use: expected Secret text or Username with password credentials "
                    + "with that id");
        }
        CredentialsProvider.track(run, credentials);
        if (credentials instanceof StringCredentials token) {
            return MlflowLogin.bearer(url, token.getSecret().getPlainText());
        }
        if (credentials instanceof StandardUsernamePasswordCredentials user) {
            return MlflowLogin.basic(url, user.getUsername(), user.getPassword().getPlainText());
        }
        throw new InputException("MLflow server '" + name + "': credentials '" + credentialsId + "' are neither "
                + "Secret text nor Username with password: expected a bearer token or a user name and password");
    }

    /** Checks and fills the fields of a server in the global configuration; only administrators may. */
    @Extension
    public static final class DescriptorImpl extends Descriptor<MlflowServer> {
        private final transient JenkinsFacade jenkins;

        public DescriptorImpl() {
            this(new JenkinsFacade());
        }

        DescriptorImpl(final JenkinsFacade jenkins) {
            super();
            this.jenkins = jenkins;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "MLflow server";
        }

        /**
         * Checks that the server has a name.
         *
         * @param value the name in the form
         * @return an error when it is blank
         */
        @POST
        public FormValidation doCheckName(@QueryParameter final String value) {
            if (!jenkins.hasPermission(Jenkins.ADMINISTER, null) || blankToNull(value) != null) {
                return FormValidation.ok();
            }
            return FormValidation.error("Give the server a name: steps select it with server: 'NAME'");
        }

        /**
         * Checks the tracking URL as the engine will use it.
         *
         * @param value the URL in the form
         * @return an error for anything but an http or https URL of a host
         */
        @POST
        public FormValidation doCheckUrl(@QueryParameter final String value) {
            var url = blankToNull(value);
            if (!jenkins.hasPermission(Jenkins.ADMINISTER, null)) {
                return FormValidation.ok();
            }
            if (url == null) {
                return FormValidation.error("Expected the tracking server's URL, such as https://mlflow.example.com");
            }
            try {
                MlflowLogin.connection(url, MlflowCredentials.NONE);
                return FormValidation.ok();
            } catch (InputException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        /**
         * Lists the Secret text and Username with password credentials of Jenkins.
         *
         * @param credentialsId the current selection, kept even when the user cannot see it
         * @return the credentials, or nothing for users who may not administer Jenkins
         */
        @POST
        public ListBoxModel doFillCredentialsIdItems(@QueryParameter final String credentialsId) {
            if (!jenkins.hasPermission(Jenkins.ADMINISTER, null)) {
                return new ListBoxModel();
            }
            // a null item: the credentials of Jenkins itself, where the global configuration lives
            return new StandardListBoxModel().includeEmptyValue()
                    .include((Item) null, StringCredentials.class)
                    .include((Item) null, StandardUsernamePasswordCredentials.class)
                    .includeCurrentValue(credentialsId == null ? "" : credentialsId);
        }
    }
}
