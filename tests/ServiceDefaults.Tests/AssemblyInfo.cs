// OpenTelemetry's activity listeners are process-wide: a service started by one test also records the spans of every
// other service alive in this process (its sampler decision included). Run the test classes one after another, so
// only the services of one class are alive at once.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
