/** JMH benchmarks of Signalbox; built into benchmarks.jar and run on demand, never by the tests. */
@NullMarked
package dev.signalbox.benchmarks;

import org.jspecify.annotations.NullMarked;
