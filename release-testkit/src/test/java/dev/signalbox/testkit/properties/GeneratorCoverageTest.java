package dev.signalbox.testkit.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.testkit.generators.ModelGenerators;
import org.junit.jupiter.api.Test;

/** The test kit keeps up with the model: every public model type has a generator. */
class GeneratorCoverageTest {
  @Test
  void everyModelTypeHasAGenerator() {
    assertThat(ModelTypes.all()).hasSizeGreaterThan(50);
    assertThat(ModelGenerators.types()).containsAll(ModelTypes.all());
  }

  @Test
  void generatorsOnlyCoverModelTypes() {
    assertThat(ModelTypes.all()).containsAll(ModelGenerators.types());
  }
}
