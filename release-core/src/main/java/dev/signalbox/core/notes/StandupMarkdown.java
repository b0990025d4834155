package dev.signalbox.core.notes;

import static dev.signalbox.core.notes.Markdown.inline;

import dev.signalbox.core.model.ChangeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Renders a {@link Standup} as Markdown; every value from outside is escaped. */
final class StandupMarkdown {
  private StandupMarkdown() {}

  static String render(Standup standup) {
    StringBuilder md = new StringBuilder(2048);
    md.append("# Standup, ").append(standup.at()).append("\n\n");

    md.append("## Shipped since ").append(standup.since()).append("\n\n");
    if (standup.shipped().isEmpty()) {
      md.append("Nothing shipped.\n\n");
    } else {
      for (Standup.ShippedLine line : standup.shipped()) {
        md.append("- ")
            .append(change(line.change(), line.title()))
            .append(line.changeClass().map(c -> " (" + c + ")").orElse(""))
            .append(", train ")
            .append(inline(line.train().value()))
            .append(", ")
            .append(line.shippedAt())
            .append('\n');
      }
      md.append('\n');
    }

    md.append("## Next train\n\n");
    if (standup.nextTrain().isEmpty()) {
      md.append("No train is planned.\n\n");
    } else {
      Standup.NextTrain next = standup.nextTrain().get();
      md.append("Train ")
          .append(inline(next.train().value()))
          .append(" departs ")
          .append(next.departure())
          .append(" with ")
          .append(Bullets.count(next.cars().size(), "car"))
          .append(next.carriedOver() == 0 ? "" : "; " + next.carriedOver() + " carried over")
          .append(next.cars().isEmpty() ? ".\n\n" : ":\n\n");
      for (Standup.Boarding car : next.cars()) {
        md.append("- ")
            .append(change(car.change(), car.title()))
            .append(car.owner().map(o -> " (owner " + inline(o) + ")").orElse(""))
            .append(", merge group ")
            .append(car.mergeGroup())
            .append('\n');
      }
      if (!next.cars().isEmpty()) {
        md.append('\n');
      }
    }

    md.append("## Frozen\n\n");
    if (standup.frozen().isEmpty()) {
      md.append("Nothing is frozen.\n\n");
    } else {
      for (FreezePeriod freeze : standup.frozen()) {
        md.append("- ")
            .append(inline(freeze.window()))
            .append(" (")
            .append(freeze.level())
            .append(", ")
            .append(Scopes.describe(freeze.scope()))
            .append(") since ")
            .append(freeze.start())
            .append(freeze.end().map(end -> ", until " + end).orElse(", until lifted"))
            .append(", declared by ")
            .append(inline(freeze.declaredBy()))
            .append(freeze.incident().map(i -> " for incident " + inline(i)).orElse(""))
            .append(": ")
            .append(inline(freeze.reason()))
            .append('\n');
      }
      md.append('\n');
    }

    md.append("## Blocked\n\n");
    if (standup.blocked().isEmpty()) {
      md.append("Nobody is blocked.\n\n");
    } else {
      String owner = null;
      for (Standup.Blocked blocked : standup.blocked()) {
        if (!blocked.owner().equals(owner)) {
          owner = blocked.owner();
          md.append("### ").append(inline(owner)).append("\n\n");
        }
        md.append("- ")
            .append(change(blocked.change(), Optional.of(blocked.title())))
            .append(blocked.outcome().map(o -> ": " + o).orElse(": carried over"))
            .append(blocked.earliestRetry().map(r -> ", not before " + r).orElse(""))
            .append(" (agent ")
            .append(inline(blocked.producer()))
            .append(", operator ")
            .append(inline(blocked.operator()))
            .append(")\n");
        for (Standup.Blocker blocker : blocked.blockers()) {
          List<String> parts = new ArrayList<>();
          blocker.reasons().forEach(r -> parts.add(inline(r)));
          blocker.actions().forEach(a -> parts.add("required: " + inline(a)));
          md.append("  - ")
              .append(inline(blocker.rule()))
              .append(" → ")
              .append(party(blocker.party(), blocked))
              .append(": ")
              .append(String.join("; ", parts))
              .append('\n');
        }
      }
      md.append('\n');
    }

    md.append("## Emergency post-reviews\n\n");
    if (standup.postReviews().isEmpty()) {
      md.append("No emergency change owes a post-review.\n");
    } else {
      for (Standup.PostReview review : standup.postReviews()) {
        md.append("- ")
            .append(review.overdue() ? "**OVERDUE** " : "due ")
            .append(review.dueBy())
            .append(": ")
            .append(change(review.change(), review.title()))
            .append(review.train().map(t -> ", shipped on train " + inline(t.value())).orElse(""))
            .append(review.shippedAt().map(s -> " at " + s).orElse(""))
            .append(
                review.acceptedBy().isEmpty()
                    ? ""
                    : ", risk accepted by " + ReleaseNotesMarkdown.list(review.acceptedBy()))
            .append('\n');
      }
    }
    return md.toString().stripTrailing() + "\n";
  }

  private static String change(ChangeRef ref, Optional<String> title) {
    return inline(ref.toString()) + title.map(t -> ": " + inline(t)).orElse("");
  }

  private static String party(Standup.Party party, Standup.Blocked blocked) {
    return switch (party) {
      case PRODUCER ->
          "agent " + inline(blocked.producer()) + " (operator " + inline(blocked.operator()) + ")";
      case OWNER -> inline(blocked.owner());
      case REVIEWERS -> "reviewers";
      case CHECKS -> "CI";
      case WAITING -> "waiting";
    };
  }
}
