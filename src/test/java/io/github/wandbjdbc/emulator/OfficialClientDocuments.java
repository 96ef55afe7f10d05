package io.github.wandbjdbc.emulator;

/** GraphQL documents written the way the official client writes them (wandb-api.md §2, §10). */
public final class OfficialClientDocuments {
  private OfficialClientDocuments() {}

  static final String VIEWER =
      "query Viewer { viewer { id entity username email flags teams { edges { node { name } } } } }";

  static final String DEFAULT_ENTITY = "query GetDefaultEntity { viewer { id entity } }";

  static final String LIGHTWEIGHT_FRAGMENT =
      """
      fragment LightweightRunFragment on Run {
        id tags name displayName sweepName state group jobType commit readOnly createdAt
        heartbeatAt description notes historyLineCount user { name username }
      }
      """;

  static final String RUN_FRAGMENT =
      """
      fragment RunFragment on Run {
        id tags name displayName sweepName state group jobType commit readOnly createdAt
        heartbeatAt description notes historyLineCount user { name username }
        config systemMetrics summaryMetrics historyKeys
      }
      """;

  private static final String RUNS_TEMPLATE =
      """
      query Runs($project: String!, $entity: String!, $cursor: String, $perPage: Int = 50,
                 $order: String, $filters: JSONString) {
        project(name: $project, entityName: $entity) {
          internalId
          runCount(filters: $filters)
          readOnly
          runs(filters: $filters, after: $cursor, first: $perPage, order: $order) {
            edges { node { projectId ...%s } cursor }
            pageInfo { endCursor hasNextPage }
          }
        }
      }
      """;

  /** {@code Api.runs(...)} with {@code lazy=True}, the default. */
  public static final String RUNS_LIGHTWEIGHT =
      RUNS_TEMPLATE.formatted("LightweightRunFragment") + LIGHTWEIGHT_FRAGMENT;

  /** {@code Api.runs(..., lazy=False)}: configs, summaries and system metrics in the listing. */
  public static final String RUNS_FULL = RUNS_TEMPLATE.formatted("RunFragment") + RUN_FRAGMENT;

  static final String RUN =
      """
      query Run($project: String!, $entity: String!, $name: String!) {
        project(name: $project, entityName: $entity) { run(name: $name) { projectId ...RunFragment } }
      }
      """
          + RUN_FRAGMENT;

  static final String HISTORY_KEYS =
      """
      query RunHistoryKeys($project: String!, $entity: String!, $name: String!) {
        project(name: $project, entityName: $entity) { run(name: $name) { historyKeys } } }
      """;

  static final String FULL_HISTORY =
      """
      query RunFullHistory($project: String!, $entity: String!, $name: String!, $samples: Int) {
        project(name: $project, entityName: $entity) { run(name: $name) { history(samples: $samples) } } }
      """;

  static final String EVENTS =
      """
      query RunEvents($project: String!, $entity: String!, $name: String!, $samples: Int) {
        project(name: $project, entityName: $entity) { run(name: $name) { events(samples: $samples) } } }
      """;

  static final String SAMPLED_HISTORY =
      """
      query RunSampledHistory($project: String!, $entity: String!, $name: String!,
                              $specs: [JSONString!]!) {
        project(name: $project, entityName: $entity) { run(name: $name) { sampledHistory(specs: $specs) } } }
      """;

  static final String HISTORY_PAGE =
      """
      query HistoryPage($entity: String!, $project: String!, $run: String!,
                        $minStep: Int64!, $maxStep: Int64!, $pageSize: Int!) {
        project(name: $project, entityName: $entity) {
          run(name: $run) { history(minStep: $minStep, maxStep: $maxStep, samples: $pageSize) } } }
      """;

  static final String SAMPLED_HISTORY_PAGE =
      """
      query SampledHistoryPage($entity: String!, $project: String!, $run: String!,
                               $spec: JSONString!) {
        project(name: $project, entityName: $entity) { run(name: $run) { sampledHistory(specs: [$spec]) } } }
      """;

  static final String PARQUET_HISTORY =
      """
      query RunParquetHistory($entity: String!, $project: String!, $runName: String!,
                              $liveKeys: [String!]!) {
        project(name: $project, entityName: $entity) {
          run(name: $runName) { parquetHistory(liveKeys: $liveKeys) { parquetUrls liveData } } } }
      """;

  static final String GET_PROJECTS =
      """
      query GetProjects($entity: String, $cursor: String, $perPage: Int = 50) {
        models(entityName: $entity, after: $cursor, first: $perPage) {
          pageInfo { __typename endCursor hasNextPage }
          edges { node { __typename id name entityName createdAt isBenchmark user { ...UserFragment } } }
        }
      }
      fragment UserFragment on User {
        id name username email admin flags entity deletedAt
        apiKeys { edges { node { id name description } } }
        teams { edges { node { name } } }
      }
      """;

  static final String PROBE_PROJECT =
      "query ProbeProjectInput { ProjectType: __type(name: \"Project\") { fields { name } } }";

  static final String PROBE_RUN =
      "query ProbeRunInput { RunType: __type(name: \"Run\") { fields { name } } }";
}
