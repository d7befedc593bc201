// Trains the example churn model: logistic regression by gradient descent, standard library only, so that it runs
// wherever a JDK does (`java examples/train/Train.java ...`, no build step, no Python ML libraries).
//
//   java examples/train/Train.java --train examples/data/reference.csv --score examples/data/current.csv --out model
//
// writes model/model.json (features, standardisation, coefficients, training metrics) and
// model/predictions.csv (customer_id, churned, predicted, probability, plan, country) for the scored customers:
// the candidate's predictions that evaluateModel compares with production. Logs one line per 100 iterations.
// --features picks the inputs (default: age,income,tenure_months,monthly_spend,plan,country); the demo's production
// model is the same code trained on tenure_months alone.
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

public final class Train {
    private static final String[] NUMERIC = {"age", "income", "tenure_months", "monthly_spend"};
    private static final String[] PLANS = {"basic", "pro", "enterprise"};
    private static final String[] COUNTRIES = {"US", "DE", "FR", "IN", "BR"};
    private static final List<String> ALL_FEATURES = List.of("age", "income", "tenure_months", "monthly_spend", "plan",
            "country");

    public static void main(final String[] args) throws IOException {
        var options = options(args);
        var train = read(Path.of(options.get("--train")));
        var out = Files.createDirectories(Path.of(options.getOrDefault("--out", "model")));
        int iterations = Integer.parseInt(options.getOrDefault("--iterations", "600"));
        double rate = Double.parseDouble(options.getOrDefault("--learning-rate", "0.5"));
        var chosen = List.of(options.getOrDefault("--features", String.join(",", ALL_FEATURES)).split(","));
        if (chosen.isEmpty() || !ALL_FEATURES.containsAll(chosen)) {
            System.err.println("--features: expected some of " + String.join(",", ALL_FEATURES) + ", got "
                    + String.join(",", chosen));
            System.exit(2);
        }
        var inputs = inputs(chosen);

        var means = new double[NUMERIC.length];
        var stds = new double[NUMERIC.length];
        standardisation(train, means, stds);
        var x = train.stream().map(row -> select(features(row, means, stds), inputs)).toArray(double[][]::new);
        var y = train.stream().mapToDouble(row -> "true".equals(row.get("churned")) ? 1 : 0).toArray();
        var w = new double[x[0].length];
        for (int iteration = 1; iteration <= iterations; iteration++) {
            var gradient = new double[w.length];
            double loss = 0;
            for (int i = 0; i < x.length; i++) {
                double p = sigmoid(dot(w, x[i]));
                loss -= y[i] * Math.log(Math.max(p, 1e-15)) + (1 - y[i]) * Math.log(Math.max(1 - p, 1e-15));
                for (int j = 0; j < w.length; j++) {
                    gradient[j] += (p - y[i]) * x[i][j];
                }
            }
            for (int j = 0; j < w.length; j++) {
                w[j] -= rate * gradient[j] / x.length;
            }
            if (iteration % 100 == 0 || iteration == 1) {
                System.out.printf(Locale.ROOT, "iteration %d: log loss %.5f%n", iteration, loss / x.length);
            }
        }
        double accuracy = 0;
        for (int i = 0; i < x.length; i++) {
            accuracy += (sigmoid(dot(w, x[i])) >= 0.5 ? 1 : 0) == y[i] ? 1 : 0;
        }
        accuracy /= x.length;
        System.out.printf(Locale.ROOT, "training accuracy %.4f on %d customers%n", accuracy, x.length);
        Files.writeString(out.resolve("model.json"), modelJson(means, stds, inputs, w, accuracy, x.length,
                iterations), StandardCharsets.UTF_8);
        if (options.containsKey("--score")) {
            score(read(Path.of(options.get("--score"))), means, stds, inputs, w, out.resolve("predictions.csv"));
        }
        System.out.println("model written to " + out.resolve("model.json"));
    }

    private static void score(final List<Map<String, String>> rows, final double[] means, final double[] stds,
            final int[] inputs, final double[] w, final Path file) throws IOException {
        var text = new StringBuilder("customer_id,churned,predicted,probability,plan,country\n");
        for (var row : rows) {
            double p = sigmoid(dot(w, select(features(row, means, stds), inputs)));
            text.append(row.get("customer_id")).append(',').append("true".equals(row.get("churned")) ? 1 : 0)
                    .append(',').append(p >= 0.5 ? 1 : 0).append(',').append(String.format(Locale.ROOT, "%.4f", p))
                    .append(',').append(row.get("plan")).append(',').append(row.get("country")).append('\n');
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        System.out.println("scored " + rows.size() + " customers into " + file);
    }

    /** The positions in {@link #features} of the intercept and of the chosen inputs (a category: all its columns). */
    private static int[] inputs(final List<String> chosen) {
        var names = featureNames();
        var positions = new ArrayList<Integer>(List.of(0));
        for (int j = 1; j < names.size(); j++) {
            var input = names.get(j).split("=")[0];
            if (chosen.contains(input)) {
                positions.add(j);
            }
        }
        return positions.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double[] select(final double[] all, final int[] inputs) {
        var chosen = new double[inputs.length];
        for (int j = 0; j < inputs.length; j++) {
            chosen[j] = all[inputs[j]];
        }
        return chosen;
    }

    private static List<String> featureNames() {
        var names = new ArrayList<String>(List.of("intercept"));
        names.addAll(List.of(NUMERIC));
        for (var plan : PLANS) {
            names.add("plan=" + plan);
        }
        for (var country : COUNTRIES) {
            names.add("country=" + country);
        }
        return names;
    }

    /** Intercept, standardised numbers (a missing income is the mean), one-hot plan and country. */
    private static double[] features(final Map<String, String> row, final double[] means, final double[] stds) {
        var f = new double[1 + NUMERIC.length + PLANS.length + COUNTRIES.length];
        f[0] = 1;
        for (int j = 0; j < NUMERIC.length; j++) {
            var text = row.get(NUMERIC[j]);
            f[1 + j] = text == null || text.isEmpty() ? 0 : (Double.parseDouble(text) - means[j]) / stds[j];
        }
        for (int j = 0; j < PLANS.length; j++) {
            f[1 + NUMERIC.length + j] = PLANS[j].equals(row.get("plan")) ? 1 : 0;
        }
        for (int j = 0; j < COUNTRIES.length; j++) {
            f[1 + NUMERIC.length + PLANS.length + j] = COUNTRIES[j].equals(row.get("country")) ? 1 : 0;
        }
        return f;
    }

    private static void standardisation(final List<Map<String, String>> rows, final double[] means,
            final double[] stds) {
        for (int j = 0; j < NUMERIC.length; j++) {
            double sum = 0;
            double squares = 0;
            int n = 0;
            for (var row : rows) {
                var text = row.get(NUMERIC[j]);
                if (text != null && !text.isEmpty()) {
                    double v = Double.parseDouble(text);
                    sum += v;
                    squares += v * v;
                    n++;
                }
            }
            means[j] = sum / n;
            stds[j] = Math.sqrt(Math.max(squares / n - means[j] * means[j], 1e-12));
        }
    }

    private static String modelJson(final double[] means, final double[] stds, final int[] inputs, final double[] w,
            final double accuracy, final int rows, final int iterations) {
        var names = featureNames();
        var json = new StringBuilder("{\n  \"model\": \"churn\",\n  \"kind\": \"logistic regression\",\n");
        json.append("  \"trainedOn\": ").append(rows).append(",\n  \"iterations\": ").append(iterations).append(",\n");
        json.append(String.format(Locale.ROOT, "  \"trainingAccuracy\": %.6f,%n", accuracy));
        json.append("  \"coefficients\": {");
        for (int j = 0; j < w.length; j++) {
            json.append(j == 0 ? "\n" : ",\n")
                    .append(String.format(Locale.ROOT, "    \"%s\": %.8f", names.get(inputs[j]), w[j]));
        }
        json.append("\n  },\n  \"standardisation\": {");
        for (int j = 0; j < NUMERIC.length; j++) {
            json.append(j == 0 ? "\n" : ",\n").append(String.format(Locale.ROOT,
                    "    \"%s\": {\"mean\": %.8f, \"std\": %.8f}", NUMERIC[j], means[j], stds[j]));
        }
        return json.append("\n  }\n}\n").toString();
    }

    /** The rows of a CSV file without quoted fields (the example data has none), by column name. */
    private static List<Map<String, String>> read(final Path file) throws IOException {
        var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        var header = lines.get(0).split(",", -1);
        var rows = new ArrayList<Map<String, String>>();
        for (var line : lines.subList(1, lines.size())) {
            if (line.isEmpty()) {
                continue;
            }
            var cells = line.split(",", -1);
            var row = new HashMap<String, String>();
            for (int j = 0; j < header.length; j++) {
                row.put(header[j], j < cells.length ? cells[j] : "");
            }
            rows.add(row);
        }
        return rows;
    }

    private static Map<String, String> options(final String[] args) {
        var options = new HashMap<String, String>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        if (!options.containsKey("--train")) {
            System.err.println("usage: java Train.java --train FILE [--score FILE] [--out DIR] [--iterations N] "
                    + "[--learning-rate R] [--features A,B,...]");
            System.exit(2);
        }
        return options;
    }

    private static double sigmoid(final double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double dot(final double[] a, final double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
