// A reviewer of database migrations that speaks Signalbox's process protocol (signalbox-review/1):
// one JSON request on stdin, one JSON verdict on stdout. Run as `java ExternalReviewer.java` with
// only a JDK: the demo extracts this file and ProcessReviewer launches it for the DATA surface.
//
// It works in the read-only snapshot of the change (the touched files at head), and checks that
// every Flyway migration the change adds (db/migrations/V<n>__<name>.sql) comes with its undo
// script (U<n>__<name>.sql) and drops nothing. It is deliberately small: any program in any
// language that reads the request and writes the answer can review for Signalbox.

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class ExternalReviewer {
  private static final Pattern DIGEST = Pattern.compile("\"contentDigest\"\\s*:\\s*\"([0-9a-f]+)\"");
  private static final Pattern PATHS = Pattern.compile("\"paths\"\\s*:\\s*\\[([^\\]]*)\\]");
  private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern MIGRATION = Pattern.compile("db/migrations/V(\\d+)__([^/]+)\\.sql");
  private static final Pattern DROP = Pattern.compile("(?i)\\bdrop\\s+(table|column)\\b");

  public static void main(String[] args) throws Exception {
    String request = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
    Matcher digest = DIGEST.matcher(request);
    Matcher pathList = PATHS.matcher(request);
    if (!digest.find() || !pathList.find()) {
      System.err.println("not a signalbox-review/1 request");
      System.exit(2);
    }
    List<String> paths = new ArrayList<>();
    Matcher string = STRING.matcher(pathList.group(1));
    while (string.find()) {
      paths.add(string.group(1));
    }
    List<String> findings = new ArrayList<>();
    boolean reject = false;
    for (String path : paths) {
      Matcher migration = MIGRATION.matcher(path);
      if (!migration.matches()) {
        continue;
      }
      String undo = "db/migrations/U" + migration.group(1) + "__" + migration.group(2) + ".sql";
      String sql = Files.readString(Path.of(path), StandardCharsets.UTF_8);
      if (!paths.contains(undo)) {
        reject = true;
        findings.add(finding(path, "HIGH", "FIX_NOW", "migration-without-undo",
            "the migration has no undo script " + undo));
      } else if (DROP.matcher(sql).find()) {
        reject = true;
        findings.add(finding(path, "HIGH", "FIX_NOW", "destructive-migration",
            "the migration drops a " + dropped(sql) + ": data cannot come back"));
      } else {
        findings.add(finding(path, "INFO", "FYI", "migration-reversible",
            "additive migration with its undo script " + undo));
      }
    }
    System.out.print("{\"protocol\": \"signalbox-review/1\", \"contentDigest\": \"" + digest.group(1)
        + "\", \"outcome\": \"" + (reject ? "REJECT" : "APPROVE") + "\", \"findings\": ["
        + String.join(", ", findings) + "]}");
  }

  private static String dropped(String sql) {
    Matcher drop = DROP.matcher(sql);
    return drop.find() ? drop.group(1).toLowerCase(Locale.ROOT) : "table";
  }

  private static String finding(String path, String severity, String advice, String rule,
      String message) {
    return "{\"path\": \"" + path + "\", \"startLine\": 1, \"endLine\": 1, \"severity\": \""
        + severity + "\", \"advice\": \"" + advice + "\", \"rule\": \"" + rule
        + "\", \"message\": \"" + message + "\", \"confidence\": 0.9}";
  }
}
