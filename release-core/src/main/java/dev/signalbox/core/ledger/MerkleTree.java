package dev.signalbox.core.ledger;

import dev.signalbox.core.internal.Sha256;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An RFC 6962 (section 2.1) Merkle tree over leaf hashes, kept incrementally: the hashes of every
 * complete, aligned subtree are stored by level, so that the root of any prefix of the tree, and
 * the inclusion and consistency proofs between prefixes, cost O(log n) node hashes.
 *
 * <p>Not thread-safe: the ledger guards it.
 */
final class MerkleTree {
  static final int HASH = 32;

  /** levels.get(k) holds the hashes of the complete subtrees of 2^k leaves, in order. */
  private final List<Level> levels = new ArrayList<>();

  private long size;

  /** A growable array of 32-byte hashes. */
  private static final class Level {
    private byte[] hashes = new byte[HASH * 64];
    private long count;

    void add(byte[] hash) {
      if ((count + 1) * HASH > hashes.length) {
        hashes =
            Arrays.copyOf(
                hashes, Math.toIntExact(Math.max((count + 1) * HASH, hashes.length * 2L)));
      }
      System.arraycopy(hash, 0, hashes, Math.toIntExact(count * HASH), HASH);
      count++;
    }

    byte[] get(long index) {
      int from = Math.toIntExact(index * HASH);
      return Arrays.copyOfRange(hashes, from, from + HASH);
    }
  }

  /** The leaf hash of an entry: SHA-256(0x00 || entry). */
  static byte[] leafHash(byte[] entry) {
    MessageDigest sha = Sha256.digest();
    sha.update((byte) 0);
    sha.update(entry);
    return sha.digest();
  }

  /** The hash of an interior node: SHA-256(0x01 || left || right). */
  static byte[] nodeHash(byte[] left, byte[] right) {
    MessageDigest sha = Sha256.digest();
    sha.update((byte) 1);
    sha.update(left);
    sha.update(right);
    return sha.digest();
  }

  /** The hash of the empty tree: SHA-256 of nothing. */
  static byte[] emptyRoot() {
    return Sha256.digest().digest();
  }

  long size() {
    return size;
  }

  /** Appends a leaf hash. */
  void append(byte[] leafHash) {
    if (levels.isEmpty()) {
      levels.add(new Level());
    }
    levels.get(0).add(leafHash);
    size++;
    byte[] hash = leafHash;
    for (int k = 1; size % (1L << k) == 0; k++) {
      if (levels.size() == k) {
        levels.add(new Level());
      }
      Level below = levels.get(k - 1);
      hash = nodeHash(below.get(below.count - 2), hash);
      levels.get(k).add(hash);
    }
  }

  /** The leaf hash at {@code index}. */
  byte[] leaf(long index) {
    return levels.get(0).get(index);
  }

  /** The root of the tree of the first {@code n} leaves (MTH of RFC 6962). */
  byte[] root(long n) {
    check(n <= size, "tree size " + n + " exceeds " + size);
    return n == 0 ? emptyRoot() : hash(0, n);
  }

  /** The audit path of leaf {@code m} in the tree of the first {@code n} leaves (PATH). */
  List<byte[]> inclusionProof(long m, long n) {
    check(n <= size && m >= 0 && m < n, "leaf " + m + " is not in a tree of size " + n);
    List<byte[]> path = new ArrayList<>();
    path(m, 0, n, path);
    return path;
  }

  /** The consistency proof between the trees of {@code m} and {@code n} leaves (PROOF). */
  List<byte[]> consistencyProof(long m, long n) {
    check(n <= size && m > 0 && m <= n, "no consistency proof from size " + m + " to " + n);
    List<byte[]> proof = new ArrayList<>();
    if (m < n) {
      subproof(m, 0, n, true, proof);
    }
    return proof;
  }

  private void path(long m, long start, long n, List<byte[]> out) {
    if (n == 1) {
      return;
    }
    long k = split(n);
    if (m < k) {
      path(m, start, k, out);
      out.add(hash(start + k, n - k));
    } else {
      path(m - k, start + k, n - k, out);
      out.add(hash(start, k));
    }
  }

  private void subproof(long m, long start, long n, boolean complete, List<byte[]> out) {
    if (m == n) {
      if (!complete) {
        out.add(hash(start, n));
      }
      return;
    }
    long k = split(n);
    if (m <= k) {
      subproof(m, start, k, complete, out);
      out.add(hash(start + k, n - k));
    } else {
      subproof(m - k, start + k, n - k, false, out);
      out.add(hash(start, k));
    }
  }

  /** MTH(D[start : start + n]); {@code start} is a multiple of the largest power of 2 ≤ n. */
  private byte[] hash(long start, long n) {
    if (Long.bitCount(n) == 1) {
      int k = Long.numberOfTrailingZeros(n);
      return levels.get(k).get(start >> k);
    }
    long k = split(n);
    return nodeHash(hash(start, k), hash(start + k, n - k));
  }

  /** The largest power of two smaller than {@code n} (n ≥ 2). */
  static long split(long n) {
    return Long.highestOneBit(n - 1);
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new IndexOutOfBoundsException(message);
    }
  }
}
