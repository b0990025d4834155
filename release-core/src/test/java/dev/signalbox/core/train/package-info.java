@NullMarked
package dev.signalbox.core.train;

import org.jspecify.annotations.NullMarked;
