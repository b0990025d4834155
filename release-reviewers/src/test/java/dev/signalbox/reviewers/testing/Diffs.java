package dev.signalbox.reviewers.testing;

import java.util.List;

/** Unified diffs written as git writes them, for the static reviewers' tests. */
public final class Diffs {
  private Diffs() {}

  /** The diff that adds file {@code path} with {@code lines}. */
  public static String newFile(String path, String... lines) {
    StringBuilder out = new StringBuilder();
    out.append("diff --git a/").append(path).append(" b/").append(path).append('\n');
    out.append("new file mode 100644\n");
    out.append("index 0000000..1111111\n");
    out.append("--- /dev/null\n");
    out.append("+++ b/").append(path).append('\n');
    out.append("@@ -0,0 +1,").append(lines.length).append(" @@\n");
    for (String line : lines) {
      out.append('+').append(line).append('\n');
    }
    return out.toString();
  }

  /**
   * The diff that inserts {@code lines} into {@code path} after line {@code after}, with one line
   * of context before.
   */
  public static String insert(String path, int after, String context, String... lines) {
    StringBuilder out = new StringBuilder();
    out.append("diff --git a/").append(path).append(" b/").append(path).append('\n');
    out.append("index 1111111..2222222 100644\n");
    out.append("--- a/").append(path).append('\n');
    out.append("+++ b/").append(path).append('\n');
    out.append("@@ -")
        .append(after)
        .append(",1 +")
        .append(after)
        .append(',')
        .append(lines.length + 1)
        .append(" @@\n");
    out.append(' ').append(context).append('\n');
    for (String line : lines) {
      out.append('+').append(line).append('\n');
    }
    return out.toString();
  }

  /** The diff that deletes file {@code path} of {@code lines} lines. */
  public static String deleted(String path, int lines) {
    StringBuilder out = new StringBuilder();
    out.append("diff --git a/").append(path).append(" b/").append(path).append('\n');
    out.append("deleted file mode 100644\n");
    out.append("--- a/").append(path).append('\n');
    out.append("+++ /dev/null\n");
    out.append("@@ -1,").append(lines).append(" +0,0 @@\n");
    for (int i = 0; i < lines; i++) {
      out.append("-line ").append(i).append('\n');
    }
    return out.toString();
  }

  /** The diffs joined. */
  public static String of(String... diffs) {
    return String.join("", List.of(diffs));
  }
}
