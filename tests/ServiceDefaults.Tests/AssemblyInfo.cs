// OpenTelemetry's activity and meter listeners are process-wide: a service started by one test also records the
// spans and metrics of every other service alive in this process, and disposing a service ends instruments that the
// others share by name. Run the test classes one after another, so only the services of one class are alive at once.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
