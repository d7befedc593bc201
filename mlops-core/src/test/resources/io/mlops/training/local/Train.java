import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A small real training script for the local runner's tests: logistic regression by gradient descent on a
 * synthetic data set, one line per epoch, the model written to model.txt. "--fail-at N" throws at epoch N, as a
 * training script with a bug would; MLFLOW_RUN_ID, when set, is echoed as the run it would log into.
 */
public class Train {
    public static void main(final String[] args) throws Exception {
        int epochs = 20;
        int failAt = -1;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--epochs")) {
                epochs = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--fail-at")) {
                failAt = Integer.parseInt(args[++i]);
            }
        }
        var runId = System.getenv("MLFLOW_RUN_ID");
        System.out.println("run " + (runId == null ? "none" : runId));
        var random = new Random(7);
        int n = 500;
        double[][] x = new double[n][2];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = random.nextGaussian();
            x[i][1] = random.nextGaussian();
            y[i] = 1.5 * x[i][0] - 0.5 * x[i][1] + 0.3 * random.nextGaussian() > 0 ? 1 : 0;
        }
        double w0 = 0, w1 = 0, b = 0;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            if (epoch == failAt) {
                throw new IllegalStateException("loss is NaN at epoch " + epoch);
            }
            double g0 = 0, g1 = 0, gb = 0, loss = 0;
            for (int i = 0; i < n; i++) {
                double p = 1 / (1 + Math.exp(-(w0 * x[i][0] + w1 * x[i][1] + b)));
                loss -= y[i] == 1 ? Math.log(p) : Math.log(1 - p);
                g0 += (p - y[i]) * x[i][0];
                g1 += (p - y[i]) * x[i][1];
                gb += p - y[i];
            }
            w0 -= 0.5 * g0 / n;
            w1 -= 0.5 * g1 / n;
            b -= 0.5 * gb / n;
            System.out.printf("epoch %d loss %.4f%n", epoch, loss / n);
            if (epoch % 5 == 0) {
                System.err.printf("checkpoint epoch %d%n", epoch);
            }
        }
        Files.writeString(Path.of("model.txt"), w0 + " " + w1 + " " + b + "\n");
        System.out.println("saved model.txt");
    }
}
