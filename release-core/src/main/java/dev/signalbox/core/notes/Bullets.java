package dev.signalbox.core.notes;

import dev.signalbox.core.model.ChangeClass;
import dev.signalbox.core.model.Reason;
import dev.signalbox.core.model.RevertStatus;
import dev.signalbox.core.model.TrainId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The three bullets of "what's shipping", as plain text. */
final class Bullets {
  /** How many items a bullet names before it counts the rest. */
  private static final int NAMED = 3;

  private Bullets() {}

  static List<String> whatsShipping(
      TrainId train,
      List<ReleaseNotes.ShippedChange> shipped,
      List<ReleaseNotes.DeferredChange> deferred,
      int cars) {
    return List.of(shipping(train, shipped, cars), risks(shipped), deferred(deferred));
  }

  private static String shipping(
      TrainId train, List<ReleaseNotes.ShippedChange> shipped, int cars) {
    int pending = cars - shipped.size();
    String still = pending == 0 ? "" : " (" + count(pending, "more car") + " still to merge)";
    if (shipped.isEmpty()) {
      return "Nothing shipped on train " + train + still + ".";
    }
    Map<ChangeClass, Integer> byClass = new EnumMap<>(ChangeClass.class);
    Map<String, Integer> byComponent = new TreeMap<>();
    for (ReleaseNotes.ShippedChange change : shipped) {
      byClass.merge(change.changeClass(), 1, Integer::sum);
      if (change.components().isEmpty()) {
        byComponent.merge("no component", 1, Integer::sum);
      }
      change.components().forEach(c -> byComponent.merge(c, 1, Integer::sum));
    }
    List<String> classes = new ArrayList<>();
    byClass.forEach((c, n) -> classes.add(n + " " + c));
    List<String> components = new ArrayList<>();
    byComponent.forEach((c, n) -> components.add(c + " " + n));
    return count(shipped.size(), "change")
        + (shipped.size() == 1 ? " ships" : " ship")
        + " on train "
        + train
        + still
        + ": "
        + String.join(", ", classes)
        + "; by component: "
        + String.join(", ", components)
        + ".";
  }

  private record Named(String text, double probability) {}

  private static String risks(List<ReleaseNotes.ShippedChange> shipped) {
    if (shipped.isEmpty()) {
      return "No risk accepted and no rollback to verify: nothing shipped.";
    }
    List<Named> risks = new ArrayList<>();
    for (ReleaseNotes.ShippedChange change : shipped) {
      for (AcceptedRisk risk : change.acceptedRisks()) {
        risks.add(
            new Named(
                risk.risk()
                    + " at "
                    + percent(risk.probability())
                    + ", signed by "
                    + risk.signer()
                    + " ("
                    + change.change()
                    + ")",
                risk.probability()));
      }
    }
    risks.sort(Comparator.comparing(Named::probability).reversed().thenComparing(Named::text));
    StringBuilder text = new StringBuilder();
    if (risks.isEmpty()) {
      text.append("No risk knowingly accepted");
    } else {
      text.append(count(risks.size(), "risk")).append(" knowingly accepted: ");
      for (int i = 0; i < Math.min(NAMED, risks.size()); i++) {
        text.append(i == 0 ? "" : "; ").append(risks.get(i).text());
      }
      if (risks.size() > NAMED) {
        text.append("; and ").append(risks.size() - NAMED).append(" more");
      }
    }
    int clean = 0;
    int reverts = 0;
    List<String> unverified = new ArrayList<>();
    for (ReleaseNotes.ShippedChange change : shipped) {
      RevertStatus status = change.revertCheck().status();
      if (status == RevertStatus.CLEAN) {
        clean++;
      } else if (status == RevertStatus.NOT_APPLICABLE) {
        unverified.add(
            change.change()
                + change
                    .rollback()
                    .map(plan -> " (" + plan.kind() + " plan, not a revert)")
                    .orElse(" (no rollback plan)"));
      } else {
        unverified.add(change.change() + " (" + status + ")");
      }
      if (status != RevertStatus.NOT_APPLICABLE) {
        reverts++;
      }
    }
    text.append(". Rollback: ");
    if (reverts == 0) {
      text.append("no change rolls back by revert");
    } else {
      text.append("revert verified clean for ").append(clean).append(" of ").append(reverts);
    }
    if (!unverified.isEmpty()) {
      text.append("; not verified: ").append(named(unverified));
    }
    return text.append('.').toString();
  }

  private static String deferred(List<ReleaseNotes.DeferredChange> deferred) {
    if (deferred.isEmpty()) {
      return "Nothing deferred: every candidate boarded.";
    }
    List<String> named = new ArrayList<>();
    for (ReleaseNotes.DeferredChange change : deferred) {
      Set<String> rules = new LinkedHashSet<>();
      for (Reason reason : change.reasons()) {
        rules.add(reason.rule());
      }
      named.add(change.change() + " (" + String.join(", ", rules) + ")");
    }
    return count(deferred.size(), "change") + " deferred: " + named(named) + ".";
  }

  private static String named(List<String> items) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < Math.min(NAMED, items.size()); i++) {
      text.append(i == 0 ? "" : ", ").append(items.get(i));
    }
    if (items.size() > NAMED) {
      text.append(" and ").append(items.size() - NAMED).append(" more");
    }
    return text.toString();
  }

  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  static String percent(double probability) {
    return String.format(Locale.ROOT, "%.1f%%", probability * 100);
  }
}
