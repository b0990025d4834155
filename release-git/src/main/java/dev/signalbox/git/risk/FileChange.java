package dev.signalbox.git.risk;

/**
 * One file of a commit's diff as {@code git log --numstat} counts it: the path (the new one for a
 * rename, the old one for a deletion), lines added and deleted, and whether it is binary.
 */
record FileChange(String path, int added, int deleted, boolean binary) {}
