package dev.signalbox.benchmarks;

import dev.signalbox.core.json.DocumentCodec;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.BlastLevel;
import dev.signalbox.core.model.BlastRadius;
import dev.signalbox.core.model.ChangeId;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.ChangeSet;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.FileChange;
import dev.signalbox.core.model.Human;
import dev.signalbox.core.model.Revision;
import dev.signalbox.core.model.RollbackPlan;
import dev.signalbox.core.model.Scope;
import dev.signalbox.core.model.SensitiveKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * What it costs to read and write a change request as JSON, the call agent frameworks make for
 * every change: reading (parse, map and validate every field) against Jackson parsing the same text
 * into a tree, the part of the work Signalbox leaves to Jackson.
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DocumentCodecBenchmark {
  private final DocumentCodec json = DocumentCodec.json();
  private final ObjectMapper jackson = JsonMapper.builder().build();
  private ChangeRequest change = sample(20);
  private String document = "";

  /** Creates the benchmark's state; JMH calls it, then {@link #setUp()}. */
  public DocumentCodecBenchmark() {}

  /** Writes the sample once, for the read benchmarks. */
  @Setup
  public void setUp() {
    change = sample(20);
    document = json.write(change);
  }

  /** Reads the sample document as a change request: parse, map and validate. */
  @Benchmark
  public ChangeRequest readChangeRequest() {
    return json.read(document, ChangeRequest.class);
  }

  /** Writes the sample change request as a document. */
  @Benchmark
  public String writeChangeRequest() {
    return json.write(change);
  }

  /** Parses the sample document into Jackson's tree, nothing more: the floor under reading. */
  @Benchmark
  public JsonNode parseTreeOnly() {
    return jackson.readTree(document);
  }

  /** A change request touching {@code files} files, with dependencies and labels. */
  static ChangeRequest sample(int files) {
    List<FileChange> changes = new ArrayList<>();
    for (int i = 0; i < files; i++) {
      changes.add(FileChange.modified("services/payments/src/main/java/Pay" + i + ".java", 40, 7));
    }
    changes.add(FileChange.added("db/migrations/V42__idempotency_keys.sql", 14));
    return ChangeRequest.builder(ChangeId.of("815"))
        .repository("acme/payments")
        .title("Add idempotency keys to card authorisations")
        .summary("Retries no longer double-charge: each authorisation carries an idempotency key.")
        .producer(new Agent("builder-7", "claude-sonnet-4.5", "claude", "dana"))
        .owner(Human.of("dana", "Dana Ruiz", "release-manager"))
        .revisions(
            Revision.of("1f0e4c2b9a7d6e5f4c3b2a1908f7e6d5c4b3a291"),
            Revision.of("7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9a8b"))
        .contentDigest(
            ContentDigest.of("5d4c3b2a19f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1903f2e1d0c9b8a7f6e"))
        .changes(new ChangeSet(changes))
        .blastRadius(
            new BlastRadius(
                BlastLevel.HIGH,
                Set.of("payments"),
                Set.of("@acme/payments", "@acme/dba"),
                Set.of(SensitiveKind.SCHEMA_MIGRATION)))
        .declaredScope(Scope.ofPaths("db/migrations/**", "services/payments/**"))
        .rollback(RollbackPlan.revert())
        .dependsOn(List.of(ChangeRef.of("acme/ledger", "77"), ChangeRef.of("acme/payments", "801")))
        .label("team", "payments")
        .label("ticket", "PAY-1234")
        .proposedAt(Instant.parse("2026-11-26T08:45:00Z"))
        .build();
  }
}
