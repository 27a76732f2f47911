package dev.keapgw.client.sdk;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The SDK is a library: an application that uses it gets no command-line parser with it. The
 * SDK's test classpath is its dependency tree plus the gateway and sandbox under test, none of
 * which carries picocli; the keap command (module cli) does. The build checks the same with
 * the enforcer's bannedDependencies rule in client/pom.xml.
 */
@Tag("unit")
class NoCommandLineInSdkTest {
  @Test
  void picocliIsNotOnTheSdksClasspath() {
    assertThatThrownBy(() -> Class.forName("picocli.CommandLine"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void theCommandIsNotInTheSdk() {
    assertThatThrownBy(() -> Class.forName("dev.keapgw.cli.KeapCli"))
        .isInstanceOf(ClassNotFoundException.class);
  }
}
