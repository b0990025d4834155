package dev.signalbox.core.notes;

import static dev.signalbox.core.notes.Markdown.block;
import static dev.signalbox.core.notes.Markdown.inline;

import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.BlastRadius;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.CheckRun;
import dev.signalbox.core.model.Claims;
import dev.signalbox.core.model.Decision;
import dev.signalbox.core.model.FileChange;
import dev.signalbox.core.model.PathGlob;
import dev.signalbox.core.model.Reason;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.RequiredAction;
import dev.signalbox.core.model.RevertStatus;
import dev.signalbox.core.model.RollbackPlan;
import dev.signalbox.core.model.Scope;
import dev.signalbox.core.verification.CheckStatus;
import dev.signalbox.core.verification.ClaimMismatch;
import dev.signalbox.core.verification.ClaimsReport;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders a {@link RequestForChange} as Markdown; every value from outside is escaped. */
final class RfcMarkdown {
  private RfcMarkdown() {}

  static String render(RequestForChange rfc) {
    ChangeRequest change = rfc.change();
    Decision decision = rfc.decision();
    StringBuilder md = new StringBuilder(4096);
    md.append("# RFC: ")
        .append(inline(change.title()))
        .append(" (")
        .append(inline(change.ref().toString()))
        .append(")\n\n");
    md.append("**Decision: ")
        .append(decision.outcome())
        .append("** · head ")
        .append(change.head().abbreviated())
        .append(" · content ")
        .append(change.contentDigest().value(), 0, 12)
        .append(" · policy ")
        .append(decision.policyDigest().toString(), 0, 12)
        .append("\n\n");

    md.append("## What and why\n\n");
    md.append(change.summary().isBlank() ? "_No summary given._" : block(change.summary()))
        .append("\n\n");
    md.append("- Spec: ")
        .append(change.spec().map(uri -> Markdown.link(uri.toString(), uri)).orElse("none given"))
        .append('\n');
    Agent producer = change.producer();
    md.append("- Produced by agent ")
        .append(inline(producer.id()))
        .append(" (model ")
        .append(inline(producer.model()))
        .append(", operator ")
        .append(inline(producer.operatorId()))
        .append(")\n");
    md.append("- Accountable: ")
        .append(inline(change.owner().id()))
        .append(" (")
        .append(inline(change.owner().name()))
        .append(")\n");
    md.append("- Class ")
        .append(change.changeClass())
        .append(", criticality ")
        .append(change.criticality())
        .append(change.securityFix() ? ", security fix" : "")
        .append('\n');
    md.append("- Base ")
        .append(change.base().abbreviated())
        .append(", head ")
        .append(change.head().abbreviated())
        .append('\n');
    if (!change.dependsOn().isEmpty()) {
      md.append("- Depends on: ")
          .append(
              change.dependsOn().stream()
                  .map(ref -> inline(ref.toString()))
                  .sorted()
                  .collect(Collectors.joining(", ")))
          .append('\n');
    }
    md.append('\n');

    BlastRadius radius = change.blastRadius();
    md.append("## Blast radius\n\n");
    md.append("- Level: ").append(radius.level()).append('\n');
    md.append("- Components: ").append(list(radius.components())).append('\n');
    md.append("- Owners: ").append(list(radius.owners())).append('\n');
    md.append("- Sensitive kinds: ")
        .append(
            radius.sensitiveKinds().isEmpty()
                ? "none"
                : radius.sensitiveKinds().stream()
                    .map(Enum::name)
                    .sorted()
                    .collect(Collectors.joining(", ")))
        .append('\n');
    md.append("- Declared scope: ").append(scope(change.declaredScope())).append('\n');
    md.append("- Files: ")
        .append(change.changes().files().size())
        .append(" (+")
        .append(change.changes().linesAdded())
        .append(" −")
        .append(change.changes().linesRemoved())
        .append(")\n");
    for (FileChange file : change.changes().files()) {
      md.append("  - ").append(file.kind()).append(' ');
      file.oldPath().ifPresent(old -> md.append(path(old)).append(" → "));
      md.append(path(file.path()));
      if (file.binary()) {
        md.append(" (binary)");
      } else {
        md.append(" (+")
            .append(file.linesAdded())
            .append(" −")
            .append(file.linesRemoved())
            .append(')');
      }
      md.append('\n');
    }
    md.append('\n');

    md.append("## Risk\n\n");
    md.append("- Calibrated risk: ")
        .append(
            change
                .risk()
                .map(
                    risk ->
                        percent(risk.probability())
                            + " chance of revert (percentile "
                            + String.format(Locale.ROOT, "%.0f", risk.percentile())
                            + ", model "
                            + inline(risk.modelId())
                            + " "
                            + inline(risk.modelVersion())
                            + ")")
                .orElse("not scored"))
        .append('\n');
    if (rfc.acceptances().isEmpty()) {
      md.append("- Accepted risks: none\n");
    } else {
      md.append("- Accepted risks:\n");
      for (RequestForChange.Acceptance accepted : rfc.acceptances()) {
        md.append("  - ")
            .append(inline(accepted.risk()))
            .append(", at ")
            .append(percent(accepted.probability()))
            .append(", accepted by ")
            .append(inline(accepted.signer().id()))
            .append(" (")
            .append(list(accepted.roles()))
            .append(") until ")
            .append(accepted.expiresAt())
            .append(": ")
            .append(inline(accepted.rationale()))
            .append("; if it happens: ")
            .append(inline(accepted.contingency()))
            .append('\n');
      }
    }
    md.append('\n');

    md.append("## Rollback plan\n\n");
    if (change.rollback().isEmpty()) {
      md.append("**No rollback plan**: the change cannot ship without one.\n\n");
    } else {
      RollbackPlan plan = change.rollback().get();
      md.append("- Kind: ").append(plan.kind()).append('\n');
      for (int i = 0; i < plan.steps().size(); i++) {
        md.append("  ").append(i + 1).append(". ").append(inline(plan.steps().get(i))).append('\n');
      }
    }
    md.append("- Verified: ").append(verified(rfc)).append("\n\n");

    md.append("## Approvals\n\n");
    if (rfc.approvals().isEmpty()) {
      md.append("The policy requires no review surface for this change.\n\n");
    } else {
      md.append("| Surface | Required | Present |\n|---|---|---|\n");
      for (RequestForChange.Approvals approvals : rfc.approvals()) {
        md.append("| ")
            .append(approvals.surface())
            .append(" | ")
            .append(approvals.quorum())
            .append(
                approvals.distinctFamilies() > 1
                    ? " from " + approvals.distinctFamilies() + " model families"
                    : "")
            .append(" | ")
            .append(
                approvals.present().isEmpty()
                    ? "none"
                    : approvals.present().stream()
                        .map(a -> inline(a.id()) + " (" + inline(a.modelFamily()) + ")")
                        .collect(Collectors.joining(", ")))
            .append(" |\n");
      }
      md.append('\n');
    }

    md.append("## Checks\n\n");
    if (rfc.checks().checks().isEmpty()) {
      md.append("No check is required, and none reported a run.\n\n");
    } else {
      md.append("| Check | Required | On head ")
          .append(change.head().abbreviated())
          .append(" | Stale runs (other commits) |\n|---|---|---|---|\n");
      for (CheckStatus check : rfc.checks().checks()) {
        md.append("| ")
            .append(inline(check.name()))
            .append(" | ")
            .append(check.required() ? "yes" : "no")
            .append(" | ")
            .append(check.state())
            .append(check.latest().map(RfcMarkdown::run).orElse(""))
            .append(" | ")
            .append(
                check.stale().isEmpty()
                    ? "none"
                    : check.stale().stream()
                        .map(run -> run.conclusion() + " on " + run.commit().abbreviated())
                        .collect(Collectors.joining(", ")))
            .append(" |\n");
      }
      md.append('\n');
    }

    md.append("## Claims vs reality\n\n");
    claims(md, rfc.claims(), change.claims());

    md.append("## Decision\n\n");
    md.append("**").append(decision.outcome()).append("**");
    decision.earliestRetry().ifPresent(at -> md.append(", not before ").append(at));
    md.append("\n\n");
    if (!decision.reasons().isEmpty()) {
      md.append("Reasons:\n\n");
      for (Reason reason : decision.reasons()) {
        md.append("- ")
            .append(inline(reason.rule()))
            .append(": ")
            .append(inline(reason.message()))
            .append('\n');
      }
      md.append('\n');
    }
    if (!decision.required().isEmpty()) {
      md.append("Required before it can ship:\n\n");
      for (RequiredAction action : decision.required()) {
        md.append("- ")
            .append(inline(action.rule()))
            .append(": ")
            .append(inline(action.action()))
            .append('\n');
      }
      md.append('\n');
    }
    return md.toString().stripTrailing() + "\n";
  }

  private static void claims(StringBuilder md, ClaimsReport report, Claims claims) {
    if (!report.claimsMade()) {
      md.append("The producing agent made no claims.\n\n");
      return;
    }
    md.append("The agent claims ")
        .append(count(claims.filesWritten().size(), "file"))
        .append(" written, ")
        .append(count(claims.filesDeleted().size(), "file"))
        .append(" deleted, ")
        .append(count(claims.testsAdded().size(), "test"))
        .append(" added and ")
        .append(count(claims.testsRun().size(), "test"))
        .append(" run.\n\n");
    if (report.holds()) {
      md.append("Its claims match the change and its checks.\n\n");
    } else {
      md.append("| Code | Subject | Found |\n|---|---|---|\n");
      for (ClaimMismatch mismatch : report.mismatches()) {
        md.append("| ")
            .append(mismatch.kind().code())
            .append(" | ")
            .append(inline(mismatch.subject()))
            .append(" | ")
            .append(inline(mismatch.detail()))
            .append(" |\n");
      }
      md.append('\n');
    }
    if (!claims.commandsExecuted().isEmpty()) {
      md.append("Commands it says it ran (not verified):\n\n");
      for (String command : claims.commandsExecuted()) {
        md.append("- ").append(Markdown.code(command)).append('\n');
      }
      md.append('\n');
    }
  }

  private static String run(CheckRun run) {
    return " ("
        + run.conclusion()
        + " at "
        + run.completedAt()
        + run.link().map(uri -> ", " + Markdown.link("log", uri)).orElse("")
        + ")";
  }

  private static String verified(RequestForChange rfc) {
    RevertStatus status = rfc.revertCheck().status();
    return switch (status) {
      case CLEAN -> "yes, a revert applies cleanly";
      case NOT_CHECKED -> "no, not checked";
      case NOT_APPLICABLE -> "not applicable: the rollback plan is not a revert";
      case CONFLICTS ->
          "no, a revert conflicts at "
              + rfc.revertCheck().conflicts().stream()
                  .map(RfcMarkdown::path)
                  .collect(Collectors.joining(", "));
    };
  }

  private static String scope(Scope scope) {
    if (scope.isEverything()) {
      return "everything";
    }
    StringBuilder text = new StringBuilder();
    if (!scope.paths().isEmpty()) {
      text.append("paths ").append(list(globs(scope.paths())));
    }
    if (!scope.components().isEmpty()) {
      text.append(text.length() == 0 ? "" : "; ")
          .append("components ")
          .append(list(scope.components()));
    }
    if (!scope.environments().isEmpty()) {
      text.append(text.length() == 0 ? "" : "; ")
          .append("environments ")
          .append(list(scope.environments()));
    }
    if (!scope.exclusions().isEmpty()) {
      text.append(text.length() == 0 ? "" : "; ")
          .append("excluding ")
          .append(list(globs(scope.exclusions())));
    }
    return text.toString();
  }

  private static List<String> globs(Collection<PathGlob> globs) {
    return globs.stream().map(PathGlob::pattern).toList();
  }

  private static String path(RepoPath path) {
    return inline(path.value());
  }

  private static String list(Collection<String> values) {
    return values.isEmpty()
        ? "none"
        : values.stream().sorted().map(Markdown::inline).collect(Collectors.joining(", "));
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String percent(double probability) {
    return String.format(Locale.ROOT, "%.1f%%", probability * 100);
  }
}
