package dev.keapgw.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class EncryptionKeysTest {
  static final String K1 = Base64.getEncoder().encodeToString(new byte[32]);
  static final String K2 =
      Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

  @Test
  void theFirstKeyIsPrimaryAndTheOthersOnlyDecrypt() {
    EncryptionKeys keys = EncryptionKeys.of(K2, List.of(K1, K2));
    assertThat(keys.primaryId()).isEqualTo(EncryptionKeys.keyId(EncryptionKeys.decode(K2)));
    assertThat(keys.ids())
        .containsExactly(keys.primaryId(), EncryptionKeys.keyId(EncryptionKeys.decode(K1)));
    assertThat(keys.byId(EncryptionKeys.keyId(EncryptionKeys.decode(K1)))).isEqualTo(new byte[32]);
  }

  @Test
  void aKeyFileListsOneKeyPerLineOrCommaSeparatedWithComments() {
    EncryptionKeys keys = EncryptionKeys.parse("# rotated 2026-05\n" + K2 + "\n\n  " + K1 + "  \n");
    assertThat(keys.ids()).hasSize(2);
    assertThat(keys.primaryId()).isEqualTo(EncryptionKeys.keyId(EncryptionKeys.decode(K2)));
    assertThat(EncryptionKeys.parse(K1 + "," + K2).primaryId())
        .isEqualTo(EncryptionKeys.keyId(EncryptionKeys.decode(K1)));
  }

  @Test
  void badKeysAreRefusedWithAMessageThatSaysHowToMakeOne() {
    assertThatThrownBy(() -> EncryptionKeys.parse("# nothing\n"))
        .hasMessageContaining("openssl rand -base64 32");
    assertThatThrownBy(() -> EncryptionKeys.of(K1, List.of("c2hvcnQ=")))
        .hasMessageContaining("32 bytes");
  }
}
