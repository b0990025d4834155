package dev.signalbox.examples;

import dev.signalbox.core.calendar.ReleaseCalendar;
import dev.signalbox.core.json.DocumentCodec;
import dev.signalbox.core.json.DocumentProblem;
import dev.signalbox.core.json.InvalidDocumentException;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.Decision;
import dev.signalbox.core.policy.Evidence;
import dev.signalbox.core.policy.ReleaseContext;
import dev.signalbox.core.policy.ReleasePolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * An agent framework calling the policy with JSON in and JSON out: a change request document on
 * standard input, its {@link Decision} as JSON on standard output, and an exit status a script can
 * branch on. Every build runs it ({@code AgentGatewayTest}).
 *
 * <p>Exit status: 0 SHIP, 10 NOT_YET, 20 SEND_BACK, 2 when the input is not a change request (the
 * output then lists every problem with its JSON path).
 */
public final class AgentGateway {
  /** The exit status when the input is not a valid change request. */
  public static final int INVALID_INPUT = 2;

  private static final DocumentCodec JSON = DocumentCodec.json();

  private AgentGateway() {}

  /**
   * The answer to input that is not a change request.
   *
   * @param error what the input is not
   * @param problems every problem found, each with its JSON path
   */
  public record Rejection(String error, List<DocumentProblem> problems) {}

  /**
   * Decides the change request in {@code input} at {@code now} under {@code policy}, writes the
   * answer to {@code out} and returns the exit status.
   */
  public static int run(String input, Instant now, ReleasePolicy policy, PrintStream out) {
    ChangeRequest change;
    try {
      change = JSON.read(input, ChangeRequest.class);
    } catch (InvalidDocumentException e) {
      out.println(JSON.write(new Rejection("not a change request", e.problems())));
      return INVALID_INPUT;
    }
    Decision decision =
        policy.decide(
            change,
            ReleaseContext.at(now)
                .withCalendar(ReleaseCalendar.empty())
                .withEvidence(Evidence.none()));
    out.println(JSON.write(decision));
    return switch (decision.outcome()) {
      case SHIP -> 0;
      case NOT_YET -> 10;
      case SEND_BACK -> 20;
    };
  }

  /** Reads standard input, decides now under the default policy, exits with the status. */
  public static void main(String[] args) throws IOException {
    String input = read(System.in);
    System.exit(run(input, Instant.now(), ReleasePolicy.defaults(), System.out));
  }

  private static String read(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }
}
