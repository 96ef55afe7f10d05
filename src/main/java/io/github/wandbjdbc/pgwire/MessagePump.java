package io.github.wandbjdbc.pgwire;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a session's messages on a thread of its own, so that a client that goes away is noticed
 * while its query still runs: the end of the stream cancels the running statement at once, and no
 * further W&B request is made for a client that is gone.
 */
final class MessagePump implements Runnable {
  /** What the pump hands over: a message, or how reading ended (null message). */
  record Item(FrontendMessage message, IOException failure) {}

  private final PgInput in;
  private final SessionState state;
  private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(1024);

  MessagePump(PgInput in, SessionState state) {
    this.in = in;
    this.state = state;
  }

  @Override
  public void run() {
    try {
      while (true) {
        FrontendMessage message = in.read();
        if (message == null) {
          break;
        }
        queue.put(new Item(message, null));
        if (message.type() == 'X') {
          return;
        }
      }
      state.cancel();
      queue.put(new Item(null, null));
    } catch (IOException e) {
      state.cancel();
      queue.offer(new Item(null, e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The next message; null at the end of the stream; throws what ended reading otherwise. */
  FrontendMessage next() throws IOException {
    Item item;
    try {
      item = queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (item.failure() != null) {
      throw item.failure();
    }
    return item.message();
  }
}
