/** Small programs that show Signalbox at work, for users to copy from; CI builds and runs them. */
module dev.signalbox.examples {
  requires static transitive org.jspecify;
  requires transitive dev.signalbox.core;
  requires dev.signalbox.git;
  requires dev.signalbox.reviewers;
  requires org.eclipse.jgit;

  exports dev.signalbox.examples;
  exports dev.signalbox.examples.demo;
}
