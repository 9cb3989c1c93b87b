package dev.steward.task;

import dev.steward.platform.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tasks")
@Tag(name = "Tasks", description = "The caller's open workflow tasks, with their forms")
class TaskController {

  private final WorkTasks tasks;

  TaskController(WorkTasks tasks) {
    this.tasks = tasks;
  }

  @GetMapping
  @Operation(
      summary = "Open tasks the caller may work on (assigned, or offered to them or their groups)")
  List<TaskSummary> list() {
    return tasks.list(CurrentUser.get());
  }

  @GetMapping("/{id}")
  @Operation(summary = "One task with its form fields; 404 if the caller may not work on it")
  TaskDetail get(@PathVariable String id) {
    return tasks.get(id, CurrentUser.get());
  }

  @PostMapping("/{id}/complete")
  @Operation(
      summary = "Complete a task with its form's fields",
      description =
          "204 done; 404 not the caller's; 409 already completed; 400 unknown field; 422 invalid values")
  ResponseEntity<Void> complete(@PathVariable String id, @RequestBody Map<String, Object> fields) {
    tasks.complete(id, fields, CurrentUser.get());
    return ResponseEntity.noContent().build();
  }
}
