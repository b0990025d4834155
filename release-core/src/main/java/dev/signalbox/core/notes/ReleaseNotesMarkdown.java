package dev.signalbox.core.notes;

import static dev.signalbox.core.notes.Markdown.inline;

import dev.signalbox.core.model.Reason;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.RevertCheck;
import dev.signalbox.core.model.RevertStatus;
import dev.signalbox.core.model.RollbackPlan;
import java.util.Collection;
import java.util.stream.Collectors;

/** Renders {@link ReleaseNotes} as Markdown; every value from outside is escaped. */
final class ReleaseNotesMarkdown {
  private ReleaseNotesMarkdown() {}

  static String render(ReleaseNotes notes) {
    StringBuilder md = new StringBuilder(4096);
    md.append("# Release notes: train ").append(inline(notes.train().value())).append("\n\n");
    if (notes.departedAt().isPresent() && notes.head().isPresent()) {
      md.append("Departed ")
          .append(notes.departedAt().get())
          .append(" (planned for ")
          .append(notes.departure())
          .append("), branch at ")
          .append(notes.head().get().abbreviated());
    } else {
      md.append("Departing: planned for ")
          .append(notes.departure())
          .append(", ")
          .append(Bullets.count(notes.pending().size(), "car"))
          .append(" still to merge");
    }
    md.append(" · scope: ").append(Scopes.describe(notes.scope())).append("\n\n");

    md.append("## What's shipping\n\n");
    for (String bullet : notes.whatsShipping()) {
      md.append("- ").append(inline(bullet)).append('\n');
    }
    md.append('\n');

    md.append("## Shipped\n\n");
    if (notes.shipped().isEmpty()) {
      md.append("Nothing shipped on this train.\n\n");
    }
    for (ReleaseNotes.ShippedChange change : notes.shipped()) {
      change(md, notes, change);
    }

    if (!notes.pending().isEmpty()) {
      md.append("## Still to merge\n\n");
      for (var ref : notes.pending()) {
        md.append("- ").append(inline(ref.toString())).append('\n');
      }
      md.append('\n');
    }

    md.append("## Deferred\n\n");
    if (notes.deferred().isEmpty()) {
      md.append("Nothing was deferred: every candidate boarded.\n\n");
    }
    for (ReleaseNotes.DeferredChange change : notes.deferred()) {
      md.append("- ")
          .append(inline(change.change().toString()))
          .append(": ")
          .append(inline(change.title()))
          .append(" (owner ")
          .append(inline(change.owner()))
          .append(")\n");
      for (Reason reason : change.reasons()) {
        md.append("  - ")
            .append(inline(reason.rule()))
            .append(": ")
            .append(inline(reason.message()))
            .append('\n');
      }
    }
    if (!notes.deferred().isEmpty()) {
      md.append('\n');
    }

    md.append("## Timeline\n\n");
    timeline(md, notes.timeline());
    return md.toString().stripTrailing() + "\n";
  }

  private static void change(
      StringBuilder md, ReleaseNotes notes, ReleaseNotes.ShippedChange change) {
    md.append("### ")
        .append(inline(change.change().toString()))
        .append(": ")
        .append(inline(change.title()))
        .append("\n\n");
    md.append("- Train ")
        .append(inline(notes.train().value()))
        .append(", merge group ")
        .append(change.mergeGroup())
        .append(", revision ")
        .append(change.revision().abbreviated())
        .append(" (content ")
        .append(change.contentDigest().value(), 0, 12)
        .append("), shipped ")
        .append(change.shippedAt())
        .append('\n');
    md.append("- ")
        .append(change.changeClass())
        .append(", ")
        .append(change.criticality())
        .append(change.securityFix() ? ", security fix" : "")
        .append("; components: ")
        .append(list(change.components()))
        .append("; owner ")
        .append(inline(change.owner()))
        .append(", produced by ")
        .append(inline(change.producer()))
        .append('\n');
    if (change.verdicts().isEmpty()) {
      md.append("- Verdicts: none recorded\n");
    } else {
      md.append("- Verdicts: ")
          .append(
              change.verdicts().stream()
                  .map(
                      v ->
                          v.surface()
                              + " "
                              + v.outcome()
                              + " by "
                              + inline(v.reviewer())
                              + " ("
                              + inline(v.modelFamily())
                              + (v.findings() == 0
                                  ? ""
                                  : ", " + Bullets.count(v.findings(), "finding"))
                              + ")")
                  .collect(Collectors.joining("; ")))
          .append('\n');
    }
    if (change.acceptedRisks().isEmpty()) {
      md.append("- Accepted risks: none\n");
    } else {
      md.append("- Accepted risks:\n");
      for (AcceptedRisk risk : change.acceptedRisks()) {
        md.append("  - ")
            .append(inline(risk.risk()))
            .append(", at ")
            .append(Bullets.percent(risk.probability()))
            .append(", signed by ")
            .append(inline(risk.signer()))
            .append(" until ")
            .append(risk.expiresAt())
            .append(": ")
            .append(inline(risk.rationale()))
            .append("; if it happens: ")
            .append(inline(risk.contingency()))
            .append('\n');
      }
    }
    RevertCheck check = change.revertCheck();
    if (change.rollback().isEmpty() && check.status() == RevertStatus.NOT_APPLICABLE) {
      md.append("- Rollback plan: none, so no rollback is verified\n");
    } else {
      if (change.rollback().isEmpty()) {
        md.append("- Rollback plan: none\n");
      } else {
        RollbackPlan plan = change.rollback().get();
        md.append("- Rollback plan: ").append(plan.kind()).append('\n');
        for (int i = 0; i < plan.steps().size(); i++) {
          md.append("  ")
              .append(i + 1)
              .append(". ")
              .append(Markdown.lineStart(plan.steps().get(i)))
              .append('\n');
        }
      }
      md.append("- Rollback verified: ").append(verified(check)).append('\n');
    }
    change
        .postReviewDue()
        .ifPresent(due -> md.append("- Emergency post-review due by ").append(due).append('\n'));
    md.append('\n');
  }

  static String verified(RevertCheck check) {
    return switch (check.status()) {
      case CLEAN -> "yes, its revert applies cleanly to the train's final tree";
      case NOT_CHECKED -> "no, not checked";
      case NOT_APPLICABLE -> "no: the rollback plan is not a revert, and only a revert is checked";
      case CONFLICTS ->
          "no, its revert conflicts at "
              + check.conflicts().stream()
                  .map(RepoPath::value)
                  .map(Markdown::inline)
                  .collect(Collectors.joining(", "));
    };
  }

  private static void timeline(StringBuilder md, Timeline timeline) {
    if (timeline.trains().isEmpty() && timeline.freezes().isEmpty()) {
      md.append("No train departed and no freeze was in force from ")
          .append(timeline.from())
          .append(" to ")
          .append(timeline.to())
          .append(".\n");
      return;
    }
    md.append("```mermaid\n").append(timeline.mermaid()).append("```\n\n");
    for (FreezePeriod freeze : timeline.freezes()) {
      md.append("- Freeze ")
          .append(inline(freeze.window()))
          .append(" (")
          .append(freeze.level())
          .append(", ")
          .append(Scopes.describe(freeze.scope()))
          .append(") from ")
          .append(freeze.start())
          .append(freeze.end().map(end -> " until " + end).orElse(" until lifted"))
          .append(", declared by ")
          .append(inline(freeze.declaredBy()))
          .append(freeze.incident().map(i -> " for incident " + inline(i)).orElse(""))
          .append(": ")
          .append(inline(freeze.reason()))
          .append('\n');
    }
  }

  static String list(Collection<String> values) {
    return values.isEmpty()
        ? "none"
        : values.stream().sorted().map(Markdown::inline).collect(Collectors.joining(", "));
  }
}
