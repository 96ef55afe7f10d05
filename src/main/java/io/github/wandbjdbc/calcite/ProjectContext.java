package io.github.wandbjdbc.calcite;

import java.util.Objects;

/**
 * What every row of one project's {@code runs} table shares.
 *
 * @param appUrl base of the W&B web app, for the {@code url} column
 */
public record ProjectContext(String entity, String project, String appUrl) {
  public ProjectContext {
    Objects.requireNonNull(entity, "entity is null");
    Objects.requireNonNull(project, "project is null");
    Objects.requireNonNull(appUrl, "appUrl is null");
  }

  public String runUrl(String runName) {
    return appUrl + "/" + entity + "/" + project + "/runs/" + runName;
  }
}
