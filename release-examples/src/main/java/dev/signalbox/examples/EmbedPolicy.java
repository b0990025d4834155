package dev.signalbox.examples;

import dev.signalbox.core.calendar.ReleaseCalendar;
import dev.signalbox.core.json.DocumentCodec;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.Decision;
import dev.signalbox.core.policy.Evidence;
import dev.signalbox.core.policy.ReleaseContext;
import dev.signalbox.core.policy.ReleasePolicy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Embedding the policy engine in a tool: about ten lines from a change request document to an
 * explained decision. Every build runs it ({@code EmbedPolicyTest}) and checks what it prints.
 */
public final class EmbedPolicy {
  private EmbedPolicy() {}

  /** Decides the change request in the JSON {@code document} at {@code now}, printing why. */
  public static Decision run(String document, Instant now, PrintStream out) {
    ChangeRequest change = DocumentCodec.json().read(document, ChangeRequest.class);
    ReleasePolicy policy = ReleasePolicy.defaults(); // or ReleasePolicy.loader().load(path)
    ReleaseContext context =
        ReleaseContext.at(now)
            .withCalendar(ReleaseCalendar.empty()) // your freezes and merge windows
            .withEvidence(Evidence.none()); // what your EvidenceVerifier verified
    Decision decision = policy.decide(change, context);

    out.println(change.id().value() + ": " + decision.outcome());
    decision.reasons().forEach(r -> out.println("  " + r.rule() + ": " + r.message()));
    decision.required().forEach(a -> out.println("  -> " + a.action()));
    return decision;
  }

  /** Decides the document named by the first argument (a file), now. */
  public static void main(String[] args) throws IOException {
    String document = Files.readString(Path.of(args[0]));
    run(document, Instant.now(), System.out);
  }
}
