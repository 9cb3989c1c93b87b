package dev.steward.task;

import dev.steward.platform.BadRequestException;
import dev.steward.platform.ConflictException;
import dev.steward.platform.InvalidDataException;
import dev.steward.platform.NotFoundException;
import dev.steward.platform.ProcessConventions;
import dev.steward.platform.StewardPrincipal;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The user tasks a caller may work on: assigned to them, or unassigned and offered to them or one
 * of their groups; for a BPO lead only tasks of their own vendor's processes. The engine does not
 * check this on completion by itself, so every call here does.
 */
@Service
public class WorkTasks {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WorkTasks.class);

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final RepositoryService repositoryService;
  private final HistoryService historyService;
  private final FormService formService;
  private final IdentityService identityService;
  private final CamundaForms forms;
  private final OpenTaskQueries openTasks;
  private final TransactionTemplate transactions;

  /** Process definition id → key; definitions never change once deployed. */
  private final Map<String, String> processKeys = new ConcurrentHashMap<>();

  /** (process definition id, task key) → does the user task have a form; as immutable. */
  private final Map<String, Boolean> hasForm = new ConcurrentHashMap<>();

  WorkTasks(
      TaskService taskService,
      RuntimeService runtimeService,
      RepositoryService repositoryService,
      HistoryService historyService,
      FormService formService,
      IdentityService identityService,
      ManagementService managementService,
      CamundaForms forms,
      PlatformTransactionManager transactionManager) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.repositoryService = repositoryService;
    this.historyService = historyService;
    this.formService = formService;
    this.identityService = identityService;
    this.forms = forms;
    this.openTasks = new OpenTaskQueries(taskService, runtimeService, managementService);
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /** The most tasks one inbox answer lists, newest first. */
  static final int INBOX_LIMIT = 500;

  /**
   * The caller's inbox, newest first. Two queries the database answers from indexes (tasks assigned
   * to the caller; unassigned tasks offered to the caller or their groups) instead of the one OR
   * query the engine would run as a join over every open task and identity link: the inbox's cost
   * follows the caller's tasks, not the size of the task tables. Both are fixed native queries
   * ({@link OpenTaskQueries}), as is the read of the instances' business keys.
   */
  @Transactional(readOnly = true)
  public List<TaskSummary> list(StewardPrincipal caller) {
    List<String> groups = groupsOf(caller);
    List<Task> tasks = new ArrayList<>(openTasks.assignedTo(caller, INBOX_LIMIT));
    tasks.addAll(openTasks.offeredTo(caller, groups, INBOX_LIMIT));
    tasks.sort(
        Comparator.comparing(Task::getCreateTime, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Task::getId));
    if (tasks.size() > INBOX_LIMIT) {
      tasks = tasks.subList(0, INBOX_LIMIT);
    }
    Context context = context(tasks);
    return tasks.stream()
        .map(
            t ->
                new TaskSummary(
                    t.getId(),
                    t.getName(),
                    t.getTaskDefinitionKey(),
                    context.processKey(t),
                    t.getProcessInstanceId(),
                    context.businessKey(t),
                    context.vendorId(t),
                    t.getAssignee(),
                    instant(t.getCreateTime()),
                    instant(t.getDueDate())))
        .toList();
  }

  @Transactional(readOnly = true)
  public TaskDetail get(String taskId, StewardPrincipal caller) {
    Task task = findVisible(taskId, caller);
    List<FormField> formFields;
    try {
      formFields = formFields(task);
    } catch (RuntimeException e) {
      // completed by someone else a moment ago: the engine cannot read the form of a task that is
      // gone
      if (taskService.createTaskQuery().taskId(taskId).count() == 0) {
        throw new NotFoundException("Task", taskId);
      }
      throw e;
    }
    Context context = context(List.of(task));
    return new TaskDetail(
        task.getId(),
        task.getName(),
        task.getTaskDefinitionKey(),
        task.getDescription(),
        context.processKey(task),
        task.getProcessInstanceId(),
        context.businessKey(task),
        context.vendorId(task),
        task.getAssignee(),
        instant(task.getCreateTime()),
        instant(task.getDueDate()),
        task.getCamundaFormRef() == null ? task.getFormKey() : task.getCamundaFormRef().getKey(),
        formFields);
  }

  /**
   * Completes the task with the form's values: 404 if the caller may not work on it, 409 if it was
   * completed already (also when a concurrent completion wins), 400/422 for fields the form does
   * not accept.
   *
   * <p>Not one transaction around everything: when a concurrent completion commits between our read
   * and our write, the engine fails in several ways (optimistic locking; the task, its form or its
   * execution vanished or moved on in the middle of a command). Only after our transaction has
   * rolled back can a fresh read of the history tell whether the task was completed meanwhile.
   */
  public void complete(String taskId, Map<String, Object> submitted, StewardPrincipal caller) {
    for (int attempt = 1; ; attempt++) {
      try {
        transactions.executeWithoutResult(tx -> completeVisible(taskId, submitted, caller));
        return;
      } catch (NotFoundException
          | ConflictException
          | BadRequestException
          | InvalidDataException e) {
        throw e; // decided before anything changed
      } catch (RuntimeException e) {
        RuntimeException refusal = domainRefusal(e);
        if (refusal != null) {
          // a listener or delegate of the process refused the values (the engine wraps what task
          // listeners throw); the transaction rolled back, so nothing was stored
          throw refusal;
        }
        if (isFinished(taskId)) {
          throw new ConflictException("Task '" + taskId + "' has already been completed");
        }
        if (isConcurrentChange(e)) {
          // the task is still open, so another command changed its process instance at the same
          // moment (typically the other branch of a parallel join completing): our transaction
          // rolled back, so doing it again is safe and the caller need not know
          if (attempt < MAX_ATTEMPTS && isOpen(taskId)) {
            log.info(
                "Completing task {} again after a concurrent change (attempt {}): {}",
                taskId,
                attempt + 1,
                e.getMessage());
            continue;
          }
          throw new ConflictException(
              "Task '" + taskId + "' was changed at the same time; reload it and try again");
        }
        throw e;
      }
    }
  }

  /** Attempts at a completion that loses optimistic-locking races to other tasks' completions. */
  private static final int MAX_ATTEMPTS = 5;

  private static boolean isConcurrentChange(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof OptimisticLockingException
          || cause instanceof ConcurrencyFailureException) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  private boolean isOpen(String taskId) {
    return taskService.createTaskQuery().taskId(taskId).count() > 0;
  }

  private void completeVisible(
      String taskId, Map<String, Object> submitted, StewardPrincipal caller) {
    Task task = openTasks.visible(taskId, caller, groupsOf(caller)).orElse(null);
    if (task == null) {
      if (completedByOrFor(taskId, caller)) {
        throw new ConflictException("Task '" + taskId + "' has already been completed");
      }
      throw new NotFoundException("Task", taskId);
    }
    List<FormField> fields =
        hasForm(task) ? forms.fields(formService.getDeployedTaskForm(taskId)) : List.of();
    Map<String, Object> variables = forms.validate(fields, submitted);
    if (task.getAssignee() == null) {
      // who completed a task is its assignee, in the API as in Tasklist
      taskService.setAssignee(taskId, caller.username());
    }
    taskService.complete(taskId, variables);
  }

  /** A 4xx decision made by the process's own code, somewhere in the cause chain. */
  private static RuntimeException domainRefusal(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidDataException
          || cause instanceof BadRequestException
          || cause instanceof NotFoundException
          || cause instanceof ConflictException) {
        return (RuntimeException) cause;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }

  private boolean isFinished(String taskId) {
    return historyService.createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0;
  }

  private Task findVisible(String taskId, StewardPrincipal caller) {
    Task task = visible(caller).taskId(taskId).initializeFormKeys().singleResult();
    if (task == null) {
      throw new NotFoundException("Task", taskId);
    }
    return task;
  }

  private TaskQuery visible(StewardPrincipal caller) {
    List<String> groups = groupsOf(caller);
    TaskQuery query = taskService.createTaskQuery().active();
    if (groups.isEmpty()) {
      query.taskAssignee(caller.username());
    } else {
      query
          .or()
          .taskAssignee(caller.username())
          .taskCandidateUser(caller.username())
          .taskCandidateGroupIn(groups)
          .endOr();
    }
    if (caller.isVendorScoped()) {
      query.processVariableValueEquals(ProcessConventions.VENDOR_ID.name(), caller.scopeVendorId());
    }
    return query;
  }

  /**
   * A finished task the caller could have worked on: completing it again is a conflict, not "not
   * found".
   */
  private boolean completedByOrFor(String taskId, StewardPrincipal caller) {
    HistoricTaskInstance done =
        historyService.createHistoricTaskInstanceQuery().taskId(taskId).finished().singleResult();
    if (done == null) {
      return false;
    }
    if (caller.isVendorScoped()) {
      Object vendor =
          historyService
              .createHistoricVariableInstanceQuery()
              .processInstanceId(done.getProcessInstanceId())
              .variableName(ProcessConventions.VENDOR_ID.name())
              .list()
              .stream()
              .findFirst()
              .map(v -> v.getValue())
              .orElse(null);
      if (!caller.canSeeVendor(vendor == null ? null : vendor.toString())) {
        return false;
      }
    }
    if (caller.username().equals(done.getAssignee())) {
      return true;
    }
    Set<String> groups = Set.copyOf(groupsOf(caller));
    return historyService
        .createHistoricIdentityLinkLogQuery()
        .taskId(taskId)
        .type(IdentityLinkType.CANDIDATE)
        .list()
        .stream()
        .anyMatch(
            (HistoricIdentityLinkLog link) ->
                caller.username().equals(link.getUserId())
                    || (link.getGroupId() != null && groups.contains(link.getGroupId())));
  }

  private List<FormField> formFields(Task task) {
    if (task.getCamundaFormRef() == null && task.getFormKey() == null) {
      return List.of();
    }
    InputStream form = formService.getDeployedTaskForm(task.getId());
    return forms.fields(form);
  }

  /** The caller's Camunda groups: as read at sign-in, or read now for a system caller. */
  private List<String> groupsOf(StewardPrincipal caller) {
    if (caller.groups() != null) {
      return caller.groups().stream().sorted().toList();
    }
    return identityService.createGroupQuery().groupMember(caller.username()).list().stream()
        .map(Group::getId)
        .toList();
  }

  /**
   * Whether the task's user task has a form (every Steward user task has one; a task made outside a
   * process has none), from the deployed model, which the engine caches.
   */
  private boolean hasForm(Task task) {
    if (task.getProcessDefinitionId() == null) {
      return false;
    }
    return hasForm.computeIfAbsent(
        task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(),
        key -> {
          ModelElementInstance element =
              repositoryService
                  .getBpmnModelInstance(task.getProcessDefinitionId())
                  .getModelElementById(task.getTaskDefinitionKey());
          return element instanceof UserTask userTask
              && (userTask.getCamundaFormRef() != null || userTask.getCamundaFormKey() != null);
        });
  }

  private Context context(List<Task> tasks) {
    Set<String> instanceIds =
        tasks.stream()
            .map(Task::getProcessInstanceId)
            .filter(id -> id != null)
            .collect(Collectors.toSet());
    Map<String, String> businessKeys = new HashMap<>();
    Map<String, String> vendorIds = new HashMap<>();
    if (!instanceIds.isEmpty()) {
      for (ProcessInstance instance : openTasks.instances(instanceIds)) {
        businessKeys.put(instance.getId(), instance.getBusinessKey());
      }
      for (VariableInstance variable :
          runtimeService
              .createVariableInstanceQuery()
              .processInstanceIdIn(instanceIds.toArray(String[]::new))
              .variableName(ProcessConventions.VENDOR_ID.name())
              .list()) {
        if (variable.getExecutionId().equals(variable.getProcessInstanceId())
            && variable.getValue() != null) {
          vendorIds.put(variable.getProcessInstanceId(), variable.getValue().toString());
        }
      }
    }
    Map<String, String> keys = new HashMap<>();
    tasks.stream()
        .map(Task::getProcessDefinitionId)
        .filter(id -> id != null)
        .distinct()
        .forEach(
            id ->
                keys.put(
                    id,
                    processKeys.computeIfAbsent(
                        id, d -> repositoryService.getProcessDefinition(d).getKey())));
    return new Context(businessKeys, vendorIds, keys);
  }

  private record Context(
      Map<String, String> businessKeys,
      Map<String, String> vendorIds,
      Map<String, String> processKeys) {
    String businessKey(Task t) {
      return businessKeys.get(t.getProcessInstanceId());
    }

    String vendorId(Task t) {
      return vendorIds.get(t.getProcessInstanceId());
    }

    String processKey(Task t) {
      return processKeys.get(t.getProcessDefinitionId());
    }
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
