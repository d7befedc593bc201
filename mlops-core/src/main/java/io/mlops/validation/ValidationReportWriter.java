package io.mlops.validation;
public final class ValidationReportWriter {
    public static void write(ValidationReport r, java.nio.file.Path d) { }
}
