package io.github.wandbjdbc.mcp;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * In front of the SDK's servlet: refuses a request without an accepted bearer token (401, nothing
 * read), tags each {@code tools/call} and handles {@code notifications/cancelled} ({@link
 * CallTags}), and cancels a session's calls when the client deletes the session.
 */
final class AuthenticatingFilter implements Filter {
  private static final int MAX_BODY_BYTES = 4 << 20;
  private static final String SESSION_HEADER = "Mcp-Session-Id";

  private final BearerTokens tokens;
  private final CallTags tags;
  private final RunningCalls running;

  AuthenticatingFilter(BearerTokens tokens, CallTags tags, RunningCalls running) {
    this.tokens = tokens;
    this.tags = tags;
    this.running = running;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    String token = bearer(request.getHeader("Authorization"));
    switch (tokens.check(token)) {
      case REFUSED -> {
        refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "a valid bearer token is required");
        return;
      }
      case UNAVAILABLE -> {
        refuse(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "W&B is not reachable");
        return;
      }
      case ACCEPTED -> {}
    }
    if (tokens.tokensAreKeys()) {
      request.setAttribute(ToolCall.API_KEY, token);
    }
    String session = request.getHeader(SESSION_HEADER);
    if ("DELETE".equals(request.getMethod()) && session != null) {
      running.cancelChannel(session);
    }
    if (!"POST".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = readBody(request.getInputStream());
    if (body == null) {
      refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "request too large");
      return;
    }
    String message = new String(body, StandardCharsets.UTF_8);
    String channel = session == null ? "no-session" : session;
    chain.doFilter(new RereadableRequest(request, tags.read(channel, message)), response);
  }

  private static String bearer(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return authorization.substring(7).strip();
  }

  private static byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
    return body.length > MAX_BODY_BYTES ? null : body;
  }

  private static void refuse(HttpServletResponse response, int status, String why)
      throws IOException {
    response.setStatus(status);
    if (status == HttpServletResponse.SC_UNAUTHORIZED) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"wandb-jdbc\"");
    }
    response.setContentType("text/plain;charset=utf-8");
    response.getWriter().println(why);
  }
}
