package io.github.wandbjdbc.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/** Builds {@code Runs} responses for the scripted server, with W&B's offset cursors. */
public final class RunPages {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RunPages() {}

  static String cursor(int index) {
    return Base64.getEncoder()
        .encodeToString(("arrayconnection:" + index).getBytes(StandardCharsets.UTF_8));
  }

  static int offsetAfter(String cursor) {
    if (cursor == null) {
      return 0;
    }
    String decoded = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
    return Integer.parseInt(decoded.substring("arrayconnection:".length())) + 1;
  }

  static ObjectNode runNode(String name) {
    return JSON.createObjectNode()
        .put("id", "id-" + name)
        .put("name", name)
        .put("displayName", "display-" + name)
        .put("state", "finished")
        .put("createdAt", "2024-01-01T00:00:00");
  }

  /**
   * A page holding {@code nodes}, whose edges carry the cursors of positions {@code firstIndex}
   * onwards. pageInfo.endCursor is deliberately a different string: clients must follow the last
   * edge's cursor, as the official client does.
   */
  static String page(List<ObjectNode> nodes, int firstIndex, boolean hasNextPage) {
    ArrayNode edges = JSON.createArrayNode();
    for (int i = 0; i < nodes.size(); i++) {
      edges.addObject().put("cursor", cursor(firstIndex + i)).set("node", nodes.get(i));
    }
    ObjectNode runs = JSON.createObjectNode();
    runs.set("edges", edges);
    runs.putObject("pageInfo")
        .put("endCursor", "not-the-edge-cursor")
        .put("hasNextPage", hasNextPage);
    ObjectNode root = JSON.createObjectNode();
    root.putObject("data").putObject("project").set("runs", runs);
    return root.toString();
  }

  /** Serves runs {@code run-0 .. run-(n-1)} in pages chosen by the request's cursor and perPage. */
  static Function<ScriptedWandbServer.Recorded, ScriptedWandbServer.Reply> serving(int n) {
    return request -> {
      ObjectNode variables = request.variables();
      String cursor = variables.get("cursor").isNull() ? null : variables.get("cursor").asText();
      int from = offsetAfter(cursor);
      int to = Math.min(n, from + variables.get("perPage").asInt());
      List<ObjectNode> nodes = new ArrayList<>();
      for (int i = from; i < to; i++) {
        nodes.add(runNode("run-" + i));
      }
      return ScriptedWandbServer.ok(page(nodes, from, to < n));
    };
  }
}
