/**
 * QuickTheories generators ({@code Gen<T>}) for every Signalbox model type: valid, varied values
 * with unicode paths, many time zones, edge instants, and empty as well as large collections. Start
 * from {@link dev.signalbox.testkit.generators.ModelGenerators}.
 */
@NullMarked
package dev.signalbox.testkit.generators;

import org.jspecify.annotations.NullMarked;
