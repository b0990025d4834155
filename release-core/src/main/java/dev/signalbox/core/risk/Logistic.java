package dev.signalbox.core.risk;

/**
 * The logistic function and its numerically careful pieces. {@link StrictMath} throughout, so a
 * model trains and scores to the same bits on every JVM and processor.
 */
final class Logistic {
  private Logistic() {}

  static double sigmoid(double z) {
    if (z >= 0) {
      return 1 / (1 + StrictMath.exp(-z));
    }
    double e = StrictMath.exp(z);
    return e / (1 + e);
  }

  /**
   * Fits weights {@code w} (index 0 the intercept, not penalised) of a logistic regression by
   * Newton's method with an L2 penalty {@code lambda} on the other weights. Deterministic: every
   * sum runs in row order, and the Newton system is solved by Cholesky factorisation.
   *
   * @param x rows of inputs, without the intercept column
   * @param y labels, 0 or 1
   */
  static double[] fit(double[][] x, double[] y, double lambda, int maxIterations) {
    int d = x.length == 0 ? 1 : x[0].length + 1;
    double[] w = new double[d];
    double[] row = new double[d];
    for (int iteration = 0; iteration < maxIterations; iteration++) {
      double[] gradient = new double[d];
      double[][] hessian = new double[d][d];
      for (int i = 0; i < x.length; i++) {
        row[0] = 1;
        System.arraycopy(x[i], 0, row, 1, d - 1);
        double z = 0;
        for (int j = 0; j < d; j++) {
          z += w[j] * row[j];
        }
        double p = sigmoid(z);
        double r = p - y[i];
        double h = p * (1 - p);
        for (int j = 0; j < d; j++) {
          gradient[j] += r * row[j];
          double hj = h * row[j];
          for (int k = 0; k <= j; k++) {
            hessian[j][k] += hj * row[k];
          }
        }
      }
      for (int j = 1; j < d; j++) {
        gradient[j] += lambda * w[j];
        hessian[j][j] += lambda;
      }
      for (int j = 0; j < d; j++) {
        hessian[j][j] += 1e-9; // keeps the system positive definite when a column is constant
      }
      double[] step = Cholesky.solve(hessian, gradient);
      double largest = 0;
      for (int j = 0; j < d; j++) {
        w[j] -= step[j];
        largest = Math.max(largest, Math.abs(step[j]));
      }
      if (largest < 1e-10) {
        break;
      }
    }
    return w;
  }
}
