/**
 * Signalbox's core: the domain model, its JSON and YAML codec, and (as they land) the policy
 * engine, calendar, train planner, review board, ledger and signing.
 */
module dev.signalbox.core {
  requires static transitive org.jspecify;
  requires com.google.common;
  requires transitive tools.jackson.databind;
  requires tools.jackson.dataformat.yaml;

  exports dev.signalbox.core;
  exports dev.signalbox.core.board;
  exports dev.signalbox.core.calendar;
  exports dev.signalbox.core.json;
  exports dev.signalbox.core.policy;
  exports dev.signalbox.core.trust to
      dev.signalbox.testkit;
  exports dev.signalbox.core.model;
  exports dev.signalbox.core.spi;
  exports dev.signalbox.core.signing;
  exports dev.signalbox.core.ledger;
  exports dev.signalbox.core.attestation;
  exports dev.signalbox.core.calibration;
  exports dev.signalbox.core.train;
  exports dev.signalbox.core.verification;
  exports dev.signalbox.core.notes;
  exports dev.signalbox.core.risk;

  uses dev.signalbox.core.policy.RuleProvider;
}
