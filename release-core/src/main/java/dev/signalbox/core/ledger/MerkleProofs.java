package dev.signalbox.core.ledger;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Checks RFC 6962 Merkle proofs as RFC 9162 (sections 2.1.3.2 and 2.1.4.2) verifies them, so that
 * anyone holding a checkpoint can check an entry or a later checkpoint without the ledger.
 *
 * <p>Stateless and thread-safe. Hashes are standard base64, as in checkpoints; malformed input
 * makes a check fail, never throw.
 */
public final class MerkleProofs {
  private MerkleProofs() {}

  /**
   * Whether {@code proof} shows that the entry whose leaf hash is {@code leafHash} is at {@code
   * proof.index()} in the tree of {@code proof.treeSize()} entries whose root is {@code root}.
   */
  public static boolean verifyInclusion(InclusionProof proof, String leafHash, String root) {
    byte[] leaf = decode(leafHash);
    byte[] expected = decode(root);
    List<byte[]> path = decodeAll(proof.path());
    if (leaf == null || expected == null || path == null) {
      return false;
    }
    long fn = proof.index();
    long sn = proof.treeSize() - 1;
    if (fn > sn) {
      return false;
    }
    byte[] r = leaf;
    for (byte[] p : path) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = MerkleTree.nodeHash(p, r);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        r = MerkleTree.nodeHash(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && MessageDigest.isEqual(r, expected);
  }

  /**
   * Whether {@code proof} shows that the tree of {@code proof.oldSize()} entries with root {@code
   * oldRoot} is a prefix of the tree of {@code proof.newSize()} entries with root {@code newRoot}.
   */
  public static boolean verifyConsistency(ConsistencyProof proof, String oldRoot, String newRoot) {
    byte[] first = decode(oldRoot);
    byte[] second = decode(newRoot);
    List<byte[]> path = decodeAll(proof.path());
    if (first == null || second == null || path == null) {
      return false;
    }
    long m = proof.oldSize();
    long n = proof.newSize();
    if (m == n) {
      return path.isEmpty() && MessageDigest.isEqual(first, second);
    }
    if (m <= 0 || m > n) {
      return false;
    }
    List<byte[]> nodes = new ArrayList<>(path);
    if (Long.bitCount(m) == 1) {
      nodes.add(0, first);
    }
    if (nodes.isEmpty()) {
      return false;
    }
    long fn = m - 1;
    long sn = n - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    byte[] fr = nodes.get(0);
    byte[] sr = nodes.get(0);
    for (byte[] c : nodes.subList(1, nodes.size())) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = MerkleTree.nodeHash(c, fr);
        sr = MerkleTree.nodeHash(c, sr);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        sr = MerkleTree.nodeHash(sr, c);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return MessageDigest.isEqual(fr, first) && MessageDigest.isEqual(sr, second) && sn == 0;
  }

  static String encode(byte[] hash) {
    return Base64.getEncoder().encodeToString(hash);
  }

  static List<String> encodeAll(List<byte[]> hashes) {
    return hashes.stream().map(MerkleProofs::encode).toList();
  }

  private static byte @org.jspecify.annotations.Nullable [] decode(String hash) {
    try {
      byte[] bytes = Base64.getDecoder().decode(hash);
      return bytes.length == MerkleTree.HASH ? bytes : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static @org.jspecify.annotations.Nullable List<byte[]> decodeAll(List<String> hashes) {
    List<byte[]> out = new ArrayList<>(hashes.size());
    for (String hash : hashes) {
      byte[] bytes = decode(hash);
      if (bytes == null) {
        return null;
      }
      out.add(bytes);
    }
    return out;
  }
}
