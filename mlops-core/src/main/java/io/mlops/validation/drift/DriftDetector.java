package io.mlops.validation.drift;
import java.util.Map;
public final class DriftDetector {
    public DriftDetector(DriftSettings s) { }
    public ColumnDrift compare(ColumnSample r, ColumnSample c) { throw new IllegalStateException(); }
    public DriftReport summarize(Map<String, ColumnDrift> m) { throw new IllegalStateException(); }
}
