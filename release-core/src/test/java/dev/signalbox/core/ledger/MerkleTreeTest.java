package dev.signalbox.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Merkle tree against RFC 6962's definitions (section 2.1), written here as directly as the RFC
 * states them, and its proofs against RFC 9162's verification algorithms.
 */
class MerkleTreeTest {
  private static List<byte[]> leaves(int n) {
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      leaves.add(MerkleTree.leafHash(("entry " + i).getBytes(StandardCharsets.UTF_8)));
    }
    return leaves;
  }

  private static MerkleTree tree(List<byte[]> leaves) {
    MerkleTree tree = new MerkleTree();
    leaves.forEach(tree::append);
    return tree;
  }

  /** MTH(D[n]) as RFC 6962 defines it. */
  private static byte[] mth(List<byte[]> d) {
    if (d.isEmpty()) {
      return MerkleTree.emptyRoot();
    }
    if (d.size() == 1) {
      return d.get(0);
    }
    int k = Integer.highestOneBit(d.size() - 1);
    return MerkleTree.nodeHash(mth(d.subList(0, k)), mth(d.subList(k, d.size())));
  }

  /** PATH(m, D[n]). */
  private static List<byte[]> path(int m, List<byte[]> d) {
    List<byte[]> out = new ArrayList<>();
    if (d.size() <= 1) {
      return out;
    }
    int k = Integer.highestOneBit(d.size() - 1);
    if (m < k) {
      out.addAll(path(m, d.subList(0, k)));
      out.add(mth(d.subList(k, d.size())));
    } else {
      out.addAll(path(m - k, d.subList(k, d.size())));
      out.add(mth(d.subList(0, k)));
    }
    return out;
  }

  /** SUBPROOF(m, D[n], b). */
  private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
    List<byte[]> out = new ArrayList<>();
    if (m == d.size()) {
      if (!b) {
        out.add(mth(d));
      }
      return out;
    }
    int k = Integer.highestOneBit(d.size() - 1);
    if (m <= k) {
      out.addAll(subproof(m, d.subList(0, k), b));
      out.add(mth(d.subList(k, d.size())));
    } else {
      out.addAll(subproof(m - k, d.subList(k, d.size()), false));
      out.add(mth(d.subList(0, k)));
    }
    return out;
  }

  private static List<String> encode(List<byte[]> hashes) {
    return MerkleProofs.encodeAll(hashes);
  }

  private static String b64(byte[] hash) {
    return Base64.getEncoder().encodeToString(hash);
  }

  @Test
  void emptyTreeHashesNothing() {
    assertThat(new MerkleTree().root(0)).isEqualTo(MerkleTree.emptyRoot());
    // SHA-256("")
    assertThat(java.util.HexFormat.of().formatHex(MerkleTree.emptyRoot()))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void rootsMatchTheDefinitionForEveryPrefix() {
    qt().withExamples(150)
        .forAll(integers().between(1, 300))
        .checkAssert(
            n -> {
              List<byte[]> leaves = leaves(n);
              MerkleTree tree = tree(leaves);
              for (int size = 0; size <= n; size += Math.max(1, n / 17)) {
                assertThat(tree.root(size)).isEqualTo(mth(leaves.subList(0, size)));
              }
              assertThat(tree.root(n)).isEqualTo(mth(leaves));
            });
  }

  @Test
  void inclusionProofsAreTheDefinitionsPathAndVerify() {
    qt().withExamples(500)
        .forAll(integers().between(1, 200), integers().between(0, 199), integers().between(0, 200))
        .checkAssert(
            (n, offset, extra) -> {
              int m = offset % n;
              List<byte[]> leaves = leaves(n + extra);
              MerkleTree tree = tree(leaves);
              List<byte[]> proof = tree.inclusionProof(m, n);
              assertThat(proof).containsExactlyElementsOf(path(m, leaves.subList(0, n)));
              String root = b64(mth(leaves.subList(0, n)));
              InclusionProof inclusion = new InclusionProof(m, n, encode(proof));
              assertThat(MerkleProofs.verifyInclusion(inclusion, b64(leaves.get(m)), root))
                  .isTrue();

              int other = (m + 1) % n;
              if (other != m) {
                assertThat(MerkleProofs.verifyInclusion(inclusion, b64(leaves.get(other)), root))
                    .isFalse();
                assertThat(
                        MerkleProofs.verifyInclusion(
                            new InclusionProof(other, n, encode(proof)), b64(leaves.get(m)), root))
                    .isFalse();
              }
              for (int i = 0; i < proof.size(); i++) {
                List<byte[]> tampered = new ArrayList<>(proof);
                byte[] changed = tampered.get(i).clone();
                changed[0] ^= 1;
                tampered.set(i, changed);
                assertThat(
                        MerkleProofs.verifyInclusion(
                            new InclusionProof(m, n, encode(tampered)), b64(leaves.get(m)), root))
                    .isFalse();
              }
              if (!proof.isEmpty()) {
                assertThat(
                        MerkleProofs.verifyInclusion(
                            new InclusionProof(m, n, encode(proof.subList(1, proof.size()))),
                            b64(leaves.get(m)),
                            root))
                    .isFalse();
              }
            });
  }

  @Test
  void consistencyProofsAreTheDefinitionsProofAndVerify() {
    qt().withExamples(500)
        .forAll(integers().between(1, 200), integers().between(0, 199))
        .checkAssert(
            (n, offset) -> {
              int m = 1 + offset % n;
              List<byte[]> leaves = leaves(n);
              MerkleTree tree = tree(leaves);
              List<byte[]> proof = tree.consistencyProof(m, n);
              List<byte[]> expected = m == n ? List.of() : subproof(m, leaves, true);
              assertThat(proof).containsExactlyElementsOf(expected);
              String oldRoot = b64(mth(leaves.subList(0, m)));
              String newRoot = b64(mth(leaves));
              ConsistencyProof consistency = new ConsistencyProof(m, n, encode(proof));
              assertThat(MerkleProofs.verifyConsistency(consistency, oldRoot, newRoot)).isTrue();

              String wrong = b64(MerkleTree.leafHash(new byte[] {42}));
              assertThat(MerkleProofs.verifyConsistency(consistency, wrong, newRoot)).isFalse();
              assertThat(MerkleProofs.verifyConsistency(consistency, oldRoot, wrong)).isFalse();
              for (int i = 0; i < proof.size(); i++) {
                List<byte[]> tampered = new ArrayList<>(proof);
                byte[] changed = tampered.get(i).clone();
                changed[31] ^= 1;
                tampered.set(i, changed);
                assertThat(
                        MerkleProofs.verifyConsistency(
                            new ConsistencyProof(m, n, encode(tampered)), oldRoot, newRoot))
                    .isFalse();
              }
            });
  }

  @Test
  void malformedProofsFailRatherThanThrow() {
    MerkleTree tree = tree(leaves(5));
    String root = b64(tree.root(5));
    assertThat(
            MerkleProofs.verifyInclusion(
                new InclusionProof(0, 5, List.of("not base64!")), b64(tree.leaf(0)), root))
        .isFalse();
    assertThat(MerkleProofs.verifyInclusion(new InclusionProof(0, 5, List.of()), "AAAA", root))
        .isFalse();
  }
}
