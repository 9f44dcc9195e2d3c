// These tests start real servers and count real processes: one at a time, so that one test's
// processes never show up in another's census, and the two cores are not oversubscribed.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
