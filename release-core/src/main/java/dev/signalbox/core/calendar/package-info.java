/**
 * The release calendar: when freeze windows hold a change and when its merge window is open, right
 * in every time zone and across DST changes.
 *
 * <p>{@link dev.signalbox.core.calendar.ReleaseCalendar} evaluates the {@link
 * dev.signalbox.core.model.Schedule schedules} of {@link dev.signalbox.core.model.FreezeWindow
 * freeze} and {@link dev.signalbox.core.model.MergeWindow merge} windows. Its semantics:
 *
 * <ul>
 *   <li>Every interval is half-open, {@code [start, end)}: in force at its start, no longer at its
 *       end.
 *   <li>Overlapping windows, and overlapping occurrences of one window, unite: a change is held
 *       while any freeze holding it is in force.
 *   <li>A recurring window begins and ends at local times in its zone, so its length in hours
 *       changes across a DST transition. A local time in a DST gap moves forward by the length of
 *       the gap, and a local time in an overlap takes the earlier offset, as {@link
 *       java.time.ZonedDateTime#of(java.time.LocalDateTime, java.time.ZoneId)} does. An occurrence
 *       whose end so falls at or before its start is empty.
 *   <li>A {@code NON_CRITICAL} freeze holds every change but P0 changes and security fixes; an
 *       {@code ALL} freeze holds every change. An EMERGENCY change is reported as held: exempting
 *       one with a valid risk acceptance is the policy's decision, not the calendar's.
 *   <li>A scope that declares no merge window is always open for merging. Several merge windows of
 *       one scope unite; when several scopes with merge windows apply to a change, each must be
 *       open.
 * </ul>
 */
@NullMarked
package dev.signalbox.core.calendar;

import org.jspecify.annotations.NullMarked;
