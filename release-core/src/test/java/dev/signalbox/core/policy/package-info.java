@NullMarked
package dev.signalbox.core.policy;

import org.jspecify.annotations.NullMarked;
