package dev.signalbox.core.json;

import java.util.List;

/** Runs a read that must fail and returns its problems as {@code path: message} lines. */
final class Problems {
  private Problems() {}

  /** A read expected to throw {@link InvalidDocumentException}. */
  @FunctionalInterface
  interface Read {
    Object run() throws Exception;
  }

  static List<String> of(Read read) {
    return thrown(read).problems().stream().map(DocumentProblem::toString).toList();
  }

  static InvalidDocumentException thrown(Read read) {
    Object value;
    try {
      value = read.run();
    } catch (InvalidDocumentException e) {
      return e;
    } catch (Exception e) {
      throw new AssertionError("expected an InvalidDocumentException, got " + e, e);
    }
    throw new AssertionError("expected an InvalidDocumentException, but read " + value);
  }
}
