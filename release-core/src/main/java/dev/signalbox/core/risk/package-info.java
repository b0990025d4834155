/**
 * Change risk: the features of a change known when it lands, a plain-Java trainer of regularised,
 * calibrated logistic regression over them, and the models that turn them into a {@link
 * dev.signalbox.core.model.ChangeRisk} — the probability that the change is reverted within 90
 * days, with each feature's contribution.
 */
@NullMarked
package dev.signalbox.core.risk;

import org.jspecify.annotations.NullMarked;
