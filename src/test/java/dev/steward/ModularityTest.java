package dev.steward;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each top-level package is a module (a vertical slice); modules use only each other's public
 * top-level types and form no cycles.
 */
class ModularityTest {

  private final ApplicationModules modules = ApplicationModules.of(StewardApplication.class);

  @Test
  void slicesRespectTheirBoundaries() {
    modules.verify();
  }

  @Test
  void everySliceIsAModule() {
    assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
        .contains(
            "platform",
            "identity",
            "vendor",
            "escalation",
            "task",
            "kpi",
            "evaluation",
            "pilot",
            "onboarding",
            "training",
            "qa",
            "bulletin",
            "transition",
            "review",
            "risk",
            "decision",
            "dashboard",
            "demo",
            "portal");
  }

  @Test
  void documentsTheModules() throws Exception {
    new Documenter(modules, Documenter.Options.defaults().withOutputFolder("target/modulith-docs"))
        .writeModulesAsPlantUml();
    assertThat(Path.of("target/modulith-docs/components.puml")).exists();
  }
}
