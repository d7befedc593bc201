package io.jenkins.plugins.mlops.training;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.mlops.registry.RegistryStep;
import io.jenkins.plugins.mlops.util.FormOptions;
import io.jenkins.plugins.mlops.util.JenkinsFacade;
import io.mlops.training.CommandWords;
import io.mlops.training.TrainingSpec;
import io.mlops.util.InputException;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.jenkins.plugins.mlops.util.ParameterText.blankToDefault;
import static io.jenkins.plugins.mlops.util.ParameterText.blankToNull;

/**
 * The {@code trainModel} Pipeline step, and the one place where the parameters of training are declared (with its
 * {@code config.jelly} and {@code help-*.html}; {@code server} and {@code localRegistry}, which name the registry the
 * training's MLflow run is made in, are {@link RegistryStep}'s, shared with {@code registerModel} and
 * {@code evaluateModel}). The freestyle {@link TrainModelBuilder} holds an instance as its only property, for the
 * reasons given on {@code ValidateDataStep}.
 *
 * <p>With the {@code kubernetes} runner the step survives a restart of the controller
 * ({@link TrainModelExecution}); with the {@code local} runner it runs the command on the agent and does not
 * ({@link LocalTrainingExecution}).
 */
public final class TrainModelStep extends RegistryStep {
    static final String FUNCTION = "trainModel";
    static final String DISPLAY_NAME = "Train ML model";

    private final Object command;
    private String image;
    private String name;
    private String workingDir;
    private String env;
    private String secretEnv;
    private int gpus;
    private String gpuType;
    private String cpu;
    private String cpuLimit;
    private String memory;
    private String memoryLimit;
    private String nodeSelector;
    private String tolerations;
    private String serviceAccount;
    private String namespace;
    private String timeout;
    private int retries = TrainingSpec.DEFAULT_RETRIES;
    private String runner;
    private String cloud;
    private String experiment;
    private boolean gitClone;
    private String gitCredentialsId;
    private String volumeClaim;
    private String reportDir = TrainingParameters.DEFAULT_REPORT_DIR;

    /**
     * Creates the step.
     *
     * @param command the training command: a string, split as a shell would split it (without expanding anything),
     *                or a list of the program and its arguments
     */
    @DataBoundConstructor
    public TrainModelStep(final Object command) {
        this.command = normalized(command);
    }

    /**
     * The command with Groovy's strings ({@code "python ${script}"} is a {@code GString}) made plain strings and a
     * list made an {@link ArrayList}, which the freestyle job's configuration (XStream) can store. Anything else is
     * kept, to be refused with a message when the step starts.
     */
    private static Object normalized(final Object command) {
        if (command instanceof CharSequence text) {
            return blankToNull(text.toString());
        }
        if (command instanceof List<?> list) {
            return list.stream().map(word -> word == null ? null : word.toString())
                    .collect(Collectors.toCollection(ArrayList::new));
        }
        return command;
    }

    /** The command as given: a string or a list of strings. */
    public Object getCommand() {
        return command;
    }

    @CheckForNull
    public String getImage() {
        return image;
    }

    @DataBoundSetter
    public void setImage(final String image) {
        this.image = blankToNull(image);
    }

    @CheckForNull
    public String getName() {
        return name;
    }

    @DataBoundSetter
    public void setName(final String name) {
        this.name = blankToNull(name);
    }

    @CheckForNull
    public String getWorkingDir() {
        return workingDir;
    }

    @DataBoundSetter
    public void setWorkingDir(final String workingDir) {
        this.workingDir = blankToNull(workingDir);
    }

    /** Environment variables, {@code NAME=value} one per line. */
    @CheckForNull
    public String getEnv() {
        return env;
    }

    @DataBoundSetter
    public void setEnv(final String env) {
        this.env = blankToNull(env);
    }

    /** Secret variables, {@code NAME=credentialsId} one per line: Jenkins Secret text credentials. */
    @CheckForNull
    public String getSecretEnv() {
        return secretEnv;
    }

    @DataBoundSetter
    public void setSecretEnv(final String secretEnv) {
        this.secretEnv = blankToNull(secretEnv);
    }

    public int getGpus() {
        return gpus;
    }

    @DataBoundSetter
    public void setGpus(final int gpus) {
        this.gpus = gpus;
    }

    @CheckForNull
    public String getGpuType() {
        return gpuType;
    }

    @DataBoundSetter
    public void setGpuType(final String gpuType) {
        this.gpuType = blankToNull(gpuType);
    }

    /** The CPU request, a Kubernetes quantity. */
    @CheckForNull
    public String getCpu() {
        return cpu;
    }

    @DataBoundSetter
    public void setCpu(final String cpu) {
        this.cpu = blankToNull(cpu);
    }

    @CheckForNull
    public String getCpuLimit() {
        return cpuLimit;
    }

    @DataBoundSetter
    public void setCpuLimit(final String cpuLimit) {
        this.cpuLimit = blankToNull(cpuLimit);
    }

    /** The memory request, a Kubernetes quantity. */
    @CheckForNull
    public String getMemory() {
        return memory;
    }

    @DataBoundSetter
    public void setMemory(final String memory) {
        this.memory = blankToNull(memory);
    }

    @CheckForNull
    public String getMemoryLimit() {
        return memoryLimit;
    }

    @DataBoundSetter
    public void setMemoryLimit(final String memoryLimit) {
        this.memoryLimit = blankToNull(memoryLimit);
    }

    /** Node labels, {@code key=value} one per line. */
    @CheckForNull
    public String getNodeSelector() {
        return nodeSelector;
    }

    @DataBoundSetter
    public void setNodeSelector(final String nodeSelector) {
        this.nodeSelector = blankToNull(nodeSelector);
    }

    /** Tolerated taints, {@code key[=value][:effect]} one per line. */
    @CheckForNull
    public String getTolerations() {
        return tolerations;
    }

    @DataBoundSetter
    public void setTolerations(final String tolerations) {
        this.tolerations = blankToNull(tolerations);
    }

    @CheckForNull
    public String getServiceAccount() {
        return serviceAccount;
    }

    @DataBoundSetter
    public void setServiceAccount(final String serviceAccount) {
        this.serviceAccount = blankToNull(serviceAccount);
    }

    @CheckForNull
    public String getNamespace() {
        return namespace;
    }

    @DataBoundSetter
    public void setNamespace(final String namespace) {
        this.namespace = blankToNull(namespace);
    }

    /** The longest the training may take, retries included: {@code 6h}, {@code 90m}, {@code 1h30m}. */
    @CheckForNull
    public String getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(final String timeout) {
        this.timeout = blankToNull(timeout);
    }

    public int getRetries() {
        return retries;
    }

    @DataBoundSetter
    public void setRetries(final int retries) {
        this.retries = retries;
    }

    /** {@code kubernetes} or {@code local}; none: {@code kubernetes} with an image, {@code local} without. */
    @CheckForNull
    public String getRunner() {
        return runner;
    }

    @DataBoundSetter
    public void setRunner(final String runner) {
        this.runner = blankToNull(runner);
    }

    /** The name of a Kubernetes cloud; none: the first one configured. */
    @CheckForNull
    public String getCloud() {
        return cloud;
    }

    @DataBoundSetter
    public void setCloud(final String cloud) {
        this.cloud = blankToNull(cloud);
    }

    @CheckForNull
    public String getExperiment() {
        return experiment;
    }

    @DataBoundSetter
    public void setExperiment(final String experiment) {
        this.experiment = blankToNull(experiment);
    }

    public boolean isGitClone() {
        return gitClone;
    }

    @DataBoundSetter
    public void setGitClone(final boolean gitClone) {
        this.gitClone = gitClone;
    }

    @CheckForNull
    public String getGitCredentialsId() {
        return gitCredentialsId;
    }

    @DataBoundSetter
    public void setGitCredentialsId(final String gitCredentialsId) {
        this.gitCredentialsId = blankToNull(gitCredentialsId);
    }

    /** A persistent volume claim holding the code, {@code CLAIM} or {@code CLAIM:/mount/path}. */
    @CheckForNull
    public String getVolumeClaim() {
        return volumeClaim;
    }

    @DataBoundSetter
    public void setVolumeClaim(final String volumeClaim) {
        this.volumeClaim = blankToNull(volumeClaim);
    }

    public String getReportDir() {
        return reportDir;
    }

    @DataBoundSetter
    public void setReportDir(final String reportDir) {
        this.reportDir = blankToDefault(reportDir, TrainingParameters.DEFAULT_REPORT_DIR);
    }

    /**
     * The parameters as the serializable value that the executions keep and the agent receives.
     *
     * @throws InputException when the command is neither a string nor a list of strings
     */
    TrainingParameters toParameters() {
        return new TrainingParameters(CommandLine.of(command), image, name, workingDir, env, secretEnv, gpus, gpuType,
                cpu, cpuLimit, memory, memoryLimit, nodeSelector, tolerations, serviceAccount, namespace, timeout,
                retries, runner, cloud, experiment, getServer(), getLocalRegistry(), gitClone, gitCredentialsId,
                volumeClaim, reportDir);
    }

    /**
     * Starts the training: on Kubernetes as an execution that survives a restart of the controller, locally as one
     * that blocks a background thread and needs a workspace.
     */
    @Override
    public StepExecution start(final StepContext context) throws Exception {
        TrainingParameters parameters;
        try {
            parameters = toParameters();
        } catch (InputException e) {
            throw new AbortException(FUNCTION + ": " + e.getMessage());
        }
        if (parameters.runnerKind() == TrainingParameters.Runner.LOCAL) {
            return new LocalTrainingExecution(context, parameters);
        }
        return new TrainModelExecution(context, parameters);
    }

    /** Registers {@code trainModel} and fills its form fields. */
    @Extension
    @Symbol(FUNCTION)
    public static final class DescriptorImpl extends RegistryStepDescriptor {
        public DescriptorImpl() {
            this(new JenkinsFacade());
        }

        DescriptorImpl(final JenkinsFacade jenkins) {
            super(jenkins, FUNCTION, DISPLAY_NAME, TrainingParameters.DEFAULT_REPORT_DIR);
        }

        /**
         * What the step needs from the Pipeline: no workspace, so that a Kubernetes training holds no agent while it
         * waits for hours; the local runner checks for one itself.
         */
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, EnvVars.class);
        }

        /**
         * Lists the runners after the automatic choice.
         *
         * @param item the job being configured, or {@code null} in the global snippet generator
         * @return the runners, or nothing without read permission
         */
        @POST
        public ListBoxModel doFillRunnerItems(@AncestorInPath @CheckForNull final Item item) {
            if (!jenkins().hasPermission(Item.READ, item)) {
                return new ListBoxModel();
            }
            return FormOptions.choices("kubernetes with an image, local without",
                    Stream.of(TrainingParameters.Runner.values()).map(TrainingParameters.Runner::id));
        }

        /**
         * Lists the configured Kubernetes clouds after the default, the first of them.
         *
         * @param item the job being configured, or {@code null} in the global snippet generator
         * @return the clouds' names, or nothing without read permission
         */
        @POST
        public ListBoxModel doFillCloudItems(@AncestorInPath @CheckForNull final Item item) {
            if (!jenkins().hasPermission(Item.READ, item)) {
                return new ListBoxModel();
            }
            return FormOptions.choices("The first Kubernetes cloud", new KubernetesClouds(jenkins()).names().stream());
        }

        /**
         * Checks the timeout as the step will read it.
         *
         * @param value the text in the form
         * @param item  the job being configured, or {@code null} in the global snippet generator
         * @return an error for anything but a positive duration
         */
        @POST
        public FormValidation doCheckTimeout(@QueryParameter final String value,
                @AncestorInPath @CheckForNull final Item item) {
            if (!jenkins().hasPermission(Item.READ, item)) {
                return FormValidation.ok();
            }
            try {
                TrainingParameters.timeoutOf(value);
                return FormValidation.ok();
            } catch (InputException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        /**
         * Checks the command as the step will split it.
         *
         * @param value the text in the form
         * @param item  the job being configured, or {@code null} in the global snippet generator
         * @return an error for an empty command or an unclosed quote
         */
        @POST
        public FormValidation doCheckCommand(@QueryParameter final String value,
                @AncestorInPath @CheckForNull final Item item) {
            if (!jenkins().hasPermission(Item.READ, item)) {
                return FormValidation.ok();
            }
            try {
                CommandWords.split(value == null ? "" : value);
                return FormValidation.ok();
            } catch (InputException e) {
                return FormValidation.error(e.getMessage());
            }
        }
    }
}
