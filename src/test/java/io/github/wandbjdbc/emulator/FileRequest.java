package io.github.wandbjdbc.emulator;

import java.util.Objects;

/**
 * One request to the file storage server as the emulator saw it.
 *
 * @param method HEAD, GET, or whatever else was sent
 * @param path the raw request path, without the query (signature and expiry)
 * @param range the {@code Range} header, null when absent
 * @param status the HTTP status answered
 * @param bytes body bytes actually sent (fewer than promised when a fault cut the body)
 * @param authorization whether the request carried an {@code Authorization} header; a client must
 *     not send W&B credentials to cloud storage
 */
public record FileRequest(
    String method, String path, String range, int status, long bytes, boolean authorization) {
  public FileRequest {
    Objects.requireNonNull(method, "method is null");
    Objects.requireNonNull(path, "path is null");
  }
}
