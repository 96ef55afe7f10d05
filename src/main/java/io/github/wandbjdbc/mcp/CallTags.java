package io.github.wandbjdbc.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads each JSON-RPC message a client sends before the SDK does. The SDK's classic server hands a
 * tool neither the JSON-RPC id of its call nor a client's {@code notifications/cancelled}: so each
 * {@code tools/call} gets a tag (session channel + request id) in its {@code _meta}, which the tool
 * reads back to register its statement, and a cancel notification cancels the statement under the
 * same tag.
 */
final class CallTags {
  static final String META_KEY = "io.github.wandbjdbc/call";
  private static final TypeRef<Map<String, Object>> OBJECT = new TypeRef<>() {};

  private final McpJsonMapper json;
  private final RunningCalls calls;

  CallTags(McpJsonMapper json, RunningCalls calls) {
    this.json = json;
    this.calls = calls;
  }

  static String channelPrefix(String channel) {
    return channel + "#";
  }

  /** The message to hand on: a tagged {@code tools/call}, else the message as it came. */
  String read(String channel, String message) {
    if (!message.contains("tools/call") && !message.contains("notifications/cancelled")) {
      return message;
    }
    Map<String, Object> parsed;
    try {
      parsed = json.readValue(message, OBJECT);
    } catch (IOException | RuntimeException e) {
      return message; // not one JSON object: the SDK answers it
    }
    Object method = parsed.get("method");
    if ("notifications/cancelled".equals(method)
        && parsed.get("params") instanceof Map<?, ?> params
        && params.get("requestId") != null) {
      calls.cancel(channelPrefix(channel) + params.get("requestId"));
      return message;
    }
    if (!"tools/call".equals(method) || parsed.get("id") == null) {
      return message;
    }
    Map<String, Object> params = objectAt(parsed, "params");
    Map<String, Object> meta = objectAt(params, "_meta");
    meta.put(META_KEY, channelPrefix(channel) + parsed.get("id"));
    try {
      return json.writeValueAsString(parsed);
    } catch (IOException e) {
      return message;
    }
  }

  /** The object under {@code key}, a mutable copy put back in place (created when missing). */
  private static Map<String, Object> objectAt(Map<String, Object> parent, String key) {
    Map<String, Object> child = new HashMap<>();
    if (parent.get(key) instanceof Map<?, ?> existing) {
      existing.forEach((k, v) -> child.put(String.valueOf(k), v));
    }
    parent.put(key, child);
    return child;
  }
}
