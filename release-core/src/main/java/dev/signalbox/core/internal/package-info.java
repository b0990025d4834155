/** Implementation details of release-core; not exported, not API. */
@NullMarked
package dev.signalbox.core.internal;

import org.jspecify.annotations.NullMarked;
