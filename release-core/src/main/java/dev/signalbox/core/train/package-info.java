/**
 * The train planner: which changes board the next release train, in which merge groups, and why the
 * others wait; the train's departure onto its branch; and the bisection of a train that failed.
 *
 * <p>{@link dev.signalbox.core.train.TrainPlanner#plan plan} is a pure function of its inputs (and
 * of what the {@link dev.signalbox.core.spi.VersionControl} answers): the same candidates in any
 * order give the same {@link dev.signalbox.core.train.TrainPlan}. {@link
 * dev.signalbox.core.train.TrainPlanner#depart depart} is idempotent and resumable. {@link
 * dev.signalbox.core.train.Bisection} is a state machine the caller drives with its CI's results.
 */
@NullMarked
package dev.signalbox.core.train;

import org.jspecify.annotations.NullMarked;
