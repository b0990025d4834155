package dev.signalbox.core.board;

import com.google.common.collect.ImmutableList;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.policy.Requirement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Whom the board convenes for one change: per surface asked, a quorum of the members covering it,
 * from as many model families as asked, never the producer, nor an agent of the producer's operator
 * unless the requirement allows it; with a note per surface saying whom and why.
 *
 * <p>Deterministic: members are taken family by family in turn (families in name order, members of
 * a family in id order) until the quorum is reached, so the first picks span the most families.
 * Where too few members are eligible, all of them are convened and the note says what is short.
 *
 * @param seats who reviews which surface, surfaces in declaration order, members in pick order
 * @param notes one note per surface asked
 */
record Selection(List<Seat> seats, List<String> notes) {

  /**
   * One reviewer asked about one surface.
   *
   * @param member the reviewer
   * @param surface the surface it is asked about
   */
  record Seat(Member member, RiskSurface surface) {}

  /** The selection from {@code members} (in id order) for {@code producer} and {@code needs}. */
  static Selection choose(
      List<Member> members, Agent producer, Map<RiskSurface, Requirement> needs) {
    ImmutableList.Builder<Seat> seats = ImmutableList.builder();
    ImmutableList.Builder<String> notes = ImmutableList.builder();
    for (RiskSurface surface : RiskSurface.values()) {
      Requirement requirement = needs.get(surface);
      if (requirement == null) {
        continue;
      }
      List<String> setAside = new ArrayList<>();
      TreeMap<String, Deque<Member>> byFamily = new TreeMap<>();
      int covering = 0;
      for (Member member : members) {
        if (!member.surfaces().contains(surface)) {
          continue;
        }
        covering++;
        Agent agent = member.identity();
        if (agent.id().equals(producer.id())) {
          setAside.add(agent.id() + " (the producer)");
        } else if (!requirement.sameOperator()
            && agent.operatorId().equals(producer.operatorId())) {
          setAside.add(agent.id() + " (its operator " + agent.operatorId() + " runs the producer)");
        } else {
          byFamily.computeIfAbsent(agent.modelFamily(), f -> new ArrayDeque<>()).add(member);
        }
      }
      List<Member> chosen = new ArrayList<>(requirement.quorum());
      while (chosen.size() < requirement.quorum() && !byFamily.isEmpty()) {
        for (var it = byFamily.values().iterator();
            it.hasNext() && chosen.size() < requirement.quorum(); ) {
          Deque<Member> family = it.next();
          chosen.add(family.removeFirst());
          if (family.isEmpty()) {
            it.remove();
          }
        }
      }
      long families = chosen.stream().map(m -> m.identity().modelFamily()).distinct().count();
      for (Member member : chosen) {
        seats.add(new Seat(member, surface));
      }
      notes.add(note(surface, requirement, chosen, families, covering, setAside));
    }
    return new Selection(seats.build(), notes.build());
  }

  private static String note(
      RiskSurface surface,
      Requirement requirement,
      List<Member> chosen,
      long families,
      int covering,
      List<String> setAside) {
    String ask =
        "a quorum of "
            + requirement.quorum()
            + (requirement.distinctFamilies() > 1
                ? " from " + requirement.distinctFamilies() + " model families"
                : "");
    String names = chosen.stream().map(Member::describe).collect(Collectors.joining(", "));
    String aside = setAside.isEmpty() ? "" : "; set aside " + String.join(", ", setAside);
    boolean met =
        chosen.size() >= requirement.quorum() && families >= requirement.distinctFamilies();
    if (met) {
      return surface
          + ": convened "
          + names
          + " for "
          + ask
          + ", taking the "
          + (covering - setAside.size())
          + " eligible of "
          + covering
          + " reviewers covering "
          + surface
          + " family by family in turn"
          + aside;
    }
    if (chosen.isEmpty()) {
      return surface
          + ": too few reviewers for "
          + ask
          + ": "
          + (covering == 0 ? "no reviewer covers " + surface : "none of them is eligible")
          + aside;
    }
    return surface
        + ": too few reviewers for "
        + ask
        + ": only "
        + chosen.size()
        + " eligible, from "
        + families
        + (families == 1 ? " model family" : " model families")
        + "; convened "
        + names
        + " all the same"
        + aside;
  }
}
