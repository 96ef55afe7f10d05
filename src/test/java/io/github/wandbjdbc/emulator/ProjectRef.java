package io.github.wandbjdbc.emulator;

import java.util.Objects;

/** A project as the schema sees it: {@code number} (1-based) yields its numeric ids. */
record ProjectRef(EmulatedProject project, int number) {
  ProjectRef {
    Objects.requireNonNull(project, "project is null");
  }

  String id() {
    return Refs.id("Project", "v1", project.name(), project.entity());
  }

  String internalId() {
    return Refs.id("ProjectInternalId", String.valueOf(number));
  }
}
