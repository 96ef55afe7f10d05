package io.github.wandbjdbc.calcite.filter;

import static io.github.wandbjdbc.calcite.filter.RunsFilterFixture.assertJson;
import static io.github.wandbjdbc.calcite.filter.RunsFilterFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The execution-time conjunction: a batch's run ids, a metric order's ranges. */
class FilterDocumentsTest {
  /** The result shares the documents' nodes, so merging must not write into them. */
  @Test
  void andMergesWithoutChangingItsDocuments() {
    ObjectNode lower = (ObjectNode) json("{'config.lr':{'$gt':1.0},'state':'a'}");
    ObjectNode upper = (ObjectNode) json("{'config.lr':{'$lt':2.0}}");
    ObjectNode colliding = (ObjectNode) json("{'state':{'$ne':'b'}}");
    String before = List.of(lower, upper, colliding).toString();
    assertJson(
        json("{'$and':[{'config.lr':{'$gt':1.0,'$lt':2.0},'state':'a'},{'state':{'$ne':'b'}}]}"),
        FilterDocuments.and(List.of(lower, upper, colliding)));
    assertEquals(before, List.of(lower, upper, colliding).toString());
  }
}
