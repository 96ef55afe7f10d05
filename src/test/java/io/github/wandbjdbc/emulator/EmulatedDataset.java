package io.github.wandbjdbc.emulator;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Everything the emulator serves: one entity (the viewer's default), its projects and runs. */
public record EmulatedDataset(
    String entity, String viewerUsername, List<EmulatedProject> projects) {

  public EmulatedDataset {
    Objects.requireNonNull(entity, "entity is null");
    Objects.requireNonNull(viewerUsername, "viewerUsername is null");
    projects = List.copyOf(projects);
  }

  public Optional<EmulatedProject> project(String entityName, String projectName) {
    if (!entity.equals(entityName)) {
      return Optional.empty();
    }
    return projects.stream().filter(p -> p.name().equals(projectName)).findFirst();
  }
}
