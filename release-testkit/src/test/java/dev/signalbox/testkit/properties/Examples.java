package dev.signalbox.testkit.properties;

import static org.quicktheories.QuickTheory.qt;

import org.quicktheories.QuickTheory;

/** How many examples each property tries; seeds are printed by QuickTheories on failure. */
final class Examples {
  private Examples() {}

  /** The property engine for one property over one model type. */
  static QuickTheory per(int examples) {
    return qt().withExamples(examples).withShrinkCycles(200);
  }
}
