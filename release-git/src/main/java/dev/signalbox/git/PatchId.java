package dev.signalbox.git;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code git patch-id --verbatim}: a port of git's {@code get_one_patchid} in its stable, verbatim
 * mode, fed the text of a diff as an output stream. Each file's header and hunk lines are hashed
 * with SHA-1, hunk headers (and so line numbers) and index lines left out; the files' hashes are
 * summed byte by byte, so their order does not matter; a binary file counts by its blob ids (git
 * 2.40 and later; older git hashed only its "Binary files ... differ" line, so that any edit to a
 * binary file kept the id). Quirks are kept, so that the result is git's: after a binary file the
 * next file's {@code diff --git} line is not hashed, and a file without hunks (a mode change, an
 * empty new file) shares its hash with the next file.
 *
 * <p>Not thread-safe; one instance per diff.
 */
final class PatchId extends OutputStream {
  private final MessageDigest sha1 = newSha1();
  private final byte[] result = new byte[20];
  private byte[] line = new byte[256];
  private int length;
  private final List<byte[]> held = new ArrayList<>(2);

  private boolean sawDiff;
  private boolean done;
  private int before = -1;
  private int after = -1;
  private boolean binary;
  private String preImage = "";
  private String postImage = "";

  @Override
  public void write(int b) {
    if (length == line.length) {
      line = Arrays.copyOf(line, line.length * 2);
    }
    line[length++] = (byte) b;
    if (b == '\n') {
      accept(Arrays.copyOf(line, length));
      length = 0;
    }
  }

  /**
   * Takes one line of JGit's diff text, dropping the {@code ---}/{@code +++} lines that JGit writes
   * for a file without hunks (an empty file added or deleted, a binary file) and git does not.
   */
  private void accept(byte[] next) {
    if (!held.isEmpty()) {
      if (held.size() == 1 && startsWith(next, "+++ ")) {
        held.add(next);
        return;
      }
      if (startsWith(next, "@@ ")) {
        held.forEach(this::hash);
      }
      held.clear();
    } else if (before == -1 && !binary && startsWith(next, "--- ")) {
      held.add(next);
      return;
    }
    hash(next);
  }

  private void hash(byte[] next) {
    byte[] kept = line;
    int keptLength = length;
    line = next;
    length = next.length;
    line();
    line = kept;
    length = keptLength;
  }

  @Override
  public void write(byte[] bytes, int offset, int count) {
    for (int i = offset; i < offset + count; i++) {
      write(bytes[i]);
    }
  }

  /** The patch id, as 40 hexadecimal digits; call once, after the whole diff was written. */
  String finish() {
    if (length > 0) {
      accept(Arrays.copyOf(line, length));
      length = 0;
    }
    held.clear(); // a ---/+++ pair at the end with no hunk after it
    flushFile();
    StringBuilder hex = new StringBuilder(40);
    for (byte b : result) {
      hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return hex.toString();
  }

  private void line() {
    if (done) {
      return;
    }
    if (startsWith("\\ ") && length > 12) {
      sha1.update(line, 0, length); // "\ No newline at end of file", verbatim only
      return;
    }
    if (!sawDiff && !startsWith("diff ")) {
      return; // commit message and other text before the first diff
    }
    if (before == -1) {
      if (startsWith("GIT binary patch") || startsWith("Binary files")) {
        binary = true;
        before = 0;
        sha1.update(preImage.getBytes(StandardCharsets.US_ASCII));
        sha1.update(postImage.getBytes(StandardCharsets.US_ASCII));
        flushFile();
        return;
      } else if (startsWith("index ")) {
        indexLine();
        return;
      } else if (startsWith("--- ")) {
        before = 1;
        after = 1;
      } else if (!isAsciiLetter(line[0])) {
        done = true;
        return;
      }
    }
    if (binary) {
      if (startsWith("diff ")) {
        binary = false;
        before = -1;
      }
      return;
    }
    if (before == 0 && after == 0) {
      if (startsWith("@@ -")) {
        hunkHeader();
        return;
      }
      if (!startsWith("diff ")) {
        done = true;
        return;
      }
      flushFile();
      before = -1;
      after = -1;
    }
    if (line[0] == '-' || line[0] == ' ') {
      before--;
    }
    if (line[0] == '+' || line[0] == ' ') {
      after--;
    }
    sawDiff = true;
    sha1.update(line, 0, length);
  }

  /** {@code index <pre>..<post> [mode]}: remembers the two ids, hashed for binary files. */
  private void indexLine() {
    String text = new String(line, 0, length, StandardCharsets.US_ASCII);
    int dots = text.indexOf("..");
    if (dots < 0) {
      return;
    }
    int space = text.indexOf(' ', dots);
    int end = space >= 0 ? space : text.length() - 1;
    preImage = text.substring("index ".length(), dots);
    postImage = text.substring(dots + 2, end);
  }

  /** {@code @@ -a[,b] +c[,d] @@}: the lines to expect on each side, line numbers ignored. */
  private void hunkHeader() {
    int at = 4;
    int[] counts = new int[2];
    for (int side = 0; side < 2; side++) {
      int digits = at;
      while (digits < length && Character.isDigit(line[digits])) {
        digits++;
      }
      if (digits < length && line[digits] == ',') {
        int start = digits + 1;
        int end = start;
        while (end < length && Character.isDigit(line[end])) {
          end++;
        }
        counts[side] =
            end > start
                ? Integer.parseInt(new String(line, start, end - start, StandardCharsets.US_ASCII))
                : 0;
        digits = end;
      } else {
        counts[side] = 1;
      }
      at = digits + 2; // past " +"
    }
    before = counts[0];
    after = counts[1];
  }

  /** Adds this file's hash to the sum, with carry, and starts the next. */
  private void flushFile() {
    byte[] hash = sha1.digest();
    int carry = 0;
    for (int i = 0; i < result.length; i++) {
      carry += (result[i] & 0xff) + (hash[i] & 0xff);
      result[i] = (byte) carry;
      carry >>>= 8;
    }
  }

  private static boolean startsWith(byte[] text, String prefix) {
    if (text.length < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (text[i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private boolean startsWith(String prefix) {
    if (length < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (line[i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetter(byte b) {
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
  }

  private static MessageDigest newSha1() {
    try {
      return MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-1", e);
    }
  }
}
