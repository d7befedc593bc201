package io.mlops.mlflow;

/**
 * The metadata of a run ({@code RunInfo} in {@code mlflow/protos/service.proto}).
 *
 * @param runId          the id
 * @param runName        the display name
 * @param experimentId   the experiment
 * @param userId         who created it
 * @param status         {@code RUNNING}, {@code SCHEDULED}, {@code FINISHED}, {@code FAILED} or {@code KILLED}
 * @param startTime      milliseconds since the epoch
 * @param endTime        milliseconds since the epoch, or 0 while running
 * @param artifactUri    the root of its artifacts, e.g. {@code mlflow-artifacts:/1/<run>/artifacts}
 * @param lifecycleStage {@code active} or {@code deleted}
 */
public record RunInfo(String runId, String runName, String experimentId, String userId, String status,
        long startTime, long endTime, String artifactUri, String lifecycleStage) {
}
