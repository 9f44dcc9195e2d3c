using Orchestrator.Hosting.Notifications;

namespace Orchestrator.Api.Streaming;

/// <summary>
/// One connected client as the hub sees it: its filter, its bounded send queue and the replicas whose
/// logs it follows. Every method returns at once: the hub never waits on a client.
/// </summary>
internal sealed class StreamClient : IDisposable
{
    private readonly IReplicaLogSource _logs;
    private readonly Action<StreamClient> _onOverflow;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ReplicaLogFollow> _follows = new(StringComparer.Ordinal);
    private readonly HashSet<string> _wholeResources = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _fellBehind = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _disposed;

    public StreamClient(long id, StreamFilter filter, int queueCapacity, IReplicaLogSource logs, Action<StreamClient> onOverflow)
    {
        Id = id;
        Filter = filter;
        Queue = new SendQueue(queueCapacity);
        _logs = logs;
        _onOverflow = onOverflow;
    }

    public long Id { get; }

    public StreamFilter Filter { get; }

    public SendQueue Queue { get; }

    /// <summary>Completes when the client's queue overflowed; its continuations never run on the thread that offered.</summary>
    public Task FellBehind => _fellBehind.Task;

    /// <summary>Queues a message, whatever the filter (the hub applies it to what the client did not ask for).</summary>
    public void Send(StreamFrame frame)
    {
        if (Queue.Offer(frame) == SendQueueResult.Overflowed)
        {
            _fellBehind.TrySetResult();
            _onOverflow(this);
        }
    }

    /// <summary>Starts forwarding the output of <paramref name="replicas"/> (all of a resource's when <paramref name="wholeResource"/>).</summary>
    public void FollowLogs(string resource, IEnumerable<ResourceSnapshot> replicas, bool wholeResource)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            if (wholeResource)
            {
                _wholeResources.Add(resource);
            }

            foreach (var replica in replicas)
            {
                if (!_follows.ContainsKey(replica.ReplicaName))
                {
                    var follow = new ReplicaLogFollow(resource, replica.ReplicaName, message => Send(StreamFrames.Log(message)));
                    _follows[replica.ReplicaName] = follow;
                    follow.Follow(_logs.GetProcess(replica.ReplicaName), catchUp: false);
                }
            }
        }
    }

    /// <summary>Stops forwarding a resource's output (one replica's, when <paramref name="replica"/> is given).</summary>
    public void UnfollowLogs(string resource, string? replica)
    {
        lock (_gate)
        {
            if (replica is null)
            {
                _wholeResources.Remove(resource);
            }

            foreach (var follow in _follows.Values.Where(f => f.Resource == resource && (replica is null || f.Replica == replica)).ToList())
            {
                follow.Dispose();
                _follows.Remove(follow.Replica);
            }
        }
    }

    /// <summary>Moves the follows of a replica that got a new process; picks up a new replica of a resource followed whole.</summary>
    public void OnSnapshot(ResourceSnapshot snapshot)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            if (_follows.TryGetValue(snapshot.ReplicaName, out var follow))
            {
                follow.Follow(_logs.GetProcess(snapshot.ReplicaName), catchUp: true);
            }
            else if (_wholeResources.Contains(snapshot.ResourceName))
            {
                follow = new ReplicaLogFollow(snapshot.ResourceName, snapshot.ReplicaName, message => Send(StreamFrames.Log(message)));
                _follows[snapshot.ReplicaName] = follow;
                follow.Follow(_logs.GetProcess(snapshot.ReplicaName), catchUp: true);
            }
        }
    }

    /// <summary>Stops every follow and closes the queue.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var follow in _follows.Values)
            {
                follow.Dispose();
            }

            _follows.Clear();
        }

        Queue.Close();
    }
}
