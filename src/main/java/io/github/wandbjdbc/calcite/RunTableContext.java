package io.github.wandbjdbc.calcite;

import java.util.Objects;

/**
 * What every row of one project's {@code runs} table shares.
 *
 * @param appUrl base of the W&B web app, for the {@code url} column
 */
record RunTableContext(String entity, String project, String appUrl) {
  RunTableContext {
    Objects.requireNonNull(entity, "entity is null");
    Objects.requireNonNull(project, "project is null");
    Objects.requireNonNull(appUrl, "appUrl is null");
  }

  String runUrl(String runName) {
    return appUrl + "/" + entity + "/" + project + "/runs/" + runName;
  }
}
