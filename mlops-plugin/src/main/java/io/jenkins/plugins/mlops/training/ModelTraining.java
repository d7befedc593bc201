package io.jenkins.plugins.mlops.training;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.mlops.lineage.LineageAction;
import io.jenkins.plugins.mlops.registry.RegistryTarget;
import io.jenkins.plugins.mlops.util.BuildReports;
import io.jenkins.plugins.mlops.util.ControllerWarning;
import io.jenkins.plugins.mlops.util.WebLink;
import io.mlops.mlflow.MlflowException;
import io.mlops.registry.BuildInfo;
import io.mlops.report.ReportFiles;
import io.mlops.training.RunnerUnavailableException;
import io.mlops.training.TrainModel;
import io.mlops.training.TrainingLoop;
import io.mlops.training.TrainingReport;
import io.mlops.training.TrainingRequest;
import io.mlops.training.TrainingRunner;
import io.mlops.training.TrainingSpec;
import io.mlops.util.InputException;
import org.csanchez.jenkins.plugins.kubernetes.KubernetesCloud;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code trainModel} call as seen from the controller, shared by the Pipeline executions and the freestyle
 * builder: the step's parameters become the engine's spec (with the cloud, the MLflow server and the credentials
 * looked up for the build), the engine trains, and the outcome is recorded on the build — a {@link TrainingAction},
 * the training's event in the build's {@link LineageAction}, and lines in the log. Setting the build result is left
 * to the caller.
 *
 * <p>Where the reports go: a training on Kubernetes is followed from the controller and needs no workspace, so its
 * reports are written on the controller into the build directory ({@code <build>/mlops/training-N}), where the build
 * page reads them, and copied into the workspace's {@code reportDir} when there is a workspace (a freestyle build,
 * or a Pipeline step inside {@code node}). A local training writes them into the workspace on the agent, and its
 * report.json is copied into the build directory, as the other steps do.
 */
final class ModelTraining {
    private final Run<?, ?> run;
    private final Map<String, String> env;
    private final TaskListener listener;
    private final TrainingServices services;

    ModelTraining(final Run<?, ?> run, final Map<String, String> env, final TaskListener listener,
            final TrainingServices services) {
        this.run = run;
        this.env = env;
        this.listener = listener;
        this.services = services;
    }

    /**
     * Everything a training on Kubernetes needs before its first attempt.
     *
     * @param id      the call's folder in the build directory ({@link BuildReports#newId()})
     * @param call    what the build adds to the parameters
     * @param cloud   the Kubernetes cloud
     * @param request  the engine's request, reports into the build directory
     * @param registry the registry the step names (a run is made only in an MLflow server)
     */
    record Launch(String id, TrainingCall call, KubernetesCloud cloud, TrainingRequest request,
            RegistryTarget registry) {
    }

    /**
     * Looks up what a training on Kubernetes needs, on the controller: the cloud, the MLflow server and every
     * credential (so that a missing one fails the step before anything starts).
     *
     * @throws InputException for bad parameters, an unknown cloud or server, unusable credentials
     * @throws IOException    when the build directory cannot be written
     */
    Launch prepareKubernetes(final TrainingParameters parameters) throws IOException {
        var cloud = new KubernetesClouds(services.jenkins()).cloud(parameters.cloud());
        var registry = services.registry(parameters, run, env);
        var keys = TrainingSecrets.keys(TrainingSecrets.lookUp(parameters, run, registry));
        var id = new BuildReports(run.getRootDir(), TrainingAction.KIND).newId();
        var call = call(parameters, id, keys);
        var spec = parameters.toSpec(call);
        if (!registry.isServer() && spec.experiment() != null) {
            listener.getLogger().println(TrainModelStep.FUNCTION + ": no MLflow server given, so the training on "
                    + "Kubernetes logs into no run (a pod cannot reach the embedded local registry)");
        }
        return new Launch(id, call, cloud, request(spec, call.build(), id), registry);
    }

    /**
     * The runner of a cloud, with the training's secret values read again from the credentials for each attempt.
     *
     * @throws RunnerUnavailableException when the cloud gives no client now
     */
    TrainingRunner kubernetesRunner(final KubernetesCloud cloud, final TrainingParameters parameters) {
        return services.kubernetes(cloud, () -> TrainingSecrets.lookUp(parameters, run,
                services.registry(parameters, run, env)));
    }

    /** The engine's request of a training on Kubernetes: its reports go into the call's build folder. */
    TrainingRequest request(final TrainingSpec spec, final BuildInfo build, final String id) {
        return new TrainingRequest(spec, null, build, buildFolder(id));
    }

    /**
     * Trains on Kubernetes and waits for the end, on the calling thread (the freestyle build step). Interrupting the
     * thread (an aborted build) deletes the Job and its pods.
     *
     * @param workspace the workspace the reports are copied into, or {@code null}
     * @throws AbortException when the training cannot start, with a one-line message
     */
    TrainingSummary trainOnKubernetes(final TrainingParameters parameters, @CheckForNull final FilePath workspace)
            throws IOException, InterruptedException {
        listener.getLogger().println(TrainModelStep.FUNCTION + ": training " + parameters.describe());
        try {
            var launch = prepareKubernetes(parameters);
            var loop = new TrainingLoop(kubernetesRunner(launch.cloud(), parameters), listener.getLogger()::println);
            var report = TrainModel.run(launch.request(), services.server(launch.registry()), loop);
            return recordKubernetes(launch.id(), report, parameters.reportDir(), workspace);
        } catch (InputException | MlflowException | RunnerUnavailableException e) {
            throw new AbortException(TrainModelStep.FUNCTION + ": " + e.getMessage());
        }
    }

    /**
     * Trains with the local runner in the workspace, on the agent, and waits for the end.
     *
     * @throws AbortException when the training cannot start, with a one-line message
     */
    TrainingSummary trainLocally(final TrainingParameters parameters, final FilePath workspace)
            throws IOException, InterruptedException {
        var log = listener.getLogger();
        log.println(TrainModelStep.FUNCTION + ": training " + parameters.describe());
        ControllerWarning.warnIfBuiltIn(workspace, log, TrainModelStep.FUNCTION, "the training runs on the Jenkins "
                + "controller's machine; run it on an agent");
        var reports = new BuildReports(run.getRootDir(), TrainingAction.KIND);
        TrainOnAgent training;
        String id;
        try {
            var registry = services.registry(parameters, run, env);
            var secrets = TrainingSecrets.lookUp(parameters, run, registry);
            id = reports.newId();
            var call = call(parameters, id, TrainingSecrets.keys(secrets));
            training = new TrainOnAgent(parameters.toSpec(call), call.build(), parameters.reportDir(), registry,
                    secrets, env, listener);
        } catch (InputException e) {
            throw new AbortException(TrainModelStep.FUNCTION + ": " + e.getMessage());
        }
        var summary = workspace.act(training);
        reports.copyFrom(workspace, summary.reportDir(), id, log, TrainModelStep.FUNCTION);
        record(id, summary);
        return summary;
    }

    /**
     * Records a training that ran on Kubernetes, whose reports the engine wrote into the build folder: copies them
     * into the workspace when there is one, then records the outcome on the build.
     *
     * @param workspace the workspace, or {@code null} (a Pipeline step outside {@code node})
     */
    TrainingSummary recordKubernetes(final String id, final TrainingReport report, final String reportDir,
            @CheckForNull final FilePath workspace) throws IOException, InterruptedException {
        var shown = "the build directory (mlops/" + id + ")";
        if (workspace != null) {
            try {
                shown = workspace.act(new ReportsToWorkspace(reportDir, reportFiles(id)));
            } catch (IOException | InputException e) {
                listener.getLogger().println(TrainModelStep.FUNCTION + ": could not copy the reports into the "
                        + "workspace (" + e.getMessage() + "); the build keeps them in " + shown);
            }
        }
        var summary = TrainingSummary.of(report, shown);
        record(id, summary);
        return summary;
    }

    /** Adds the action and the lineage event to the build and says where to look. */
    void record(final String id, final TrainingSummary summary) throws IOException {
        var log = listener.getLogger();
        var action = new TrainingAction(id, summary, run);
        run.addAction(action);
        LineageAction.record(run, env, summary.lineage());
        log.println(TrainModelStep.FUNCTION + ": " + summary.status() + ": " + summary.summary());
        for (WebLink link : action.getLinks()) {
            log.println(TrainModelStep.FUNCTION + ": " + link.title() + ": " + link.url());
        }
        log.println(TrainModelStep.FUNCTION + ": reports in " + summary.reportDir() + "; see '"
                + action.getDisplayName() + "' on the build page");
    }

    private TrainingCall call(final TrainingParameters parameters, final String id, final List<String> secretKeys) {
        var build = BuildInfo.fromEnvironment(env);
        return new TrainingCall(build.jobName() == null ? "training" : build.jobName(), run.getNumber(),
                BuildReports.number(id), build, parameters.namespace(), secretKeys);
    }

    private Path buildFolder(final String id) {
        return BuildReports.directory(run.getRootDir()).resolve(id);
    }

    private Map<String, byte[]> reportFiles(final String id) throws IOException {
        var files = new LinkedHashMap<String, byte[]>();
        for (String name : List.of(ReportFiles.REPORT_JSON, ReportFiles.REPORT_MD, ReportFiles.REPORT_HTML,
                ReportFiles.JUNIT_XML)) {
            var file = buildFolder(id).resolve(name);
            if (Files.isRegularFile(file)) {
                files.put(name, Files.readAllBytes(file));
            }
        }
        return files;
    }
}
