"""A training script as teams write them: it logs into "the" MLflow run without knowing which one.

mlflow.start_run() picks up MLFLOW_RUN_ID (and MLFLOW_TRACKING_URI, MLFLOW_EXPERIMENT_ID) from the environment,
so the metrics land in the run that trainModel created.
"""
import mlflow

with mlflow.start_run() as run:
    mlflow.log_param("epochs", 3)
    for epoch in range(3):
        loss = 1.0 / (epoch + 1)
        mlflow.log_metric("loss", loss, step=epoch)
        print(f"epoch {epoch} loss {loss:.3f}", flush=True)
    print(f"logged into run {run.info.run_id}", flush=True)
