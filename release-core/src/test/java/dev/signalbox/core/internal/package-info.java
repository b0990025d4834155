@NullMarked
package dev.signalbox.core.internal;

import org.jspecify.annotations.NullMarked;
