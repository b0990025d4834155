/** Tests of the policy engine's dry run, and a verifier of test-signed envelopes for them. */
@NullMarked
package dev.signalbox.testkit.policy;

import org.jspecify.annotations.NullMarked;
