@NullMarked
package dev.signalbox.core.calendar;

import org.jspecify.annotations.NullMarked;
