package io.github.wandbjdbc.emulator;

import java.util.Objects;

/** A run together with the project it is served from. */
record RunRef(ProjectRef project, EmulatedRun run) {
  RunRef {
    Objects.requireNonNull(project, "project is null");
    Objects.requireNonNull(run, "run is null");
  }

  String id() {
    return Refs.id("Run", "v1", run.name(), project.project().name(), project.project().entity());
  }
}
