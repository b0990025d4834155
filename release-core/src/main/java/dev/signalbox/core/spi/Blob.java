package dev.signalbox.core.spi;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The bytes of one file, immutable; JSON carries them as one string in standard base64.
 *
 * <p>Instances are immutable and safe to share between threads: {@link #bytes()} hands out a fresh
 * copy on every call.
 *
 * @param base64 the bytes in standard base64, with padding
 */
public record Blob(String base64) {
  /**
   * Checks that the text is standard base64.
   *
   * @throws InvalidValueException if it is null or not standard base64
   */
  public Blob {
    Checks.present(Blob.class, "base64", base64);
    try {
      Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException(Blob.class, "base64", "must be standard base64", base64);
    }
  }

  /**
   * The blob of {@code bytes}, copied.
   *
   * @throws InvalidValueException if {@code bytes} is null
   */
  public static Blob of(byte[] bytes) {
    Checks.present(Blob.class, "bytes", bytes);
    return new Blob(Base64.getEncoder().encodeToString(bytes));
  }

  /**
   * The blob of {@code text} encoded in UTF-8.
   *
   * @throws InvalidValueException if {@code text} is null
   */
  public static Blob ofUtf8(String text) {
    Checks.present(Blob.class, "text", text);
    return of(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The bytes; a fresh array on every call. */
  public byte[] bytes() {
    return Base64.getDecoder().decode(base64);
  }

  /** The number of bytes. */
  public int size() {
    int padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
    return base64.length() / 4 * 3 - padding;
  }

  /** The bytes decoded as UTF-8, with malformed input replaced by U+FFFD. */
  public String utf8() {
    return new String(bytes(), StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "Blob[" + size() + " bytes]";
  }
}
