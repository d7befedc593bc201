package io.mlops.mlflow;

import java.util.List;

/**
 * The datasets a run used, as {@code runs/get} returns them ({@code RunInputs} in
 * {@code mlflow/protos/service.proto}).
 *
 * @param datasetInputs the datasets with their input tags
 */
public record RunInputs(List<DatasetInput> datasetInputs) {
    /** Normalises a missing list to an empty one. */
    public RunInputs {
        datasetInputs = datasetInputs == null ? List.of() : List.copyOf(datasetInputs);
    }
}
