package dev.signalbox.core.risk;

/** How a feature's raw value is shaped before the model weighs it. */
public enum Transform {
  /** The value as it is: flags, hours, entropies. */
  IDENTITY {
    @Override
    public double apply(double value) {
      return value;
    }
  },
  /** {@code ln(1 + max(value, 0))}: counts and sizes, whose effect grows with their order. */
  LOG1P {
    @Override
    public double apply(double value) {
      return StrictMath.log1p(Math.max(value, 0));
    }
  };

  /** The shaped value. */
  public abstract double apply(double value);
}
