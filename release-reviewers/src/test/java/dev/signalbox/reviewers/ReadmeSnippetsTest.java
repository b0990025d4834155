package dev.signalbox.reviewers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java snippets of the project README's "Review board" and "Reviewers" sections — how to
 * convene a board, plug in a CLI agent and plug in a model over HTTP — compile against the real
 * API, so that the README cannot drift from it. Each snippet is compiled as the body of a method
 * whose parameters are the names it uses without declaring them.
 */
class ReadmeSnippetsTest {
  private static final Pattern JAVA = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final String IMPORTS =
      """
      import dev.signalbox.core.board.*;
      import dev.signalbox.core.model.*;
      import dev.signalbox.core.policy.*;
      import dev.signalbox.core.spi.*;
      import dev.signalbox.reviewers.builtin.*;
      import dev.signalbox.reviewers.http.*;
      import dev.signalbox.reviewers.process.*;
      import java.net.URI;
      import java.time.Duration;
      import java.time.Instant;
      import java.util.List;
      import java.util.concurrent.ExecutorService;
      """;
  private static final String BOARD_INPUTS =
      "Reviewer securityReviewer, Reviewer qualityReviewer, Reviewer testsReviewer,"
          + " ExecutorService pool, ChangeRequest change, ChangeSnapshot snapshot,"
          + " ReleasePolicy policy, EvidenceVerifier verifier, List<Envelope> envelopes,"
          + " List<CheckRun> checks, Instant now";

  @TempDir Path out;

  @Test
  void theReviewBoardSnippetCompiles() throws IOException {
    List<String> snippets = snippets("Review board");
    assertThat(snippets).isNotEmpty();
    compile(snippets, BOARD_INPUTS);
  }

  @Test
  void theCliAgentAndHttpModelSnippetsCompile() throws IOException {
    List<String> snippets = snippets("Reviewers");
    assertThat(snippets)
        .as("a CLI agent and a model over HTTP")
        .anySatisfy(s -> assertThat(s).contains("ProcessReviewer.builder("))
        .anySatisfy(s -> assertThat(s).contains("OpenAiCompatibleReviewer.builder("))
        .anySatisfy(s -> assertThat(s).contains("AnthropicReviewer.builder("));
    compile(snippets, "");
  }

  /** The ```java blocks of the README section headed {@code ## title}. */
  private static List<String> snippets(String title) throws IOException {
    String readme = Files.readString(readme(), StandardCharsets.UTF_8);
    int start = readme.indexOf("\n## " + title + "\n");
    assertThat(start).as("README section %s", title).isNotNegative();
    int end = readme.indexOf("\n## ", start + 1);
    String section = readme.substring(start, end < 0 ? readme.length() : end);
    List<String> snippets = new ArrayList<>();
    Matcher m = JAVA.matcher(section);
    while (m.find()) {
      snippets.add(m.group(1));
    }
    return snippets;
  }

  private static Path readme() {
    // the module's directory when Maven runs the tests; the project's README is one up
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("README.md"))
          && Files.isDirectory(dir.resolve("release-reviewers"))) {
        return dir.resolve("README.md");
      }
    }
    throw new AssertionError("no README.md above " + Path.of("").toAbsolutePath());
  }

  private void compile(List<String> snippets, String parameters) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    assertThat(compiler).as("a JDK's compiler").isNotNull();
    List<JavaFileObject> sources = new ArrayList<>();
    for (int i = 0; i < snippets.size(); i++) {
      String name = "ReadmeSnippet" + i;
      String code =
          IMPORTS
              + "\nclass "
              + name
              + " {\n  void run("
              + parameters
              + ") throws Exception {\n"
              + snippets.get(i)
              + "\n  }\n}\n";
      sources.add(
          new SimpleJavaFileObject(
              URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
              return code;
            }
          });
    }
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      boolean compiled =
          compiler
              .getTask(
                  null,
                  files,
                  diagnostics,
                  List.of("-classpath", classPath, "-d", out.toString(), "-proc:none"),
                  null,
                  sources)
              .call();
      List<String> errors = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() == Diagnostic.Kind.ERROR) {
          JavaFileObject source = d.getSource();
          errors.add(
              (source == null ? "?" : source.getName())
                  + ":"
                  + d.getLineNumber()
                  + ": "
                  + d.getMessage(Locale.ROOT));
        }
      }
      assertThat(errors).as("compiling the README's snippets").isEmpty();
      assertThat(compiled).isTrue();
    }
  }
}
