package dev.keapgw.gateway.trigger.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The sender's exchanges run on an event-loop context whichever thread makes the sender (on a
 * worker's context they raced the answer, and a delivery could hang: see {@link Sender}).
 */
@Tag("unit")
class SenderContextTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void offVertxThreadsItIsANewEventLoopContext() {
    assertThat(Sender.eventLoopContext(vertx).isEventLoopContext()).isTrue();
  }

  @Test
  void onAWorkerItIsStillAnEventLoopContextNotTheWorkers() throws Exception {
    Promise<Context[]> got = Promise.promise();
    vertx.deployVerticle(
        new VerticleBase() {
          @Override
          public Future<?> start() {
            got.complete(new Context[] {Vertx.currentContext(), Sender.eventLoopContext(vertx)});
            return Future.succeededFuture();
          }
        },
        new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER));
    Context[] seen =
        got.future().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(seen[0].isWorkerContext()).as("made on a worker").isTrue();
    assertThat(seen[1].isEventLoopContext()).isTrue();
  }

  @Test
  void onAnEventLoopItIsThatLoopsContext() throws Exception {
    Context loop = vertx.getOrCreateContext();
    Promise<Context> got = Promise.promise();
    loop.runOnContext(v -> got.complete(Sender.eventLoopContext(vertx)));
    Context c = got.future().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(c).isSameAs(loop);
  }
}
