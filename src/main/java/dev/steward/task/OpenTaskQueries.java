package dev.steward.task;

import dev.steward.platform.ProcessConventions;
import dev.steward.platform.StewardPrincipal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.runtime.NativeProcessInstanceQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.NativeTaskQuery;
import org.camunda.bpm.engine.task.Task;

/**
 * The open tasks a caller may work on, read with the engine's native queries (public API: the
 * engine maps the rows to its own task and instance objects).
 *
 * <p>Why not the engine's {@code TaskQuery}: its MyBatis statement evaluates several hundred
 * dynamic-SQL conditions (OGNL) every time it runs, whichever criteria are set, and that cost 70 %
 * of the CPU of an inbox request and most of the visibility check of a completion
 * (docs/performance.md). The statements here are fixed SQL with bound parameters, written as the
 * engine writes the same criteria:
 *
 * <ul>
 *   <li>assigned to the caller: {@code ASSIGNEE_ = user} (index {@code ACT_IDX_TASK_ASSIGNEE});
 *   <li>offered to the caller: unassigned, with a {@code candidate} identity link to the user or
 *       one of their groups, driven from the identity links' user and group indexes (as the
 *       engine's {@code taskCandidateUser});
 *   <li>active only ({@code SUSPENSION_STATE_ = 1});
 *   <li>a BPO lead's tasks only of their vendor's processes: a process-instance variable {@code
 *       vendorId} (not task-local) with the lead's vendor, as {@code processVariableValueEquals}.
 * </ul>
 */
class OpenTaskQueries {

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private volatile Tables tables;

  OpenTaskQueries(
      TaskService taskService, RuntimeService runtimeService, ManagementService managementService) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
  }

  /**
   * The engine's table names (with its table prefix, if one is configured), asked of the engine by
   * its entity classes (its API types cover tasks and executions but not links and variables).
   */
  private record Tables(String task, String identityLink, String variable, String execution) {}

  private Tables tables() {
    Tables known = tables;
    if (known == null) {
      known =
          new Tables(
              managementService.getTableName(TaskEntity.class),
              managementService.getTableName(IdentityLinkEntity.class),
              managementService.getTableName(VariableInstanceEntity.class),
              managementService.getTableName(ExecutionEntity.class));
      tables = known;
    }
    return known;
  }

  /** Open tasks assigned to the caller, newest first, at most {@code limit}. */
  List<Task> assignedTo(StewardPrincipal caller, int limit) {
    Sql sql =
        new Sql("select RES.* from " + tables().task() + " RES")
            .where("RES.ASSIGNEE_ = #{user}")
            .where("RES.SUSPENSION_STATE_ = 1");
    return run(sql, caller, null).listPage(0, limit);
  }

  /** Open unassigned tasks offered to the caller or one of their groups, newest first. */
  List<Task> offeredTo(StewardPrincipal caller, List<String> groups, int limit) {
    Sql sql =
        new Sql("select RES.* from " + tables().task() + " RES")
            .where("RES.ASSIGNEE_ is null")
            .where("RES.SUSPENSION_STATE_ = 1")
            .where("RES.ID_ in (" + candidateLinks(groups) + ")");
    return run(sql, caller, groups).listPage(0, limit);
  }

  /**
   * The open task if the caller may work on it (assigned to them, or unassigned and offered to them
   * or one of their groups; for a BPO lead only of their vendor).
   */
  Optional<Task> visible(String taskId, StewardPrincipal caller, List<String> groups) {
    Sql sql =
        new Sql("select RES.* from " + tables().task() + " RES")
            .where("RES.ID_ = #{taskId}")
            .where("RES.SUSPENSION_STATE_ = 1");
    if (groups.isEmpty()) {
      sql.where("RES.ASSIGNEE_ = #{user}");
    } else {
      // correlated with the one task: probes its own links (index on TASK_ID_), not every task
      // offered to the caller's groups
      sql.where(
          "(RES.ASSIGNEE_ = #{user} or (RES.ASSIGNEE_ is null and exists ("
              + candidateLinks(groups)
              + " and I.TASK_ID_ = RES.ID_)))");
    }
    NativeTaskQuery query = run(sql, caller, groups).parameter("taskId", taskId);
    return Optional.ofNullable(query.singleResult());
  }

  /** The process instances of these ids (for their business keys). */
  List<ProcessInstance> instances(Collection<String> instanceIds) {
    if (instanceIds.isEmpty()) {
      return List.of();
    }
    List<String> ids = List.copyOf(instanceIds);
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < ids.size(); i++) {
      in.append(i == 0 ? "" : ", ").append("#{id").append(i).append('}');
    }
    NativeProcessInstanceQuery query =
        runtimeService
            .createNativeProcessInstanceQuery()
            .sql(
                "select RES.* from "
                    + tables().execution()
                    + " RES where RES.ID_ = RES.PROC_INST_ID_ and RES.ID_ in ("
                    + in
                    + ")");
    for (int i = 0; i < ids.size(); i++) {
      query.parameter("id" + i, ids.get(i));
    }
    return query.list();
  }

  /** The sub-select of task ids with a candidate link to the user or one of their groups. */
  private String candidateLinks(List<String> groups) {
    StringBuilder sql =
        new StringBuilder("select I.TASK_ID_ from ")
            .append(tables().identityLink())
            .append(" I where I.TYPE_ = 'candidate' and (I.USER_ID_ = #{user}");
    if (!groups.isEmpty()) {
      sql.append(" or I.GROUP_ID_ in (");
      for (int i = 0; i < groups.size(); i++) {
        sql.append(i == 0 ? "" : ", ").append("#{group").append(i).append('}');
      }
      sql.append(')');
    }
    return sql.append(')').toString();
  }

  /** Adds the vendor scope and the order, binds the parameters. */
  private NativeTaskQuery run(Sql sql, StewardPrincipal caller, List<String> groups) {
    if (caller.isVendorScoped()) {
      sql.where(
          "exists (select V.ID_ from "
              + tables().variable()
              + " V where V.PROC_INST_ID_ = RES.PROC_INST_ID_ and V.TASK_ID_ is null"
              + " and V.NAME_ = #{vendorVariable} and V.TYPE_ = 'string' and V.TEXT_ = #{vendor})");
    }
    NativeTaskQuery query =
        taskService
            .createNativeTaskQuery()
            .sql(sql.text() + " order by RES.CREATE_TIME_ desc, RES.ID_")
            .parameter("user", caller.username());
    if (groups != null) {
      for (int i = 0; i < groups.size(); i++) {
        query.parameter("group" + i, groups.get(i));
      }
    }
    if (caller.isVendorScoped()) {
      query
          .parameter("vendorVariable", ProcessConventions.VENDOR_ID.name())
          .parameter("vendor", caller.scopeVendorId());
    }
    return query;
  }

  /** A select and its where clauses, joined with {@code and}. */
  private static final class Sql {
    private final StringBuilder text;
    private boolean hasWhere;

    Sql(String select) {
      this.text = new StringBuilder(select);
    }

    Sql where(String condition) {
      text.append(hasWhere ? " and " : " where ").append(condition);
      hasWhere = true;
      return this;
    }

    String text() {
      return text.toString();
    }
  }
}
