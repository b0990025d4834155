package dev.signalbox.core.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.io.BaseEncoding;
import dev.signalbox.core.internal.Sha256;
import java.security.KeyPair;
import java.security.PublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ed25519 from the JDK against RFC 8032's test vectors, and the key helpers. */
class Ed25519Test {
  private static byte[] hex(String hex) {
    return BaseEncoding.base16().lowerCase().decode(hex);
  }

  /** RFC 8032, section 7.1: TEST 1, TEST 2, TEST 3 and TEST SHA(abc). */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "TEST 1,"
        + "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60,"
        + "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a,"
        + ","
        + "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
    "TEST 2,"
        + "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb,"
        + "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c,"
        + "72,"
        + "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
    "TEST 3,"
        + "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7,"
        + "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025,"
        + "af82,"
        + "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a",
    "TEST SHA(abc),"
        + "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42,"
        + "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf,"
        + "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f,"
        + "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b58909351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704"
  })
  void rfc8032Vectors(
      String name, String secret, String publicKey, String message, String signature) {
    byte[] msg = message == null ? new byte[0] : hex(message);
    Ed25519Signer signer = Ed25519Signer.fromRaw(hex(secret), hex(publicKey));

    assertThat(signer.sign(msg)).as("signature").isEqualTo(hex(signature));
    assertThat(Ed25519.verify(Ed25519.publicKey(hex(publicKey)), msg, hex(signature))).isTrue();
    assertThat(Ed25519.raw(signer.publicKey())).isEqualTo(hex(publicKey));

    byte[] flipped = hex(signature);
    flipped[7] ^= 1;
    assertThat(Ed25519.verify(signer.publicKey(), msg, flipped)).isFalse();
    byte[] other = new byte[msg.length + 1];
    System.arraycopy(msg, 0, other, 0, msg.length);
    assertThat(Ed25519.verify(signer.publicKey(), other, hex(signature))).isFalse();
  }

  @Test
  void keyIdIsTheSha256OfTheSubjectPublicKeyInfo() {
    PublicKey key =
        Ed25519.publicKey(hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"));
    assertThat(Ed25519.spki(key))
        .isEqualTo(
            hex(
                "302a300506032b6570032100d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"));
    assertThat(Ed25519.keyId(key)).isEqualTo(Sha256.hex(Ed25519.spki(key))).hasSize(64);
  }

  @Test
  void aSignerRefusesAKeyPairWhoseHalvesDoNotBelongTogether() {
    KeyPair one = Ed25519.generate();
    KeyPair two = Ed25519.generate();
    assertThatThrownBy(() -> Ed25519Signer.create(new KeyPair(one.getPublic(), two.getPrivate())))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("does not belong");
  }

  @Test
  void wrongLengthsAreRefusedOrFalse() {
    assertThatThrownBy(() -> Ed25519.publicKey(new byte[31])).isInstanceOf(SigningException.class);
    assertThatThrownBy(() -> Ed25519.privateKey(new byte[33])).isInstanceOf(SigningException.class);
    assertThatThrownBy(() -> Ed25519.publicKeyFromSpki(new byte[44]))
        .isInstanceOf(SigningException.class);
    Ed25519Signer signer = Ed25519Signer.generate();
    assertThat(Ed25519.verify(signer.publicKey(), new byte[1], new byte[63])).isFalse();
    assertThat(Ed25519.verify(signer.publicKey(), new byte[1], new byte[64])).isFalse();
  }

  @Test
  void toStringShowsOnlyTheKeyId() {
    Ed25519Signer signer = Ed25519Signer.generate();
    assertThat(signer.toString()).isEqualTo("Ed25519Signer[" + signer.keyId() + "]");
  }
}
