package io.github.wandbjdbc.client.transport;

import io.github.wandbjdbc.client.Cancellation;
import java.io.IOException;
import java.io.InterruptedIOException;
import okhttp3.Call;
import okhttp3.Response;

/** Runs an OkHttp call that its {@link Cancellation} can abort until its body has been read. */
final class CancellableCalls {
  private CancellableCalls() {}

  /** How a response is read; runs while the call can still be aborted. */
  interface Reader<T> {
    T read(Response response) throws IOException;
  }

  /** Executes {@code call}, reads its response with {@code reader} and closes it. */
  static <T> T execute(Call call, Cancellation scope, Reader<T> reader) throws IOException {
    Runnable abort = call::cancel;
    scope.register(abort);
    try (Response response = call.execute()) {
      return reader.read(response);
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      // OkHttp (Kotlin) can leak an undeclared InterruptedException when interrupted while
      // connecting, with the flag cleared: restore the flag and report it as interrupted I/O.
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted = new InterruptedIOException("interrupted");
      interrupted.initCause(e);
      throw interrupted;
    } finally {
      scope.unregister(abort);
    }
  }
}
