package dev.signalbox.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.model.Revision;
import dev.signalbox.core.spi.RefUpdate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The train check and the README's example run on a repository made with git and say what they
 * promise.
 */
class TrainCheckTest {
  @TempDir Path repository;

  @Test
  void reportsFilesMergesAndReverts() throws Exception {
    git("init", "-q", "-b", "main");
    write(
        "app/Main.java",
        "class Main {\n  int a = 1;\n  int b = 2;\n  int c = 3;\n  int d = 4;\n  int e = 5;\n}\n");
    write("db/migrations/V1__init.sql", "create table t (id int);\n");
    git("add", ".");
    git("commit", "-q", "-m", "base");
    Revision base = head();
    Revision first =
        branch(
            "first",
            "app/Main.java",
            "class Main {\n  int a = 10;\n  int b = 2;\n  int c = 3;\n  int d = 4;\n  int e = 5;\n}\n");
    Revision second = branch("second", "db/migrations/V2__add.sql", "alter table t add x int;\n");
    Revision clash =
        branch(
            "clash",
            "app/Main.java",
            "class Main {\n  int a = 99;\n  int b = 2;\n  int c = 3;\n  int d = 4;\n  int e = 5;\n}\n");

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TrainCheck.run(
        repository,
        base,
        List.of(first, second, clash),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out)
        .contains(first.abbreviated() + ": 1 files, +1 -1, digest ")
        .contains("blast radius MEDIUM [SCHEMA_MIGRATION]")
        .contains(first.abbreviated() + " merges cleanly")
        .contains(second.abbreviated() + " merges cleanly")
        .contains(clash.abbreviated() + " conflicts: [content: app/Main.java]")
        .contains(first.abbreviated() + " reverts on the final tree: CLEAN");

    ByteArrayOutputStream shipped = new ByteArrayOutputStream();
    RefUpdate moved =
        ShipFirstChange.run(
            repository,
            base,
            List.of(first, second, clash),
            new PrintStream(shipped, true, StandardCharsets.UTF_8));
    assertThat(moved).isEqualTo(RefUpdate.MOVED);
    assertThat(shipped.toString(StandardCharsets.UTF_8))
        .contains(clash.abbreviated() + " conflicts: [content: app/Main.java]")
        .contains("1 files, digest ")
        .contains("revert CLEAN");
    assertThat(git("log", "--format=%s", "-1", "main").trim())
        .isEqualTo("Merge " + first.abbreviated());
  }

  private Revision branch(String name, String path, String content) throws Exception {
    git("checkout", "-q", "-b", name, "main");
    write(path, content);
    git("add", ".");
    git("commit", "-q", "-m", name);
    Revision head = head();
    git("checkout", "-q", "main");
    return head;
  }

  private Revision head() throws Exception {
    return Revision.of(git("rev-parse", "HEAD").trim());
  }

  private void write(String path, String content) throws IOException {
    Path file = repository.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private String git(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "git",
                "-C",
                repository.toString(),
                "-c",
                "user.name=Test",
                "-c",
                "user.email=test@example.com"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    builder.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as("git %s: %s", String.join(" ", args), output).isZero();
    return output;
  }
}
