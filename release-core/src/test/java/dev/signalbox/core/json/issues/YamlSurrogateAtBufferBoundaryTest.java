package dev.signalbox.core.json.issues;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.json.DocumentCodec;
import dev.signalbox.core.model.Reason;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * snakeyaml-engine 3.0.1 (what Jackson 3.3.0 brings) threw IndexOutOfBoundsException when a
 * surrogate pair, such as an emoji, straddled its 1024-character read buffer; the property test of
 * YAML round trips found it. The build pins snakeyaml-engine 3.2, which reads such documents.
 */
class YamlSurrogateAtBufferBoundaryTest {
  @Test
  void emojiAtEveryOffsetAroundTheReadBufferIsRead() {
    DocumentCodec yaml = DocumentCodec.yaml();
    for (int padding = 960; padding < 1060; padding++) {
      Reason reason = new Reason("freeze", "x".repeat(padding) + "\uD83D\uDE80 launch", Map.of());
      assertThat(yaml.read(yaml.write(reason), Reason.class)).isEqualTo(reason);
    }
  }
}
